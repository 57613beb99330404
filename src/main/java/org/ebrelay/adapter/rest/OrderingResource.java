package org.ebrelay.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.ordering.OrderedDelivery;
import org.ebrelay.app.port.out.OrderGap;
import org.ebrelay.app.port.out.OrderedDeliveries;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;

/**
 * Ordered delivery for operators (docs/reliability.md, "Ordered delivery"): {@code GET /api/ordering} lists the
 * conversations holding messages and why; {@code POST /api/ordering/skip-gap} with
 * {@code {cpaId, conversationId, operator, reason}} stops waiting for a missing (or undeliverable) message.
 */
@Path("/ordering")
@Produces(MediaType.APPLICATION_JSON)
public class OrderingResource {
    private static final ObjectMapper JSON = ApiJson.mapper();

    private final OrderedDelivery ordering;

    public OrderingResource(OrderedDelivery ordering) {
        this.ordering = ordering;
    }

    @GET
    public HeldList held() {
        return new HeldList(ordering.held().stream().map(Held::of).toList());
    }

    /** 200 with what was skipped and released; 404 when the conversation holds nothing; 400 without the fields. */
    @POST
    @Path("skip-gap")
    public Skipped skipGap(InputStream body) {
        SkipRequest request = read(body);
        if (blank(request.cpaId()) || blank(request.conversationId()) || blank(request.operator())
                || blank(request.reason())) {
            throw new BadRequest("send {\"cpaId\", \"conversationId\", \"operator\", \"reason\"}: all four are needed"
                    + " (the skip is audited)");
        }
        CpaId cpaId = CpaId.of(request.cpaId().strip());
        ConversationId conversation = ConversationId.of(request.conversationId().strip());
        OrderedDeliveries.GapSkip skip = ordering.skipGap(cpaId, conversation,
                request.operator().strip() + " (" + request.reason().strip() + ")")
                .orElseThrow(() -> new BadRequest(404, "NotFound", "conversation " + conversation.value()
                        + " under CPA " + cpaId.value() + " holds no message"));
        return new Skipped(cpaId.value(), conversation.value(), skip.skippedFrom(), skip.skippedTo(),
                skip.released());
    }

    private static SkipRequest read(InputStream body) {
        try {
            SkipRequest request = JSON.readValue(body, SkipRequest.class);
            if (request == null) {
                throw new BadRequest("an empty body: send {\"cpaId\", \"conversationId\", \"operator\", \"reason\"}");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new BadRequest("not the expected JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRequest("the body could not be read: " + e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    record SkipRequest(String cpaId, String conversationId, String operator, String reason) {
    }

    record Skipped(String cpaId, String conversationId, long skippedFrom, long skippedTo, List<String> released) {
    }

    record HeldList(List<Held> conversations) {
    }

    record Held(String cpaId, String conversationId, String from, long waitingFor, String inFlight, int held,
                Instant oldestHeldAt, String why) {
        static Held of(OrderGap gap) {
            return new Held(gap.cpaId().value(), gap.conversationId().value(), PartyIds.format(gap.from()),
                    gap.waitingFor(), gap.inFlight(), gap.held(), gap.oldestHeldAt(), gap.describe());
        }
    }
}
