package org.ebrelay.app.ordering;

import java.time.Duration;
import java.util.Objects;

/**
 * What the receiver tolerates before it reports a gap in an ordered conversation (delivery.ordering).
 *
 * @param maxHeldPerConversation held messages behind one gap before the administrators are told
 * @param maxGapWait             how long the oldest held message may wait before they are told
 */
public record OrderingLimits(int maxHeldPerConversation, Duration maxGapWait) {
    public static final OrderingLimits DEFAULTS = new OrderingLimits(100, Duration.ofMinutes(10));

    public OrderingLimits {
        if (maxHeldPerConversation < 1) {
            throw new IllegalArgumentException("maxHeldPerConversation must be at least 1: " + maxHeldPerConversation);
        }
        Objects.requireNonNull(maxGapWait, "maxGapWait");
        if (maxGapWait.isNegative() || maxGapWait.isZero()) {
            throw new IllegalArgumentException("maxGapWait must be positive: " + maxGapWait);
        }
    }
}
