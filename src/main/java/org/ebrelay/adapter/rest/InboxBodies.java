package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.ebrelay.app.port.in.DeliveryView;

import java.time.Instant;
import java.util.List;

/** The JSON of the inbox ({@code /api/inbox...}). */
final class InboxBodies {
    private InboxBodies() {
    }

    record DeliveryList(List<DeliveryJson> deliveries) {
        static DeliveryList of(List<DeliveryView> views) {
            return new DeliveryList(views.stream().map(DeliveryJson::of).toList());
        }
    }

    record DeliveryJson(String deliveryId, String messageId, String hl7MessageId, String cpaId, String from,
                        String to, String service, String action, Instant receivedAt, boolean confirmed,
                        List<PayloadJson> payloads) {
        static DeliveryJson of(DeliveryView v) {
            return new DeliveryJson(v.deliveryId(), v.messageId(), v.hl7MessageId(), v.cpaId(), v.from(), v.to(),
                    v.service(), v.action(), v.receivedAt(), v.confirmed(),
                    v.payloads().stream().map(PayloadJson::of).toList());
        }
    }

    /** @param content base64; left out of listings, present when one delivery is fetched */
    record PayloadJson(String contentId, String contentType, int size,
                       @JsonInclude(JsonInclude.Include.NON_NULL) byte[] content) {
        static PayloadJson of(DeliveryView.PayloadView p) {
            return new PayloadJson(p.contentId(), p.contentType(), p.size(), p.content());
        }
    }

    /** @param result CONFIRMED or ALREADY_CONFIRMED */
    record Confirmed(String deliveryId, String result) {
    }
}
