package org.ebrelay.app.port.in;

import java.time.Instant;
import java.util.List;

/**
 * A received message waiting for (or confirmed by) the application.
 *
 * @param payloads content is null in listings and filled by {@link Inbox#get(String)}
 */
public record DeliveryView(String deliveryId, String messageId, String hl7MessageId, String cpaId, String from,
                           String to, String service, String action, Instant receivedAt, boolean confirmed,
                           List<PayloadView> payloads) {
    public DeliveryView {
        payloads = List.copyOf(payloads);
    }

    public record PayloadView(String contentId, String contentType, int size, byte[] content) {
    }
}
