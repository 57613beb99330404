package org.ebrelay.app.delivery;

import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.Payload;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The JSON body of a webhook push: {@code {deliveryId, messageId, hl7MessageId, cpaId, from, to, service, action,
 * receivedAt, payloads: [{contentId, contentType, content (base64)}]}}. Written by hand so the app layer needs no
 * JSON library; every value is a string (or null), so escaping strings is all there is to it.
 */
final class WebhookJson {
    private final StringBuilder json = new StringBuilder(256);

    private WebhookJson() {
    }

    static byte[] of(Delivery delivery, List<Payload> payloads) {
        MessageHeading heading = delivery.heading();
        WebhookJson w = new WebhookJson();
        w.json.append('{');
        w.field("deliveryId", delivery.id().value()).comma();
        w.field("messageId", heading.messageId().value()).comma();
        w.field("hl7MessageId", heading.hl7Id()).comma();
        w.field("cpaId", heading.cpaId().value()).comma();
        w.field("from", PartyIds.format(heading.from())).comma();
        w.field("to", PartyIds.format(heading.to())).comma();
        w.field("service", heading.service().value()).comma();
        w.field("action", heading.action()).comma();
        w.field("receivedAt", delivery.receivedAt().toString()).comma();
        w.string("payloads").json.append(":[");
        for (int i = 0; i < payloads.size(); i++) {
            Payload p = payloads.get(i);
            w.json.append(i == 0 ? "{" : ",{");
            w.field("contentId", p.contentId()).comma();
            w.field("contentType", p.contentType()).comma();
            w.field("content", Base64.getEncoder().encodeToString(p.content()));
            w.json.append('}');
        }
        w.json.append("]}");
        return w.json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private WebhookJson field(String name, String value) {
        string(name).json.append(':');
        return value == null ? append("null") : string(value);
    }

    private WebhookJson comma() {
        return append(",");
    }

    private WebhookJson append(String text) {
        json.append(text);
        return this;
    }

    /** A JSON string (RFC 8259 section 7): quote, backslash and control characters escaped. */
    private WebhookJson string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
        return this;
    }
}
