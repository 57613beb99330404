package org.ebrelay.domain.reliability;

import java.util.Optional;

/**
 * Where a message we send stands. Stored and shown by {@link #code()}, the constant's name; every issue uses these
 * spellings. Which changes are allowed is {@link OutboundTransitions}'s business.
 */
public enum OutboundState implements MessageState {
    /** Stored and waiting for its first attempt at {@code next_attempt_at}. */
    QUEUED,
    /** Claimed by a node that is sending it now; {@code next_attempt_at} is the end of the claim lease. */
    SENDING,
    /** The partner's MSH accepted the last attempt; its Acknowledgment is awaited until {@code next_attempt_at}. */
    AWAITING_ACK,
    /** The last attempt failed (transport or retryable HTTP error); the next one is due at {@code next_attempt_at}. */
    RETRYING,
    /** The CPA's retries are exhausted; slow retry wakes it at {@code next_attempt_at} for a fresh retry sequence. */
    SLOW_RETRY,
    /** Waits for an operator to resend or abandon it (retries exhausted without slow retry, or slow retry exhausted). */
    MANUAL,
    /** Acknowledged; for a best-effort message, accepted by the partner's HTTP endpoint. */
    COMPLETE,
    /** Rejected by the partner (a MessageError, or a permanent HTTP/SOAP failure). */
    FAILED,
    /**
     * The sender's deadline (or TimeToLive, when there is no PersistDuration) passed before it could be delivered;
     * PersistDuration leads to a new MessageId instead (issue 4).
     */
    EXPIRED,
    /** Given up by an operator. */
    ABANDONED;

    @Override
    public String code() {
        return name();
    }

    @Override
    public boolean isFinal() {
        return this == COMPLETE || this == FAILED || this == EXPIRED || this == ABANDONED;
    }

    /**
     * Whether the dispatcher looks at a message in this state again at its {@code next_attempt_at}: such states need
     * a due time; MANUAL and the final states have none.
     */
    public boolean isScheduled() {
        return !isFinal() && this != MANUAL;
    }

    @Override
    public Direction direction() {
        return Direction.OUTBOUND;
    }

    /** The state stored under {@code code}, if any. */
    public static Optional<OutboundState> fromCode(String code) {
        for (OutboundState state : values()) {
            if (state.name().equals(code)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
