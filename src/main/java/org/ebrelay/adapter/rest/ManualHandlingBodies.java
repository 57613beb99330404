package org.ebrelay.adapter.rest;

import jakarta.ws.rs.core.Response;
import org.ebrelay.app.port.in.ManualHandlingResult;

/** The JSON of {@code POST /api/messages/{id}/resend} and {@code .../abandon}, and how their answers map to HTTP. */
final class ManualHandlingBodies {
    private ManualHandlingBodies() {
    }

    /** Why (mandatory) and who (optional). */
    record ManualRequest(String reason, String operator) {
    }

    /** 200: done; the message's current ebXML MessageId and its state before and after. */
    record Done(String messageId, String hl7MessageId, String previousState, String state) {
    }

    /** 409 for a message whose state does not allow the action (state set), or an ambiguous HL7 id (state null). */
    record Refused(String error, String detail, String state) {
    }

    /** 200 Done, 404 NotFound, 409 NotAllowed or Ambiguous, 400 MalformedRequest. */
    static Response answer(ManualHandlingResult result) {
        if (result instanceof ManualHandlingResult.Done done) {
            return Response.ok(new Done(done.messageId(), done.hl7MessageId(), done.previousState(), done.state()))
                    .build();
        }
        if (result instanceof ManualHandlingResult.NotFound notFound) {
            return Response.status(404).entity(new ApiError("NotFound", notFound.detail())).build();
        }
        if (result instanceof ManualHandlingResult.Refused refused) {
            return Response.status(409).entity(new Refused(refused.error(), refused.detail(), refused.state()))
                    .build();
        }
        return Response.status(400)
                .entity(new ApiError("MalformedRequest", ((ManualHandlingResult.Invalid) result).detail())).build();
    }
}
