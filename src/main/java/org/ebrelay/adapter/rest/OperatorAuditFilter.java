package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.access.AuditedOperations;
import org.ebrelay.app.bank.NodeNote;
import org.ebrelay.app.bank.NodeNotes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the node API's operator actions and payload views ({@link AuditedOperations}) to the notes the bank ships
 * to its audit log: who (the API token's name and role, and the operator the request names), what, on which
 * message or CPA, the reason, and the answer's status (refusals too: a 403 is worth knowing). The CLI goes through
 * this API, so its resends and abandons are recorded the same way.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class OperatorAuditFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.audit");
    private static final String BODY = "org.ebrelay.audit.body";
    private static final int MAX_BODY = 16 * 1024;

    private final AccessCheck access;
    private final NodeNotes notes;
    private final Clock clock;
    private final ObjectMapper json = ApiJson.mapper();

    public OperatorAuditFilter(AccessCheck access, NodeNotes notes, Clock clock) {
        this.access = access;
        this.notes = notes;
        this.clock = clock;
    }

    /** Keeps a small request body (the reason is in it) for the answer, and hands the same bytes on. */
    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (audited(request, null).isEmpty() || !request.hasEntity() || request.getLength() > MAX_BODY) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            request.setEntityStream(new java.io.SequenceInputStream(new ByteArrayInputStream(body), in));
            return;
        }
        request.setProperty(BODY, body);
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String token = BearerTokenFilter.bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<AuditedOperations.Audited> audited = audited(request, token);
        if (audited.isEmpty()) {
            return;
        }
        JsonNode body = body(request);
        String caller = access.caller(token);
        String who = (caller != null ? caller : token == null ? "no token" : "an unknown token")
                + (body.hasNonNull("operator") ? " as " + body.get("operator").asText() : "");
        String reason = body.hasNonNull("reason") ? "reason: " + body.get("reason").asText() + "; " : "";
        String detail = reason + request.getMethod() + " /api/" + request.getUriInfo().getPath(false)
                + " answered " + response.getStatus();
        try {
            notes.add(NodeNote.audit(clock.instant(), who, audited.get().action(), audited.get().subject(), detail));
        } catch (RuntimeException e) {
            // the action is done (or refused) already; losing its audit entry must at least be loud
            LOG.error("could not record the audit entry {} {} by {}: {}", audited.get().action(),
                    audited.get().subject(), who, e.toString());
        }
    }

    private Optional<AuditedOperations.Audited> audited(ContainerRequestContext request, String token) {
        String operation = request.getMethod() + " /" + request.getUriInfo().getPath(false);
        return AuditedOperations.of(operation, access.roleOf(token));
    }

    private JsonNode body(ContainerRequestContext request) {
        Object bytes = request.getProperty(BODY);
        if (bytes instanceof byte[] body && body.length > 0) {
            try {
                return json.readTree(body);
            } catch (IOException | RuntimeException e) {
                return json.createObjectNode(); // not JSON: the resource refused it; the status says so
            }
        }
        return json.createObjectNode();
    }
}
