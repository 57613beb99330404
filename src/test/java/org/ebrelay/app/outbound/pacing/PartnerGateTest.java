package org.ebrelay.app.outbound.pacing;

import org.ebrelay.app.TestClock;
import org.ebrelay.app.port.out.ClaimLimits;
import org.ebrelay.app.port.out.SendOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerGateTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String LAB = "http://lab.example/ebms";
    private static final String PHARMACY = "http://pharmacy.example/ebms";
    private static final SendOutcome REFUSED = new SendOutcome.RetryableFailure("connection refused", null);
    private static final SendOutcome ANSWERED = new SendOutcome.Answered(204, null);

    private final TestClock clock = new TestClock(T0);
    private final List<String> told = new ArrayList<>();
    private final PartnerGate.Listener listener = new PartnerGate.Listener() {
        @Override
        public void breakerOpened(String endpointUrl, Instant at, Instant probeAt, int failures) {
            told.add("opened " + endpointUrl + " until " + probeAt + " after " + failures);
        }

        @Override
        public void breakerClosed(String endpointUrl, Instant at) {
            told.add("closed " + endpointUrl + " at " + at);
        }
    };
    private final PartnerGate gate = new PartnerGate(clock, new PacingPolicy(
            new PacingSettings(2, 0, 1, new BreakerSettings(2, Duration.ofSeconds(10), Duration.ofMinutes(1))),
            Map.of(PHARMACY, new PacingSettings(10, 5, 2, BreakerSettings.off()))), listener);

    @Test
    void aPartnerNeverSeenGetsItsFullAllowanceAndNothingIsExcluded() {
        ClaimLimits limits = gate.claimLimits();

        assertThat(limits.excludedEndpoints()).isEmpty();
        assertThat(limits.allowance(LAB)).as("maxConcurrent").isEqualTo(2);
        assertThat(limits.allowance(PHARMACY)).as("the burst of its override").isEqualTo(2);
    }

    @Test
    void aPartnerWithAllItsSendsUnderWayIsExcludedUntilOneEnds() {
        assertThat(gate.admit(LAB).admitted()).isTrue();
        assertThat(gate.admit(LAB).admitted()).isTrue();

        assertThat(gate.claimLimits().excludedEndpoints()).containsExactly(LAB);
        assertThat(gate.admit(LAB).admitted()).isFalse();

        gate.finished(LAB, ANSWERED);
        assertThat(gate.claimLimits().allowance(LAB)).isEqualTo(1);
    }

    @Test
    void aRateLimitedPartnerIsExcludedUntilItsNextTokenAndTheDispatcherKnowsWhen() {
        gate.admit(PHARMACY);
        gate.finished(PHARMACY, ANSWERED);
        gate.admit(PHARMACY);
        gate.finished(PHARMACY, ANSWERED);

        assertThat(gate.claimLimits().excludedEndpoints()).containsExactly(PHARMACY);
        PartnerGate.Admission refused = gate.admit(PHARMACY);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAt()).isEqualTo(T0.plusMillis(200));
        assertThat(gate.nextOpening()).contains(T0.plusMillis(200));

        clock.advance(Duration.ofMillis(200));
        assertThat(gate.claimLimits().excludedEndpoints()).isEmpty();
        assertThat(gate.nextOpening()).isEmpty();
    }

    @Test
    void anOpenBreakerHoldsThePartnerBackTillTheProbeTimeAndOtherPartnersAreNotAffected() {
        gate.admit(LAB);
        gate.finished(LAB, REFUSED);
        gate.admit(LAB);
        gate.finished(LAB, REFUSED);

        assertThat(told).containsExactly("opened " + LAB + " until " + T0.plusSeconds(10) + " after 2");
        assertThat(gate.openBreakers()).isEqualTo(1);
        assertThat(gate.claimLimits().excludedEndpoints()).containsExactly(LAB);
        assertThat(gate.admit(LAB).retryAt()).isEqualTo(T0.plusSeconds(10));
        assertThat(gate.nextOpening()).contains(T0.plusSeconds(10));
        assertThat(gate.admit(PHARMACY).admitted()).isTrue();
    }

    @Test
    void afterTheCoolDownOneProbeGoesAndItsAnswerClosesTheBreaker() {
        openLab();
        clock.advance(Duration.ofSeconds(10));

        assertThat(gate.claimLimits().allowance(LAB)).as("one probe").isEqualTo(1);
        assertThat(gate.admit(LAB).admitted()).isTrue();
        assertThat(gate.admit(LAB).admitted()).as("only one").isFalse();

        gate.finished(LAB, new SendOutcome.PermanentFailure("Not Found", 404, null));

        assertThat(told).last().isEqualTo("closed " + LAB + " at " + T0.plusSeconds(10));
        assertThat(gate.openBreakers()).isZero();
        assertThat(gate.claimLimits().allowance(LAB)).isEqualTo(2);
    }

    @Test
    void aFailedProbeReopensForLonger() {
        openLab();
        clock.advance(Duration.ofSeconds(10));
        gate.admit(LAB);

        gate.finished(LAB, REFUSED);

        assertThat(told).last().asString().contains("until " + T0.plusSeconds(30));
        assertThat(gate.partners()).singleElement().satisfies(p -> {
            assertThat(p.breaker()).isEqualTo("OPEN");
            assertThat(p.probeAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(p.inFlight()).isZero();
        });
    }

    @Test
    void everyHoldIsCountedAsThrottled() {
        openLab();
        gate.claimLimits();
        gate.admit(LAB);

        assertThat(gate.throttled()).isEqualTo(2);
    }

    @Test
    void anUnlimitedGateNeverHoldsAnythingBack() {
        PartnerGate unlimited = PartnerGate.unlimited(clock);
        for (int i = 0; i < 1_000; i++) {
            assertThat(unlimited.admit(LAB).admitted()).isTrue();
            unlimited.finished(LAB, REFUSED);
        }
        assertThat(unlimited.claimLimits().excludedEndpoints()).isEmpty();
        assertThat(unlimited.openBreakers()).isZero();
    }

    private void openLab() {
        for (int i = 0; i < 2; i++) {
            gate.admit(LAB);
            gate.finished(LAB, REFUSED);
        }
    }
}
