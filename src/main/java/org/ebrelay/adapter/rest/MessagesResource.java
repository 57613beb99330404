package org.ebrelay.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.HandleManually;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Status, search and operator actions under {@code /api/messages}; submission is {@link SubmissionHandler}. */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final QueryMessages queryMessages;
    private final RequestBodies bodies;
    private final HandleManually handleManually;

    MessagesResource(QueryMessages queryMessages, RequestBodies bodies, HandleManually handleManually) {
        this.queryMessages = queryMessages;
        this.bodies = bodies;
        this.handleManually = handleManually;
    }

    /** The messages known by this ebXML MessageId or HL7 id: always a list; 404 when there is none. */
    @GET
    @Path("{id}")
    public MessageBodies.MessageList byId(@PathParam("id") String id) {
        List<MessageView> found = queryMessages.find(id);
        if (found.isEmpty()) {
            throw new BadRequest(404, "NotFound", "no message has the ebXML or HL7 id '" + id + "'");
        }
        return MessageBodies.MessageList.of(found);
    }

    /** An operator's resend, with {@code {reason, operator}}: 200, 404 unknown, 409 not now, 400 no reason. */
    @POST
    @Path("{id}/resend")
    public Response resend(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        ManualHandlingBodies.ManualRequest request = manualRequest(headers, body);
        return ManualHandlingBodies.answer(handleManually.resend(id, request.reason(), request.operator()));
    }

    /** An operator gives a message up, with {@code {reason, operator}}: same answers as a resend. */
    @POST
    @Path("{id}/abandon")
    public Response abandon(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        ManualHandlingBodies.ManualRequest request = manualRequest(headers, body);
        return ManualHandlingBodies.answer(handleManually.abandon(id, request.reason(), request.operator()));
    }

    private ManualHandlingBodies.ManualRequest manualRequest(HttpHeaders headers, InputStream body) {
        if (headers.getMediaType() == null || !headers.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new BadRequest(415, "UnsupportedMediaType", "send {\"reason\": ..., \"operator\": ...}"
                    + " as application/json");
        }
        return bodies.json(bodies.read(body), ManualHandlingBodies.ManualRequest.class);
    }

    /**
     * A search: {@code ?id=} (any id, an empty list when unknown) or {@code ?state=&limit=}, narrowed by
     * {@code cpa=} (a CPAId) and {@code party=} (TYPE:VALUE, the sender or the receiver).
     */
    @GET
    public MessageBodies.MessageList search(@QueryParam("id") String id, @QueryParam("state") String state,
                                            @QueryParam("limit") String limit, @QueryParam("cpa") String cpa,
                                            @QueryParam("party") String party) {
        boolean byId = id != null && !id.isBlank();
        boolean byState = state != null && !state.isBlank();
        if (byId == byState) {
            throw new BadRequest("give either 'id' or 'state'");
        }
        if (byId) {
            if (cpa != null || party != null) {
                throw new BadRequest("'cpa' and 'party' narrow a search by 'state', not by 'id'");
            }
            return MessageBodies.MessageList.of(queryMessages.find(id));
        }
        String stateName = state.strip().toUpperCase(Locale.ROOT);
        int max = limit(limit);
        CpaId cpaId = cpa == null || cpa.isBlank() ? null : CpaId.of(cpa.strip());
        PartyId partyId = partyId(party);
        try {
            return MessageBodies.MessageList.of(queryMessages.byState(stateName, cpaId, partyId, max));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage()); // an unknown state name; the message lists the valid ones
        }
    }

    private static PartyId partyId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PartyIds.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new BadRequest("'party' must be TYPE:VALUE (or :VALUE when untyped): " + e.getMessage());
        }
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new BadRequest("'limit' must be a number between 1 and " + MAX_LIMIT);
    }
}
