package org.ebrelay.app.outbound.pacing;

import java.time.Duration;
import java.util.Objects;

/**
 * @param failureThreshold retryable failures in a row that open the breaker; 0 switches it off
 * @param openFor          the first cool-down before a probe is let through
 * @param maxOpenFor       the cool-down doubles after each failed probe, up to this
 */
public record BreakerSettings(int failureThreshold, Duration openFor, Duration maxOpenFor) {
    public BreakerSettings {
        Objects.requireNonNull(openFor, "openFor");
        Objects.requireNonNull(maxOpenFor, "maxOpenFor");
        if (failureThreshold < 0) {
            throw new IllegalArgumentException("failureThreshold must be 0 (off) or more: " + failureThreshold);
        }
        if (openFor.isNegative() || openFor.isZero() || maxOpenFor.compareTo(openFor) < 0) {
            throw new IllegalArgumentException("need 0 < openFor <= maxOpenFor: " + openFor + ", " + maxOpenFor);
        }
    }

    public static BreakerSettings defaults() {
        return new BreakerSettings(5, Duration.ofSeconds(5), Duration.ofMinutes(1));
    }

    public static BreakerSettings off() {
        return new BreakerSettings(0, Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    public boolean enabled() {
        return failureThreshold > 0;
    }
}
