package org.ebrelay.app.outbound.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * Stops sending to a partner that keeps failing. CLOSED: sends go; {@code failureThreshold} retryable failures in a
 * row open it. OPEN: nothing goes until the cool-down ends. HALF_OPEN: one probe goes; its success closes the breaker
 * (and resets the cool-down), its failure opens it again for twice as long, up to {@code maxOpenFor}. A threshold of
 * 0 switches it off. Not thread-safe: {@link PartnerGate} guards it. Time is passed in, never read.
 */
final class CircuitBreaker {
    enum State { CLOSED, OPEN, HALF_OPEN }

    /** What an outcome did to the breaker, so the caller can tell the world once. */
    enum Change { NONE, OPENED, CLOSED }

    private final BreakerSettings settings;
    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Duration coolDown;
    private Instant openUntil;
    private boolean probeInFlight;

    CircuitBreaker(BreakerSettings settings) {
        this.settings = settings;
        this.coolDown = settings.openFor();
    }

    /** The state at {@code now}: an OPEN breaker whose cool-down ended is HALF_OPEN. */
    State state(Instant now) {
        if (state == State.OPEN && !now.isBefore(openUntil)) {
            state = State.HALF_OPEN;
            probeInFlight = false;
        }
        return state;
    }

    /** How many sends may start now: unbounded when closed, one probe when half-open, none when open. */
    int room(Instant now) {
        switch (state(now)) {
            case CLOSED:
                return Integer.MAX_VALUE;
            case HALF_OPEN:
                return probeInFlight ? 0 : 1;
            default:
                return 0;
        }
    }

    /** A send starts (after {@link #room} allowed it): in HALF_OPEN it is the probe. */
    void started(Instant now) {
        if (state(now) == State.HALF_OPEN) {
            probeInFlight = true;
        }
    }

    /** The partner answered (whatever it said): its MSH is reachable. */
    Change succeeded(Instant now) {
        consecutiveFailures = 0;
        if (state(now) == State.CLOSED) {
            return Change.NONE;
        }
        state = State.CLOSED;
        coolDown = settings.openFor();
        probeInFlight = false;
        return Change.CLOSED;
    }

    /** A retryable transport failure (refused, timed out, 5xx, 408, 429). */
    Change failed(Instant now) {
        consecutiveFailures++;
        State current = state(now);
        if (!settings.enabled() || current == State.OPEN) {
            return Change.NONE; // a send that started before the breaker opened
        }
        if (current == State.HALF_OPEN) {
            coolDown = min(coolDown.multipliedBy(2), settings.maxOpenFor());
            return open(now);
        }
        return consecutiveFailures >= settings.failureThreshold() ? open(now) : Change.NONE;
    }

    private Change open(Instant now) {
        state = State.OPEN;
        openUntil = now.plus(coolDown);
        probeInFlight = false;
        return Change.OPENED;
    }

    /** When an OPEN breaker lets a probe through; null when not open. */
    Instant openUntil(Instant now) {
        return state(now) == State.OPEN ? openUntil : null;
    }

    int consecutiveFailures() {
        return consecutiveFailures;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
