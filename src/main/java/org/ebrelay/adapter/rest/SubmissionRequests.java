package org.ebrelay.adapter.rest;

import jakarta.ws.rs.core.MediaType;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the two request forms of {@code POST /api/messages} into a {@link Submission}: the JSON form, and the
 * raw form (the payload is the body, everything else query parameters). Anything incomplete is a 400.
 */
final class SubmissionRequests {
    /** The query parameters of the raw form. Unknown ones are refused so a typo is not silently ignored. */
    static final Set<String> RAW_PARAMETERS =
            Set.of("cpa", "service", "serviceType", "action", "from", "to", "hl7MessageId", "conversationId");

    private SubmissionRequests() {
    }

    static boolean isRawForm(Map<String, List<String>> query) {
        return query.containsKey("cpa");
    }

    static Submission fromJson(SubmissionBodies.SubmitRequest r) {
        List<Submission.Payload> payloads = new ArrayList<>();
        if (r.payloads() == null || r.payloads().isEmpty()) {
            throw new BadRequest("'payloads' needs at least one payload");
        }
        for (int i = 0; i < r.payloads().size(); i++) {
            SubmissionBodies.PayloadJson p = r.payloads().get(i);
            if (p == null || p.content() == null || p.content().length == 0) {
                throw new BadRequest("'payloads[" + i + "].content' is required (base64)");
            }
            payloads.add(new Submission.Payload(contentType(p.contentType(), "payloads[" + i + "].contentType"),
                    p.content()));
        }
        Service service = r.service() == null ? null : service(r.service().type(), r.service().value());
        return submission(r.cpaId(), service, r.action(), r.from(), r.to(), payloads, r.hl7MessageId(),
                r.conversationId());
    }

    static Submission fromRaw(Map<String, List<String>> query, MediaType mediaType, byte[] body) {
        for (String name : query.keySet()) {
            if (!RAW_PARAMETERS.contains(name)) {
                throw new BadRequest("unknown query parameter '" + name + "'; known: " + RAW_PARAMETERS);
            }
        }
        if (body.length == 0) {
            throw new BadRequest("the request body (the payload) is empty");
        }
        String contentType = rawContentType(mediaType);
        String serviceValue = first(query, "service");
        Service service = blank(serviceValue) ? null : service(first(query, "serviceType"), serviceValue);
        return submission(first(query, "cpa"), service, first(query, "action"), first(query, "from"),
                first(query, "to"), List.of(new Submission.Payload(contentType, body)),
                first(query, "hl7MessageId"), first(query, "conversationId"));
    }

    /** The JSON form takes no query parameters and needs an application/json body (415 otherwise). */
    static void requireJson(MediaType mediaType, Map<String, List<String>> query) {
        if (!query.isEmpty()) {
            throw new BadRequest("query parameters " + query.keySet()
                    + " belong to the raw form, which needs 'cpa' too; the JSON form takes none");
        }
        if (mediaType == null || !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new BadRequest(415, "UnsupportedMediaType", "send the JSON form as application/json, or the raw "
                    + "form: the payload as the body with cpa, action and to as query parameters");
        }
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Submission submission(String cpaId, Service service, String action, String from, String to,
                                         List<Submission.Payload> payloads, String hl7Id, String conversationId) {
        return new Submission(
                CpaId.of(required(cpaId, "cpaId")),
                service,
                required(action, "action"),
                party(from, "from", false),
                party(required(to, "to"), "to", true),
                payloads,
                blank(hl7Id) ? null : hl7Id,
                blank(conversationId) ? null : ConversationId.of(conversationId));
    }

    static PartyId party(String text, String field, boolean required) {
        if (!required && blank(text)) {
            return null;
        }
        try {
            return PartyIds.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'" + field + "': " + e.getMessage());
        }
    }

    static String required(String value, String field) {
        if (blank(value)) {
            throw new BadRequest("'" + field + "' is required");
        }
        return value;
    }

    private static Service service(String type, String value) {
        return Service.of(type, required(value, "service.value"));
    }

    private static String contentType(String value, String field) {
        String type = required(value, field);
        try {
            MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'" + field + "' is not a media type: " + type);
        }
        return type;
    }

    private static String rawContentType(MediaType mediaType) {
        if (mediaType == null) {
            throw new BadRequest("give the payload's Content-Type header (e.g. application/hl7-v2)");
        }
        if (mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || "multipart".equalsIgnoreCase(mediaType.getType())) {
            throw new BadRequest("the raw form sends the payload itself as the body with its own Content-Type, not "
                    + mediaType.getType() + "/" + mediaType.getSubtype()
                    + " (curl -d sends form encoding: use --data-binary @FILE -H 'Content-Type: ...')");
        }
        return mediaType.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
