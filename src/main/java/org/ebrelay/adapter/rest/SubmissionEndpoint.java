package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/messages} without JAX-RS: the request forms of {@link SubmissionRequests} to the use case, and
 * its answer to a status and a JSON body. The busiest API call is served by {@link SubmissionHandler} straight
 * from Jetty; through CXF's interceptor chains it cost about as much CPU as the ebMS exchange itself.
 */
final class SubmissionEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SubmissionEndpoint.class);

    private final SubmitMessage submitMessage;
    private final RequestBodies bodies;
    private final ObjectMapper json;

    SubmissionEndpoint(SubmitMessage submitMessage, RequestBodies bodies, ObjectMapper json) {
        this.submitMessage = submitMessage;
        this.bodies = bodies;
        this.json = json;
    }

    /** What to answer: a status, its JSON body, and the accepted message's id (for the Location) or null. */
    record Reply(int status, byte[] body, String messageId) {
    }

    /**
     * Submits a message: the JSON form, or (when the {@code cpa} query parameter is present) the raw form with
     * the payload as the body. 202 when accepted, 422 when refused, 400/413/415 when unreadable.
     */
    Reply submit(String contentType, Map<String, List<String>> query, InputStream body) {
        try {
            SubmissionResult result = submitMessage.submit(submission(contentType, query, body));
            if (result instanceof SubmissionResult.Accepted a) {
                return reply(202, new SubmissionBodies.Accepted(a.messageId(), a.hl7MessageId(), a.state()),
                        a.messageId());
            }
            SubmissionResult.Refused refused = (SubmissionResult.Refused) result;
            return reply(422, new ApiError(refused.error(), refused.detail()), null);
        } catch (BadRequest bad) {
            return reply(bad.status(), new ApiError(bad.error(), bad.getMessage()), null);
        } catch (RuntimeException e) {
            log.error("submission failed", e);
            return reply(500, new ApiError("InternalError", "the node could not handle the request; see its log"),
                    null);
        }
    }

    /** The answer to a request the access check refused. */
    Reply refused(AccessRefusal refusal) {
        return reply(refusal.status(), refusal.error(), null);
    }

    private Submission submission(String contentType, Map<String, List<String>> query, InputStream body) {
        MediaType mediaType = mediaType(contentType);
        byte[] bytes = bodies.read(body);
        if (SubmissionRequests.isRawForm(query)) {
            return SubmissionRequests.fromRaw(query, mediaType, bytes);
        }
        SubmissionRequests.requireJson(mediaType, query);
        return SubmissionRequests.fromJson(bodies.json(bytes, SubmissionBodies.SubmitRequest.class));
    }

    private static MediaType mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("the Content-Type header is not a media type: " + contentType);
        }
    }

    private Reply reply(int status, Object entity, String messageId) {
        try {
            return new Reply(status, json.writeValueAsBytes(entity), messageId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API answer could not be written as JSON", e);
        }
    }
}
