package org.ebrelay.app.port.out;

import java.util.Objects;
import java.time.Instant;
import org.ebrelay.domain.message.PartyId;

/**
 * One delivery of a received message to the application of a party this node acts for.
 *
 * @param pushAt when to push it to the party's webhook first, or null when the application only pulls
 */
public record NewDelivery(DeliveryId id, PartyId party, Instant pushAt) {
    public NewDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(party, "party");
    }
}
