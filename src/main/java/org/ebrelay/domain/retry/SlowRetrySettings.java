package org.ebrelay.domain.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * Slow retry (issue 4, digest §18): after the CPA's 1 + Retries attempts fail, the message sleeps and wakes up again,
 * each wake-up starting a fresh ebXML retry sequence; the sleeps grow from {@code firstInterval} by
 * {@code multiplier} up to {@code maxInterval}. It ends, and the message waits for an operator, after
 * {@code maxAttempts} wake-ups or once a wake-up would come later than {@code maxAge} after submission.
 *
 * @param maxAttempts how many wake-ups at most; null (or 0 in the configuration) for no limit by count
 * @param maxAge      how long after submission the last wake-up may start; null (or zero) for no limit by age
 */
public record SlowRetrySettings(boolean enabled, Duration firstInterval, double multiplier, Duration maxInterval,
                                Integer maxAttempts, Duration maxAge) {
    /** Wake-ups after 15 min, 30 min, 1 h, 2 h, then every 4 h, for up to 5 days (Logius' default retry window). */
    public static final SlowRetrySettings DEFAULTS = new SlowRetrySettings(true, Duration.ofMinutes(15), 2.0,
            Duration.ofHours(4), null, Duration.ofDays(5));

    public SlowRetrySettings {
        Objects.requireNonNull(firstInterval, "firstInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        if (firstInterval.isNegative() || firstInterval.isZero()) {
            throw new IllegalArgumentException("slow retry firstInterval must be positive: " + firstInterval);
        }
        if (maxInterval.compareTo(firstInterval) < 0) {
            throw new IllegalArgumentException("slow retry maxInterval " + maxInterval + " is below firstInterval "
                    + firstInterval);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("slow retry multiplier must be at least 1: " + multiplier);
        }
        maxAttempts = maxAttempts == null || maxAttempts == 0 ? null : maxAttempts;
        if (maxAttempts != null && maxAttempts < 0) {
            throw new IllegalArgumentException("slow retry maxAttempts must not be negative: " + maxAttempts);
        }
        maxAge = maxAge == null || maxAge.isZero() ? null : maxAge;
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("slow retry maxAge must not be negative: " + maxAge);
        }
        if (enabled && maxAttempts == null && maxAge == null) {
            throw new IllegalArgumentException("slow retry needs a limit: maxAttempts, maxAge or both");
        }
    }

    /** The sleep before wake-up number {@code round} (1 for the first): firstInterval × multiplier^(round-1), capped. */
    public Duration intervalBefore(int round) {
        if (round < 1) {
            throw new IllegalArgumentException("round must be at least 1: " + round);
        }
        double millis = firstInterval.toMillis() * Math.pow(multiplier, round - 1);
        return millis >= maxInterval.toMillis() ? maxInterval : Duration.ofMillis(Math.round(millis));
    }

    public SlowRetrySettings withEnabled(boolean on) {
        return new SlowRetrySettings(on, firstInterval, multiplier, maxInterval, maxAttempts, maxAge);
    }
}
