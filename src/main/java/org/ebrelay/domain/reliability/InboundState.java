package org.ebrelay.domain.reliability;

import java.util.Optional;

/**
 * Where a message we received stands. Stored and shown by {@link #code()}, the constant's name. Allowed changes:
 * {@link InboundTransitions}.
 */
public enum InboundState implements MessageState {
    /** Stored (and acknowledged if asked); waiting for the application to take it. */
    RECEIVED,
    /** Confirmed by the application (inbox confirm or a successful webhook push). */
    DELIVERED,
    /** Refused with an ebXML error; never delivered. */
    REJECTED,
    /**
     * Acknowledged but not delivered: its HL7 id came from the same partner under the same CPA before, under another
     * MessageId (a regenerated id or a manual resend whose acknowledgment had been lost).
     */
    DUPLICATE;

    @Override
    public String code() {
        return name();
    }

    @Override
    public boolean isFinal() {
        return this != RECEIVED;
    }

    @Override
    public Direction direction() {
        return Direction.INBOUND;
    }

    /** The state stored under {@code code}, if any. */
    public static Optional<InboundState> fromCode(String code) {
        for (InboundState state : values()) {
            if (state.name().equals(code)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
