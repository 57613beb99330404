package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Objects;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.reliability.OutboundTransitions;

/**
 * A compare-and-set state change outside a claim (operator resend or abandon, sweeps): applied only if the message is
 * still in {@code from}; any claim on it is cleared.
 *
 * @param nextAttemptAt required exactly for {@link OutboundState#isScheduled()} target states
 * @param newSequence   start a fresh ebXML retry sequence (its attempt counter back to 0), e.g. an operator resend
 */
public record OutboundTransition(InternalId id, OutboundState from, OutboundState to, Instant at,
                                 Instant nextAttemptAt, boolean newSequence, EventType event, String detail) {
    public OutboundTransition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        OutboundTransitions.requireAllowed(from, to);
        if (to == OutboundState.SENDING) {
            throw new IllegalArgumentException("only a claim moves a message to SENDING");
        }
        if (to.isScheduled() != (nextAttemptAt != null)) {
            throw new IllegalArgumentException(to + (to.isScheduled() ? " needs" : " takes no") + " next attempt time");
        }
    }
}
