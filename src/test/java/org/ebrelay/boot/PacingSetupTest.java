package org.ebrelay.boot;

import org.ebrelay.app.outbound.pacing.PacingPolicy;
import org.ebrelay.app.outbound.pacing.PacingSettings;
import org.ebrelay.boot.config.ConfigLoader;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PacingSetupTest {
    @TempDir
    Path dir;

    private GatewayConfig load(String yaml) throws Exception {
        Path file = dir.resolve("ebrelay.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader().load(file);
    }

    @Test
    void theDefaultsLimitConcurrencyAndOpenTheBreakerAfterFiveFailuresButSetNoRate() {
        PacingPolicy policy = PacingSetup.policy(GatewayConfig.defaults().pacing(), new ArrayList<>());

        PacingSettings settings = policy.forEndpoint("http://any.example/ebms");
        assertThat(settings.maxConcurrent()).isEqualTo(64);
        assertThat(settings.ratePerSecond()).isZero();
        assertThat(settings.breaker().failureThreshold()).isEqualTo(5);
        assertThat(settings.breaker().openFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.breaker().maxOpenFor()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aPartnerOverrideChangesOnlyTheKeysItSets() throws Exception {
        GatewayConfig config = load("""
                pacing:
                  ratePerSecond: 50
                  breaker: {failureThreshold: 3}
                  partners:
                    - endpoint: "https://lab.example.org/ebms"
                      ratePerSecond: 5
                      breaker: {openFor: PT30S, maxOpenFor: PT10M}
                """);

        PacingPolicy policy = PacingSetup.policy(config.pacing(), new ArrayList<>());

        PacingSettings lab = policy.forEndpoint("https://lab.example.org/ebms");
        assertThat(lab.ratePerSecond()).isEqualTo(5);
        assertThat(lab.burst()).as("general").isEqualTo(100);
        assertThat(lab.breaker().failureThreshold()).as("general").isEqualTo(3);
        assertThat(lab.breaker().openFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.forEndpoint("https://other.example.org/ebms").ratePerSecond()).isEqualTo(50);
        assertThat(policy.forEndpoint("https://other.example.org/ebms").breaker().openFor())
                .as("a key the file leaves out keeps its default").isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void impossibleValuesAreStartUpProblemsThatNameTheKey() throws Exception {
        GatewayConfig config = load("""
                pacing:
                  maxConcurrentPerPartner: 0
                """);
        List<String> problems = new ArrayList<>();

        PacingSetup.policy(config.pacing(), problems);

        assertThat(problems).singleElement().asString().startsWith("pacing: maxConcurrent");

        GatewayConfig coolDowns = load("""
                pacing:
                  breaker: {openFor: PT2M}
                """);
        PacingSetup.policy(coolDowns.pacing(), problems);
        assertThat(problems).last().asString().contains("openFor <= maxOpenFor");

        GatewayConfig badPartners = load("""
                pacing:
                  partners:
                    - {endpoint: "ftp://lab.example.org/ebms"}
                    - {ratePerSecond: 5}
                """);
        problems.clear();
        PacingSetup.policy(badPartners.pacing(), problems);
        assertThat(problems).containsExactly("pacing.partners 'ftp://lab.example.org/ebms': not an http(s) URL",
                "pacing.partners 'null': needs 'endpoint': the partner's URL as written in the CPA");
    }
}
