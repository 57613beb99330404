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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.HandleManually;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.QueryMessages;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;

import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/** Submission and status: {@code /api/messages}. */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final SubmitMessage submitMessage;
    private final QueryMessages queryMessages;
    private final RequestBodies bodies;
    private final HandleManually handleManually;

    MessagesResource(SubmitMessage submitMessage, QueryMessages queryMessages, RequestBodies bodies,
                     HandleManually handleManually) {
        this.submitMessage = submitMessage;
        this.queryMessages = queryMessages;
        this.bodies = bodies;
        this.handleManually = handleManually;
    }

    /**
     * Submits a message: the JSON form, or (when the {@code cpa} query parameter is present) the raw form with
     * the payload as the body. 202 when accepted, 422 when refused, 400 when unreadable.
     */
    @POST
    public Response submit(@Context HttpHeaders headers, @Context UriInfo uri, InputStream body) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        byte[] bytes = bodies.read(body);
        Submission submission;
        if (SubmissionRequests.isRawForm(query)) {
            submission = SubmissionRequests.fromRaw(query, headers.getMediaType(), bytes);
        } else {
            requireJson(headers.getMediaType(), query);
            submission = SubmissionRequests.fromJson(bodies.json(bytes, SubmissionBodies.SubmitRequest.class));
        }
        SubmissionResult result = submitMessage.submit(submission);
        if (result instanceof SubmissionResult.Accepted a) {
            return Response.accepted(new SubmissionBodies.Accepted(a.messageId(), a.hl7MessageId(), a.state()))
                    .location(uri.getBaseUriBuilder().path("messages").path(a.messageId()).build())
                    .build();
        }
        SubmissionResult.Refused refused = (SubmissionResult.Refused) result;
        return Response.status(422).entity(new ApiError(refused.error(), refused.detail())).build();
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

    private static void requireJson(MediaType mediaType, MultivaluedMap<String, String> query) {
        if (!query.isEmpty()) {
            throw new BadRequest("query parameters " + query.keySet()
                    + " belong to the raw form, which needs 'cpa' too; the JSON form takes none");
        }
        if (mediaType == null || !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            throw new BadRequest(415, "UnsupportedMediaType", "send the JSON form as application/json, or the raw "
                    + "form: the payload as the body with cpa, action and to as query parameters");
        }
    }
}
