package org.ebrelay.app.outbound.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * A send rate: holds up to {@code burst} tokens, refilled at {@code ratePerSecond}; each send takes one. A rate of 0
 * means no limit. Not thread-safe: {@link PartnerGate} guards it. Time is passed in, never read.
 */
final class TokenBucket {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double ratePerSecond;
    private final int burst;
    private double tokens;
    private Instant refilledAt;

    TokenBucket(double ratePerSecond, int burst, Instant now) {
        if (ratePerSecond < 0 || (ratePerSecond > 0 && burst < 1)) {
            throw new IllegalArgumentException("rate must be >= 0 and burst >= 1: " + ratePerSecond + ", " + burst);
        }
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
        this.tokens = burst;
        this.refilledAt = now;
    }

    boolean unlimited() {
        return ratePerSecond == 0;
    }

    /** Whole tokens available now ({@link Integer#MAX_VALUE} without a limit). */
    int available(Instant now) {
        if (unlimited()) {
            return Integer.MAX_VALUE;
        }
        refill(now);
        return (int) Math.floor(tokens);
    }

    /** Takes one token if there is one. */
    boolean tryTake(Instant now) {
        if (available(now) < 1) {
            return false;
        }
        if (!unlimited()) {
            tokens -= 1;
        }
        return true;
    }

    /** When the next whole token is there: {@code now} if one is available already. */
    Instant nextTokenAt(Instant now) {
        if (available(now) >= 1) {
            return now;
        }
        double missing = 1 - tokens;
        long nanos = (long) Math.ceil(missing * NANOS_PER_SECOND / ratePerSecond);
        return now.plusNanos(Math.max(1, nanos));
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            double seconds = Duration.between(refilledAt, now).toNanos() / (double) NANOS_PER_SECOND;
            tokens = Math.min(burst, tokens + seconds * ratePerSecond);
            refilledAt = now;
        }
    }
}
