package org.ebrelay.adapter.bank.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.bank.BankQuery;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.adapter.bank.Views.MessageDetail;
import org.ebrelay.adapter.bank.Views.MessageSummary;
import org.ebrelay.adapter.bank.Views.Page;
import org.ebrelay.adapter.hl7.Hl7Decoding;
import org.ebrelay.app.bank.WorkItem;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.Payload;

/** {@code /bank/api/messages}: search, one message, its payloads (raw and HL7 decoded), its wire, resend. */
@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
public class BankMessagesResource {
    private final JdbcMessageBank bank;
    private final MessageCodec codec;
    private final Hl7Decoding hl7 = new Hl7Decoding();

    public BankMessagesResource(JdbcMessageBank bank, MessageCodec codec) {
        this.bank = bank;
        this.codec = codec;
    }

    @GET
    public Page<MessageSummary> search(@QueryParam("hl7Id") String hl7Id, @QueryParam("messageId") String messageId,
                                       @QueryParam("conversationId") String conversationId,
                                       @QueryParam("partner") String partner, @QueryParam("cpaId") String cpaId,
                                       @QueryParam("service") String service, @QueryParam("action") String action,
                                       @QueryParam("state") List<String> states, @QueryParam("node") String node,
                                       @QueryParam("direction") String direction, @QueryParam("since") String since,
                                       @QueryParam("until") String until, @QueryParam("limit") Integer limit,
                                       @QueryParam("after") String after) {
        BankQuery query = new BankQuery(hl7Id, messageId, conversationId, partner, cpaId, service, action,
                QueryParams.states(states), node, QueryParams.direction(direction),
                QueryParams.instant("since", since), QueryParams.instant("until", until), false);
        return search(bank, query, after, QueryParams.limit(limit));
    }

    static Page<MessageSummary> search(JdbcMessageBank bank, BankQuery query, String after, int limit) {
        try {
            return bank.search(query, after, limit);
        } catch (IllegalArgumentException e) {
            throw BankErrors.malformed(e.getMessage());
        }
    }

    /** The detail of the contract: the summary's fields at the top level, then the rest. */
    public record Detail(@com.fasterxml.jackson.annotation.JsonUnwrapped MessageSummary summary,
                         List<Views.MessageIdEntry> messageIds, List<Views.Event> events, List<Views.PayloadInfo> payloads,
                         List<Views.WireInfo> wires, List<Views.ResendRequest> resendRequests,
                         java.time.Instant retainUntil) {
    }

    @GET
    @Path("/{id}")
    public Detail message(@PathParam("id") long id) {
        MessageDetail d = bank.detail(id).orElseThrow(() -> BankErrors.notFound("no banked message " + id));
        List<Views.PayloadInfo> payloads = new ArrayList<>();
        List<Payload> found = payloads(id);
        for (int i = 0; i < found.size(); i++) {
            payloads.add(new Views.PayloadInfo(i, found.get(i).contentId(), found.get(i).contentType(),
                    found.get(i).size()));
        }
        return new Detail(d.summary(), d.messageIds(), d.events(), payloads, d.wires(), d.resendRequests(),
                d.retainUntil());
    }

    @GET
    @Path("/{id}/payloads/{index}")
    @Produces(MediaType.WILDCARD)
    public Response payload(@PathParam("id") long id, @PathParam("index") int index) {
        Payload payload = payloadAt(id, index);
        return Response.ok(payload.content()).type(payload.contentType() == null
                ? MediaType.APPLICATION_OCTET_STREAM : payload.contentType()).build();
    }

    @GET
    @Path("/{id}/payloads/{index}/hl7")
    public Hl7Decoding.Decoded payloadHl7(@PathParam("id") long id, @PathParam("index") int index) {
        Payload payload = payloadAt(id, index);
        return hl7.decode(payload.content(), payload.contentType());
    }

    @GET
    @Path("/{id}/wire")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response wire(@PathParam("id") long id, @QueryParam("messageId") String messageId) {
        Views.Wire wire = bank.wire(id, messageId == null || messageId.isBlank() ? null : messageId.strip())
                .orElseThrow(() -> BankErrors.notFound("no wire banked for message " + id
                        + (messageId == null ? "" : " under MessageId " + messageId)));
        return Response.ok(wire.body(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("X-Wire-Content-Type", wire.contentType())
                .header("X-Wire-Message-Id", wire.messageId()).build();
    }

    /** A resend order: why, and who (the portal fills in the signed-in user). */
    public record ResendOrder(String reason, String operator) {
    }

    @POST
    @Path("/{id}/resend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resend(@PathParam("id") long id, ResendOrder order) {
        String reason = BankResendsResource.reason(order == null ? null : order.reason());
        Views.ResendBatch batch = bank.requestResend(List.of(id), WorkItem.OPERATOR, null, reason,
                order.operator());
        if (!batch.refused().isEmpty()) {
            Views.Refusal refusal = batch.refused().get(0);
            throw "NotFound".equals(refusal.error()) ? BankErrors.notFound(refusal.detail())
                    : BankErrors.notAllowed(refusal.detail());
        }
        return Response.status(202).entity(batch.requested().get(0)).build();
    }

    private List<Payload> payloads(long id) {
        return bank.wire(id, null).map(w -> {
            var decoded = codec.decode(new WireMessage(w.contentType(), WireMessage.EBXML_SOAP_ACTION, w.body()));
            return decoded.message() == null ? List.<Payload>of() : decoded.message().payloads();
        }).orElse(List.of());
    }

    private Payload payloadAt(long id, int index) {
        if (bank.summary(id).isEmpty()) {
            throw BankErrors.notFound("no banked message " + id);
        }
        List<Payload> payloads = payloads(id);
        if (index < 0 || index >= payloads.size()) {
            throw BankErrors.notFound("message " + id + " has " + payloads.size() + " payload(s); no index " + index);
        }
        return payloads.get(index);
    }
}
