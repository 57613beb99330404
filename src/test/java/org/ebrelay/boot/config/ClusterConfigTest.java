package org.ebrelay.boot.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {
    @TempDir
    Path dir;

    @Test
    void aNodeIsOnItsOwnOnEmbeddedH2UnlessConfiguredOtherwise() {
        GatewayConfig config = new ConfigLoader().load(Path.of("conf", "ebrelay.yaml"));

        assertThat(config.cluster()).isEqualTo(new GatewayConfig.Cluster(false, Duration.ofSeconds(5)));
        assertThat(config.storage().jdbcUrl()).isNull();
        assertThat(config.storage().poolSize()).isEqualTo(10);
    }

    @Test
    void aClusterNodeNamesTheSharedPostgresqlDatabaseItsCredentialsAndTheClusterSettings() throws IOException {
        Path file = Files.writeString(dir.resolve("ebrelay.yaml"), """
                storage:
                  jdbcUrl: jdbc:postgresql://db.example:5432/ebrelay
                  user: ebrelay
                  password: secret
                  poolSize: 20
                cluster:
                  enabled: true
                  checkinInterval: PT2S
                """);

        GatewayConfig config = new ConfigLoader().load(file);

        assertThat(config.storage().jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/ebrelay");
        assertThat(config.storage().user()).isEqualTo("ebrelay");
        assertThat(config.storage().password()).isEqualTo("secret");
        assertThat(config.storage().poolSize()).isEqualTo(20);
        assertThat(config.storage().durability()).isEqualTo("commit");
        assertThat(config.cluster()).isEqualTo(new GatewayConfig.Cluster(true, Duration.ofSeconds(2)));
    }
}
