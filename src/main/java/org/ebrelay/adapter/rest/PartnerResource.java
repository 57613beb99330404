package org.ebrelay.adapter.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.domain.message.CpaId;

import java.io.InputStream;

/**
 * Asks a partner's MSH directly: {@code POST /api/ping} and {@code POST /api/status-request}. Both answer 200 with
 * the outcome (a partner that does not answer is an outcome, not an API error).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
    private final DiagnosePartner diagnosePartner;
    private final RequestBodies bodies;

    PartnerResource(DiagnosePartner diagnosePartner, RequestBodies bodies) {
        this.diagnosePartner = diagnosePartner;
        this.bodies = bodies;
    }

    @POST
    @Path("ping")
    public PartnerBodies.PingResponse ping(InputStream body) {
        PartnerBodies.PingRequest r = bodies.json(body, PartnerBodies.PingRequest.class);
        DiagnosePartner.PingResult result = diagnosePartner.ping(
                CpaId.of(SubmissionRequests.required(r.cpaId(), "cpaId")),
                SubmissionRequests.party(r.from(), "from", false),
                SubmissionRequests.party(r.to(), "to", true));
        Long millis = result.roundTrip() == null ? null : result.roundTrip().toMillis();
        return new PartnerBodies.PingResponse(result.ok(), result.pingMessageId(), result.pongMessageId(), millis,
                result.error());
    }

    @POST
    @Path("status-request")
    public PartnerBodies.StatusResponse statusRequest(InputStream body) {
        PartnerBodies.StatusRequest r = bodies.json(body, PartnerBodies.StatusRequest.class);
        String messageId = SubmissionRequests.required(r.messageId(), "messageId");
        DiagnosePartner.StatusResult result = diagnosePartner.requestStatus(
                CpaId.of(SubmissionRequests.required(r.cpaId(), "cpaId")),
                SubmissionRequests.party(r.from(), "from", false),
                SubmissionRequests.party(r.to(), "to", true),
                messageId);
        return new PartnerBodies.StatusResponse(messageId, result.status(), result.timestamp(), result.error());
    }
}
