package org.ebrelay.boot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mllp section of conf/ebrelay.yaml: listeners, routes and destinations, and their defaults. */
class MllpConfigTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheSectionThereIsNoMllpAtAll() {
        GatewayConfig.Mllp mllp = new ConfigLoader().load(null).mllp();

        assertThat(mllp.charset()).isEqualTo("UTF-8");
        assertThat(mllp.listeners()).isEmpty();
        assertThat(mllp.routes()).isEmpty();
        assertThat(mllp.destinations()).isEmpty();
    }

    @Test
    void listenersRoutesAndDestinationsAreReadWithWhatTheyLeaveOutAsNull() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, """
                mllp:
                  listeners: [{port: 2575}]
                  routes:
                    - {name: lab-orders, sendingApplication: RGH-HIS, messageType: OML, triggerEvent: O21,
                       cpaId: "urn:cpa:1", to: "urn:oid:1:NRL", action: OML_O21}
                  destinations:
                    - {name: lis, action: OML_O21, messageType: OML, port: 2576, retryInterval: PT5S}
                """);

        GatewayConfig.Mllp mllp = new ConfigLoader().load(file).mllp();

        assertThat(mllp.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mllp.listeners()).containsExactly(new GatewayConfig.MllpListener(null, 2575));
        assertThat(mllp.routes()).containsExactly(new GatewayConfig.MllpRoute("lab-orders", "RGH-HIS", null, null,
                null, "OML", "O21", "urn:cpa:1", null, "urn:oid:1:NRL", null, null, "OML_O21"));
        assertThat(mllp.destinations()).containsExactly(new GatewayConfig.MllpDestination("lis", null, null,
                "OML_O21", null, null, null, null, "OML", null, null, 2576, null, Duration.ofSeconds(5)));
    }

    @Test
    void aRoutesReturnDestinationAndADestinationsAnswerSettingsAreRead() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, """
                mllp:
                  routes: [{name: r, cpaId: c, to: "a:b", action: x, returnTo: his}]
                  destinations: [{name: his, port: 2576, returnAcks: true, ackAction: ACK}]
                """);

        GatewayConfig.Mllp mllp = new ConfigLoader().load(file).mllp();

        assertThat(mllp.routes()).singleElement().satisfies(r -> assertThat(r.returnTo()).isEqualTo("his"));
        assertThat(mllp.destinations()).singleElement().satisfies(d -> {
            assertThat(d.returnAcks()).isTrue();
            assertThat(d.ackAction()).isEqualTo("ACK");
        });
    }

    @Test
    void aMisspelledRouteKeyIsAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, """
                mllp:
                  routes: [{name: r, messagetype: OML, cpaId: c, to: "a:b", action: x}]
                """);

        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .isInstanceOf(ConfigLoader.ConfigException.class).hasMessageContaining("messagetype");
    }
}
