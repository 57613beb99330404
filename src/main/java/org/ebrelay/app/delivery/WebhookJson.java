package org.ebrelay.app.delivery;

import org.ebrelay.app.JsonText;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.Payload;

import java.util.Base64;
import java.util.List;

/**
 * The JSON body of a webhook push: {@code {deliveryId, messageId, hl7MessageId, cpaId, from, to, service, action,
 * receivedAt, payloads: [{contentId, contentType, content (base64)}]}}.
 */
final class WebhookJson {

    private WebhookJson() {
    }

    static byte[] of(Delivery delivery, List<Payload> payloads) {
        MessageHeading heading = delivery.heading();
        List<JsonText> parts = payloads.stream().map(p -> new JsonText().field("contentId", p.contentId())
                .field("contentType", p.contentType())
                .field("content", Base64.getEncoder().encodeToString(p.content()))).toList();
        return new JsonText().field("deliveryId", delivery.id().value())
                .field("messageId", heading.messageId().value())
                .field("hl7MessageId", heading.hl7Id())
                .field("cpaId", heading.cpaId().value())
                .field("from", PartyIds.format(heading.from()))
                .field("to", PartyIds.format(heading.to()))
                .field("service", heading.service().value())
                .field("action", heading.action())
                .field("receivedAt", delivery.receivedAt().toString())
                .field("payloads", parts)
                .bytes();
    }
}
