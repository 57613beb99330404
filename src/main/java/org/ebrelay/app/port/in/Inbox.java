package org.ebrelay.app.port.in;

import java.util.List;

/** The application's inbox: received messages to pull and confirm (at least once; the delivery id is stable). */
public interface Inbox {
    /** Deliveries for this party ("TYPE:VALUE" or null for every party this node acts for). */
    List<DeliveryView> list(String party, boolean includeConfirmed);

    /** One delivery with its payload content, or null when unknown. */
    DeliveryView get(String deliveryId);

    /** Confirms a delivery; confirming twice is harmless. */
    ConfirmResult confirm(String deliveryId);

    enum ConfirmResult { CONFIRMED, ALREADY_CONFIRMED, NOT_FOUND }
}
