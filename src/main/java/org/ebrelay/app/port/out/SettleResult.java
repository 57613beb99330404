package org.ebrelay.app.port.out;

import org.ebrelay.domain.reliability.OutboundState;

/**
 * What an Acknowledgment or a partner's MessageError did to the message it refers to.
 *
 * @param id            the message, or null when the MessageId is unknown
 * @param previousState its state before (for ALREADY_FINAL: its final state), or null when unknown
 */
public record SettleResult(Outcome outcome, InternalId id, OutboundState previousState) {
    public enum Outcome {
        /** The message moved to COMPLETE (or FAILED). */
        SETTLED,
        /** The message was final already; nothing changed. */
        ALREADY_FINAL,
        /** No outbound message ever had that MessageId. */
        UNKNOWN_MESSAGE_ID
    }

    public static SettleResult unknown() {
        return new SettleResult(Outcome.UNKNOWN_MESSAGE_ID, null, null);
    }
}
