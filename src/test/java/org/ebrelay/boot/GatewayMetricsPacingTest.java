package org.ebrelay.boot;

import org.ebrelay.app.TestClock;
import org.ebrelay.app.outbound.pacing.BreakerSettings;
import org.ebrelay.app.outbound.pacing.PacingPolicy;
import org.ebrelay.app.outbound.pacing.PacingSettings;
import org.ebrelay.app.outbound.pacing.PartnerGate;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageHistory;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.MessageState;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayMetricsPacingTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));

    @Test
    void theScrapeShowsOpenBreakersAndHowOftenPartnersWereHeldBack() {
        GatewayMetrics metrics = new GatewayMetrics(new NoHistory(), clock);
        PartnerGate gate = new PartnerGate(clock, PacingPolicy.of(new PacingSettings(4, 0, 1,
                new BreakerSettings(1, Duration.ofSeconds(5), Duration.ofSeconds(5)))), PartnerGate.Listener.NONE);
        metrics.watch(gate);

        gate.admit("http://lab.example/ebms");
        gate.finished("http://lab.example/ebms", new SendOutcome.RetryableFailure("connection refused", null));
        gate.claimLimits();

        String scrape = metrics.registry().scrape();
        assertThat(scrape).contains("ebrelay_pacing_breakers_open 1.0").contains("ebrelay_pacing_throttled_total 1.0");
    }

    private static final class NoHistory implements MessageHistory {
        @Override
        public List<MessageDetails> findByMessageId(MessageId messageId) {
            return List.of();
        }

        @Override
        public List<MessageDetails> findByHl7Id(String hl7Id) {
            return List.of();
        }

        @Override
        public List<MessageSummary> listOutbound(OutboundState state, int limit) {
            return List.of();
        }

        @Override
        public List<MessageSummary> listInbound(InboundState state, int limit) {
            return List.of();
        }

        @Override
        public List<MessageSummary> listOutbound(OutboundState state, CpaId cpaId, PartyId party, int limit) {
            return List.of();
        }

        @Override
        public List<MessageSummary> listInbound(InboundState state, CpaId cpaId, PartyId party, int limit) {
            return List.of();
        }

        @Override
        public Map<MessageState, Long> countByState() {
            return Map.of();
        }
    }
}
