package org.ebrelay.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;

class ClusterSetupTest {
    private static final GatewayConfig ALONE = GatewayConfig.defaults();

    @Test
    void aClusterOnTheEmbeddedDatabaseIsRefusedWithWhatToSet() {
        List<String> problems = new ArrayList<>();

        ClusterSetup.check(ALONE.withCluster(new GatewayConfig.Cluster(true, Duration.ofSeconds(5))), problems);

        assertThat(problems).singleElement().asString().contains("cluster.enabled", "storage.jdbcUrl");
    }

    @Test
    void aClusterOnASharedDatabaseWithSensibleSettingsPasses() {
        List<String> problems = new ArrayList<>();
        GatewayConfig config = ALONE.withStorage(ALONE.storage().withJdbcUrl("jdbc:postgresql://db/ebrelay", "e", "p"))
                .withCluster(new GatewayConfig.Cluster(true, Duration.ofSeconds(5)));

        ClusterSetup.check(config, problems);

        assertThat(problems).isEmpty();
    }

    @Test
    void aTinyPoolOrACheckInFasterThanATenthOfASecondIsRefused() {
        List<String> problems = new ArrayList<>();
        GatewayConfig.Storage storage = ALONE.storage();
        GatewayConfig config = ALONE.withStorage(new GatewayConfig.Storage(storage.dataDir(), null,
                storage.durability(), null, null, 1)).withCluster(new GatewayConfig.Cluster(false, Duration.ZERO));

        ClusterSetup.check(config, problems);

        assertThat(problems).hasSize(2).anySatisfy(p -> assertThat(p).contains("storage.poolSize"))
                .anySatisfy(p -> assertThat(p).contains("cluster.checkinInterval"));
    }
}
