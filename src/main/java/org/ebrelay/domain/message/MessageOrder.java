package org.ebrelay.domain.message;

import java.util.Objects;

/** eb:MessageOrder: the position of a message in its conversation's sequence. */
public record MessageOrder(long sequenceNumber, SequenceStatus status) {
    /** After this number the sequence wraps to 0 with status Reset. */
    public static final long MAX_SEQUENCE_NUMBER = 99_999_999L;

    public MessageOrder {
        if (sequenceNumber < 0) {
            throw new IllegalArgumentException("sequence number must not be negative");
        }
        Objects.requireNonNull(status, "status");
    }
}
