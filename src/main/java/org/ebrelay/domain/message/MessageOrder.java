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

    /** The position {@code number} of a sequence: 0 starts it (Reset), any other continues it (ORD-2). */
    public static MessageOrder numbered(long number) {
        return new MessageOrder(number, number == 0 ? SequenceStatus.RESET : SequenceStatus.CONTINUE);
    }

    /** The number after {@code number}: one more, or 0 after {@link #MAX_SEQUENCE_NUMBER} (the wrap, ORD-2). */
    public static long following(long number) {
        return number >= MAX_SEQUENCE_NUMBER ? 0 : number + 1;
    }
}
