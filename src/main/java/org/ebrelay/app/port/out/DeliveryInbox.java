package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ebrelay.domain.message.PartyId;

/**
 * The application's inbox: deliveries of received messages per party we act for, pulled and confirmed, or pushed to
 * a webhook. At least once; the stable delivery id lets the application be exactly-once.
 */
public interface DeliveryInbox {

    /**
     * Deliveries, oldest first: for {@code party} (every party when null), unconfirmed only unless
     * {@code includeConfirmed}.
     */
    List<Delivery> listDeliveries(PartyId party, boolean includeConfirmed, int limit);

    Optional<Delivery> findDelivery(DeliveryId id);

    /**
     * Confirms a delivery (idempotent). When it was the message's last unconfirmed delivery, the message moves
     * RECEIVED -> DELIVERED with a DELIVERED event.
     */
    ConfirmResult confirm(DeliveryId id, Instant at);

    /** Unconfirmed deliveries whose webhook push is due at or before {@code now}, oldest due first. */
    List<Delivery> duePushes(Instant now, int limit);

    /**
     * Records a failed push: one more attempt, the error, and the next push time ({@code null}: stop pushing, the
     * delivery stays in the inbox). A successful push is recorded by {@link #confirm}.
     */
    boolean recordPushFailure(DeliveryId id, Instant at, Instant nextPushAt, String error);
}
