package org.ebrelay.adapter.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.Inbox;

/** The application's inbox: {@code /api/inbox}. */
@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
    private final Inbox inbox;

    InboxResource(Inbox inbox) {
        this.inbox = inbox;
    }

    /** Unconfirmed deliveries (all with {@code all=true}) for one party or every party of this node. */
    @GET
    public InboxBodies.DeliveryList list(@QueryParam("party") String party, @QueryParam("all") boolean all) {
        String partyText = party == null || party.isBlank()
                ? null : PartyIds.format(SubmissionRequests.party(party, "party", true));
        return InboxBodies.DeliveryList.of(inbox.list(partyText, all));
    }

    /** One delivery with its payload content (base64). */
    @GET
    @Path("{deliveryId}")
    public InboxBodies.DeliveryJson get(@PathParam("deliveryId") String deliveryId) {
        DeliveryView delivery = inbox.get(deliveryId);
        if (delivery == null) {
            throw notFound(deliveryId);
        }
        return InboxBodies.DeliveryJson.of(delivery);
    }

    /** Confirms a delivery: the application has it. Confirming twice is harmless. */
    @POST
    @Path("{deliveryId}/confirm")
    public InboxBodies.Confirmed confirm(@PathParam("deliveryId") String deliveryId) {
        Inbox.ConfirmResult result = inbox.confirm(deliveryId);
        if (result == Inbox.ConfirmResult.NOT_FOUND) {
            throw notFound(deliveryId);
        }
        return new InboxBodies.Confirmed(deliveryId, result.name());
    }

    private static BadRequest notFound(String deliveryId) {
        return new BadRequest(404, "NotFound", "no delivery has the id '" + deliveryId + "'");
    }
}
