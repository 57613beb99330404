package org.ebrelay.app.port.out;

import java.time.Instant;
import org.ebrelay.domain.message.PartyId;

/**
 * A received message as the application's inbox shows it to one party.
 *
 * @param message       the received message's key
 * @param party         the party (of ours) it is delivered to
 * @param confirmedAt   when the application confirmed it, or null
 * @param nextPushAt    when the next webhook push is due, or null (pull only, pushed, or given up)
 * @param lastPushError why the last push failed, or null
 * @param wire          the message as received, to read its payloads from
 */
public record Delivery(DeliveryId id, InternalId message, MessageHeading heading, PartyId party, Instant receivedAt,
                       Instant confirmedAt, int pushAttempts, Instant nextPushAt, String lastPushError,
                       WireBytes wire) {
    public boolean confirmed() {
        return confirmedAt != null;
    }
}
