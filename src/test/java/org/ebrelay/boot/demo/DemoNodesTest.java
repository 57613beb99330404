package org.ebrelay.boot.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoNodesTest {
    private static final Path CPA = Path.of("cpa", DemoCpa.FILE_NAME);

    private static DemoNodes.Settings settings(int hospitalPort, int labPort) {
        return new DemoNodes.Settings(CPA, Path.of("unused"), hospitalPort, labPort, "commit", true);
    }

    @Test
    void theCpaCopyPointsBothEndpointsAtTheChosenPorts() throws Exception {
        String rewritten = DemoNodes.rewriteEndpoints(Files.readString(CPA), settings(18081, 18082));

        assertThat(rewritten).contains("<tns:Endpoint tns:uri=\"http://127.0.0.1:18081/ebms\"")
                .contains("<tns:Endpoint tns:uri=\"http://127.0.0.1:18082/ebms\"")
                .doesNotContain("127.0.0.1:8081/").doesNotContain("127.0.0.1:8082/");
    }

    @Test
    void theDefaultPortsLeaveTheCpaAsShipped() throws Exception {
        String cpa = Files.readString(CPA);

        assertThat(DemoNodes.rewriteEndpoints(cpa, settings(8081, 8082))).isEqualTo(cpa);
    }

    @Test
    void aCpaWithoutTheDemoEndpointsIsRefusedWithItsName() {
        assertThatThrownBy(() -> DemoNodes.rewriteEndpoints("<cpa/>", settings(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DemoCpa.FILE_NAME).hasMessageContaining("http://127.0.0.1:8081/ebms");
    }

    @Test
    void theShippedDemoCpaIsFoundFromTheCheckout() {
        assertThat(DemoCpa.locate()).hasValueSatisfying(path -> assertThat(path.getFileName().toString())
                .isEqualTo(DemoCpa.FILE_NAME));
    }
}
