package org.ebrelay.boot.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void withoutAFileEveryKeyHasItsDefault() {
        GatewayConfig config = new ConfigLoader().load(null);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.storage().dataDir()).isEqualTo(Path.of("data"));
        assertThat(config.cpa().dir()).isEqualTo(Path.of("cpa"));
        assertThat(config.storage().durability()).isEqualTo("commit");
    }

    @Test
    void aFileOverridesOnlyTheKeysItSets() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, """
                http:
                  port: 9090
                  responseTimeout: PT10S
                node:
                  parties: ["urn:oid:1.2.3:LAB"]
                """);
        GatewayConfig config = new ConfigLoader().load(file);
        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.http().responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.http().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.node().parties()).containsExactly("urn:oid:1.2.3:LAB");
    }

    @Test
    void theCpaWatchExpiryWarningAndEndpointOverridesAreReadAndDefaultSensibly() throws Exception {
        GatewayConfig.Cpa defaults = new ConfigLoader().load(null).cpa();
        assertThat(defaults.watchInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.expiryWarning()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.endpointOverrides()).isEmpty();
        assertThat(defaults.endpointOverridesFile()).isNull();
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, """
                cpa:
                  watchInterval: PT0S
                  expiryWarning: P7D
                  endpointOverrides:
                    - {from: "https://lab.example/ebms", to: "https://lab-test.example/ebms"}
                  endpointOverridesFile: conf/endpoint-overrides.yaml
                """);
        GatewayConfig.Cpa cpa = new ConfigLoader().load(file).cpa();
        assertThat(cpa.watchInterval()).isZero();
        assertThat(cpa.expiryWarning()).isEqualTo(Duration.ofDays(7));
        assertThat(cpa.endpointOverrides()).containsExactly(new GatewayConfig.EndpointOverride(null,
                "https://lab.example/ebms", "https://lab-test.example/ebms"));
        assertThat(cpa.endpointOverridesFile()).isEqualTo(Path.of("conf/endpoint-overrides.yaml"));
    }

    @Test
    void slowRetryKeysOverridesAndMultiHopRoutesAreRead() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, """
                reliability:
                  regenerationMargin: PT2M
                  slowRetry:
                    firstInterval: PT5M
                    maxAttempts: 12
                  slowRetryOverrides:
                    - {party: "urn:oid:1.2:LAB", maxAge: P1D, enabled: true}
                  multiHop:
                    - {cpaId: "urn:cpa:via-hub"}
                """);
        GatewayConfig.Reliability reliability = new ConfigLoader().load(file).reliability();
        assertThat(reliability.regenerationMargin()).isEqualTo(Duration.ofMinutes(2));
        assertThat(reliability.slowRetry()).isEqualTo(new GatewayConfig.SlowRetry(true, Duration.ofMinutes(5), 2.0,
                Duration.ofHours(4), 12, Duration.ofDays(5)));
        assertThat(reliability.slowRetryOverrides()).containsExactly(new GatewayConfig.SlowRetryOverride(null, null,
                null, "urn:oid:1.2:LAB", true, null, null, null, null, Duration.ofDays(1)));
        assertThat(reliability.multiHop()).containsExactly(new GatewayConfig.MultiHop("urn:cpa:via-hub", null));
        assertThat(reliability.ttlSafetyMargin()).as("untouched").isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aMisspelledKeyIsAnErrorThatNamesIt() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, "http:\n  prot: 9090\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("unknown key 'prot'");
    }

    @Test
    void theRsaProviderIsAutoByDefaultAndOnlyAutoJdkOrNative() throws Exception {
        assertThat(new ConfigLoader().load(null).signing().provider()).isEqualTo("auto");
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, "signing:\n  provider: jdk\n");
        assertThat(new ConfigLoader().load(file).signing().provider()).isEqualTo("jdk");
        assertThat(new ConfigLoader().load(file).signing().allowRsaSha1()).as("untouched").isFalse();

        Files.writeString(file, "signing:\n  provider: openssl\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("signing.provider must be auto, jdk or native, not openssl");
    }

    @Test
    void brokenYamlIsAnErrorWithItsLine() throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, "http:\n  port: [9090\n");
        assertThatThrownBy(() -> new ConfigLoader().load(file))
                .isInstanceOf(ConfigLoader.ConfigException.class)
                .hasMessageContaining("not valid YAML").hasMessageContaining("line");
    }

    @Test
    void theShippedConfigurationFileLoads() {
        GatewayConfig config = new ConfigLoader().load(Path.of("conf/ebrelay.yaml"));
        assertThat(config).isEqualTo(GatewayConfig.defaults());
    }
}
