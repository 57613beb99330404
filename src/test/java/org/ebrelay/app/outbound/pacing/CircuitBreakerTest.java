package org.ebrelay.app.outbound.pacing;

import org.ebrelay.app.outbound.pacing.CircuitBreaker.Change;
import org.ebrelay.app.outbound.pacing.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final CircuitBreaker breaker = new CircuitBreaker(
            new BreakerSettings(3, Duration.ofSeconds(10), Duration.ofSeconds(35)));

    private Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    private void failTimes(int n, Instant at) {
        for (int i = 0; i < n; i++) {
            breaker.failed(at);
        }
    }

    @Test
    void itOpensAfterTheThresholdOfFailuresInARow() {
        failTimes(2, at(0));
        assertThat(breaker.state(at(0))).isEqualTo(State.CLOSED);

        assertThat(breaker.failed(at(1))).isEqualTo(Change.OPENED);

        assertThat(breaker.state(at(1))).isEqualTo(State.OPEN);
        assertThat(breaker.room(at(1))).isZero();
        assertThat(breaker.openUntil(at(1))).isEqualTo(at(11));
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        failTimes(2, at(0));
        breaker.succeeded(at(1));
        failTimes(2, at(2));

        assertThat(breaker.state(at(2))).isEqualTo(State.CLOSED);
    }

    @Test
    void afterTheCoolDownExactlyOneProbeMayGo() {
        failTimes(3, at(0));

        assertThat(breaker.room(at(9.999))).isZero();
        assertThat(breaker.state(at(10))).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.room(at(10))).isEqualTo(1);
        breaker.started(at(10));
        assertThat(breaker.room(at(10))).as("one probe at a time").isZero();
    }

    @Test
    void aSuccessfulProbeClosesTheBreaker() {
        failTimes(3, at(0));
        breaker.started(at(10));

        assertThat(breaker.succeeded(at(10.5))).isEqualTo(Change.CLOSED);

        assertThat(breaker.state(at(10.5))).isEqualTo(State.CLOSED);
        assertThat(breaker.room(at(10.5))).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aFailedProbeReopensWithATwiceLongerCoolDownUpToTheMaximum() {
        failTimes(3, at(0));
        breaker.started(at(10));
        assertThat(breaker.failed(at(10))).isEqualTo(Change.OPENED);
        assertThat(breaker.openUntil(at(10))).as("20 s").isEqualTo(at(30));

        breaker.started(at(30));
        breaker.failed(at(30));
        assertThat(breaker.openUntil(at(30))).as("35 s, not 40").isEqualTo(at(65));
    }

    @Test
    void afterClosingTheNextOutageStartsAgainFromTheFirstCoolDown() {
        failTimes(3, at(0));
        breaker.started(at(10));
        breaker.failed(at(10));
        breaker.started(at(30));
        breaker.succeeded(at(30));

        failTimes(3, at(40));

        assertThat(breaker.openUntil(at(40))).isEqualTo(at(50));
    }

    @Test
    void failuresOfSendsStartedBeforeItOpenedDoNotProlongTheCoolDown() {
        failTimes(3, at(0));

        assertThat(breaker.failed(at(2))).isEqualTo(Change.NONE);
        assertThat(breaker.openUntil(at(2))).isEqualTo(at(10));
    }

    @Test
    void aThresholdOfZeroNeverOpens() {
        CircuitBreaker off = new CircuitBreaker(BreakerSettings.off());
        for (int i = 0; i < 100; i++) {
            assertThat(off.failed(at(i))).isEqualTo(Change.NONE);
        }
        assertThat(off.room(at(100))).isEqualTo(Integer.MAX_VALUE);
    }
}
