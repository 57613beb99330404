package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ebrelay.domain.reliability.InboundState;

/**
 * A received message to store, with the reply we are about to send for it, in one transaction (RM-R3: the
 * Acknowledgment goes out only after this commit).
 *
 * @param state          RECEIVED, or REJECTED for a message refused with an ebXML error (then no deliveries)
 * @param duplicateCheck how to eliminate duplicates, or null when the message carries no DuplicateElimination
 * @param reply          the Acknowledgment (or error) we answer with, replayed for a duplicate; null when none
 * @param deliveries     one per party we act for that the message is addressed to
 * @param detail         text for the RECEIVED or REJECTED event
 */
public record InboundRegistration(InternalId id, MessageHeading heading, Instant receivedAt, WireBytes wire,
                                  InboundState state, DuplicateCheck duplicateCheck, WireBytes reply,
                                  List<NewDelivery> deliveries, String detail) {
    public InboundRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(state, "state");
        deliveries = List.copyOf(deliveries);
        if (state == InboundState.DELIVERED) {
            throw new IllegalArgumentException("a received message starts RECEIVED or REJECTED");
        }
        if (state == InboundState.REJECTED && !deliveries.isEmpty()) {
            throw new IllegalArgumentException("a rejected message is not delivered");
        }
    }
}
