package org.ebrelay.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.UuidIdGenerator;
import org.ebrelay.app.outbound.RetrySetup;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.retry.RetryRules;
import org.junit.jupiter.api.Test;

/** The reliability keys of the configuration become the dispatcher's retry rules. */
class RetryWiringTest {
    private static final MessageHeading TO_LAB = new MessageHeading(CpaId.of("urn:cpa:1"), ConversationId.of("c"),
            MessageId.of("m@x"), "HL7-1", PartyId.of("urn:oid:1.2", "RGH"), PartyId.of("urn:oid:1.2", "LAB"),
            Service.of(null, "lab"), "OML_O21", Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void aPartnersOverrideAndAMultiHopCpaReachTheRules() {
        GatewayConfig.Reliability defaults = GatewayConfig.Reliability.defaults();
        GatewayConfig.Reliability config = new GatewayConfig.Reliability(defaults.sweepInterval(),
                defaults.claimLease(), defaults.ttlSafetyMargin(), defaults.slowRetry(),
                List.of(new GatewayConfig.SlowRetryOverride(null, null, null, "urn:oid:1.2:LAB", null,
                        Duration.ofMinutes(1), null, null, 3, null)),
                Duration.ofMinutes(2), List.of(new GatewayConfig.MultiHop("urn:cpa:1", null)),
                defaults.hl7DuplicateWindow());

        RetrySetup setup = RetryWiring.setup(config, new AgreementRegistry(List.of()), new UuidIdGenerator("n"));
        RetryRules rules = setup.rulesFor(TO_LAB);

        assertThat(rules.multiHop()).isTrue();
        assertThat(rules.slowRetry().firstInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(rules.slowRetry().maxAttempts()).isEqualTo(3);
        assertThat(rules.slowRetry().maxAge()).isEqualTo(Duration.ofDays(5));
    }

    @Test
    void slowRetryWithoutAnyLimitIsRefused() {
        GatewayConfig.Reliability unlimited = GatewayConfig.Reliability.defaults().withSlowRetry(
                new GatewayConfig.SlowRetry(true, Duration.ofMinutes(15), 2.0, Duration.ofHours(4), null, null),
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> RetryWiring.setup(unlimited, new AgreementRegistry(List.of()),
                new UuidIdGenerator("n"))).hasMessageContaining("slow retry needs a limit");
    }
}
