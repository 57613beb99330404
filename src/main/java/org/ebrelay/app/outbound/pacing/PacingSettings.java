package org.ebrelay.app.outbound.pacing;

import java.util.Objects;

/**
 * How one partner is paced.
 *
 * @param maxConcurrent how many sends to the partner may be under way at once
 * @param ratePerSecond sends started per second at most (0: no rate limit)
 * @param burst         sends that may start at once after a quiet period (the token bucket's size)
 * @param breaker       when to stop sending to a partner that keeps failing
 */
public record PacingSettings(int maxConcurrent, double ratePerSecond, int burst, BreakerSettings breaker) {
    public PacingSettings {
        Objects.requireNonNull(breaker, "breaker");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1: " + maxConcurrent);
        }
        if (ratePerSecond < 0 || Double.isNaN(ratePerSecond) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be 0 (no limit) or more: " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1: " + burst);
        }
    }

    /** 64 at once (the HTTP client's connections per partner), no rate limit, the default breaker. */
    public static PacingSettings defaults() {
        return new PacingSettings(64, 0, 100, BreakerSettings.defaults());
    }

    /** No pacing at all: what a dispatcher built without a gate gets. */
    public static PacingSettings unlimited() {
        return new PacingSettings(Integer.MAX_VALUE, 0, 1, BreakerSettings.off());
    }
}
