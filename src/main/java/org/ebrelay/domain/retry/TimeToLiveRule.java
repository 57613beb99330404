package org.ebrelay.domain.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The eb:TimeToLive we put on a new message (digest §13.3, last paragraph): Timestamp + PersistDuration - a safety
 * margin. It ends before the receiver may forget the MessageId, so an expired copy is refused rather than delivered
 * twice, and it never ends before PersistDuration is nearly over, so a same-id resend is not expired on arrival.
 *
 * <p>The margin covers clock skew and transit. It is capped at a tenth of PersistDuration so that short durations
 * (test CPAs use seconds) still leave a usable window.
 */
public final class TimeToLiveRule {
    /** Default safety margin. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

    private final Duration margin;

    public TimeToLiveRule(Duration margin) {
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative()) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
        this.margin = margin;
    }

    public TimeToLiveRule() {
        this(DEFAULT_MARGIN);
    }

    /** The TimeToLive for a message stamped {@code timestamp}; empty when the CPA gives no PersistDuration. */
    public Optional<Instant> timeToLive(Instant timestamp, Duration persistDuration) {
        Objects.requireNonNull(timestamp, "timestamp");
        if (persistDuration == null) {
            return Optional.empty();
        }
        Duration cap = persistDuration.dividedBy(10);
        Duration applied = margin.compareTo(cap) > 0 ? cap : margin;
        return Optional.of(timestamp.plus(persistDuration).minus(applied));
    }
}
