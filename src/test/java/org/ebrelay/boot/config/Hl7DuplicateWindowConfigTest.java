package org.ebrelay.boot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reliability.hl7DuplicateWindow: thirty days unless the file says otherwise, and the shipped file says so too. */
class Hl7DuplicateWindowConfigTest {
    @TempDir
    Path dir;

    @Test
    void theWindowIsThirtyDaysByDefaultAndInTheShippedFile() {
        assertThat(new ConfigLoader().load(null).reliability().hl7DuplicateWindow()).isEqualTo(Duration.ofDays(30));
        assertThat(new ConfigLoader().load(Path.of("conf", "ebrelay.yaml")).reliability().hl7DuplicateWindow())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aFileSetsTheWindowAndKeepsTheOtherReliabilityKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("ebrelay.yaml"), """
                reliability:
                  hl7DuplicateWindow: P90D
                """);

        GatewayConfig.Reliability reliability = new ConfigLoader().load(file).reliability();

        assertThat(reliability.hl7DuplicateWindow()).isEqualTo(Duration.ofDays(90));
        assertThat(reliability.sweepInterval()).isEqualTo(GatewayConfig.Reliability.defaults().sweepInterval());
    }
}
