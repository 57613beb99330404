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
import java.util.List;
import java.util.regex.Pattern;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.app.bank.CpaReport;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.NodeHello;
import org.ebrelay.app.bank.WorkItem;
import org.ebrelay.app.bank.WorkOutcome;

/**
 * The node channel: nodes announce themselves, ship batches and fetch their work. The node always calls; the same
 * idempotent methods serve an in-node bank directly.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BankNodeChannelResource {
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final JdbcMessageBank bank;

    public BankNodeChannelResource(JdbcMessageBank bank) {
        this.bank = bank;
    }

    /** Where the bank's copy of a node's event log ends. */
    public record FeedPosition(String node, long lastSequence) {
    }

    @POST
    @Path("nodes/{node}/hello")
    @Consumes(MediaType.APPLICATION_JSON)
    public FeedPosition hello(@PathParam("node") String node, NodeHello hello) {
        return new FeedPosition(node(node), bank.hello(node, hello == null ? new NodeHello(null, null, null) : hello));
    }

    @POST
    @Path("feed")
    @Consumes(MediaType.APPLICATION_JSON)
    public FeedPosition feed(FeedBatch batch) {
        if (batch == null) {
            throw BankErrors.malformed("a feed batch is required");
        }
        String node = node(batch.node());
        if (batch.messages().stream().anyMatch(m -> m.key() == null || m.createdAt() == null || m.partner() == null)
                || batch.events().stream().anyMatch(e -> e.key() == null || e.time() == null || e.type() == null)) {
            throw BankErrors.malformed("every message needs key, createdAt, from and to; every event key, time, type");
        }
        return new FeedPosition(node, bank.feed(batch));
    }

    /** The node's CPAs as they are now (the whole set; the portal's CPA view). */
    @POST
    @Path("nodes/{node}/cpas")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cpas(@PathParam("node") String node, List<CpaReport> cpas) {
        if (cpas == null || cpas.stream().anyMatch(c -> c == null || c.cpaId() == null || c.state() == null
                || c.view() == null)) {
            throw BankErrors.malformed("a list of CPAs, each with cpaId, state, version and view, is required");
        }
        bank.cpas(node(node), cpas);
        return Response.noContent().build();
    }

    @GET
    @Path("nodes/{node}/work")
    public List<WorkItem> work(@PathParam("node") String node, @QueryParam("limit") Integer limit) {
        return bank.work(node(node), QueryParams.limit(limit));
    }

    @POST
    @Path("nodes/{node}/work/{requestId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("node") String node, @PathParam("requestId") long requestId,
                           WorkOutcome outcome) {
        if (outcome == null || !(WorkOutcome.DONE.equals(outcome.outcome())
                || WorkOutcome.REFUSED.equals(outcome.outcome()) || outcome.declined())) {
            throw BankErrors.malformed("outcome must be DONE, REFUSED or DECLINED");
        }
        if (!bank.reportWork(node(node), requestId, outcome)) {
            throw BankErrors.notFound("node " + node + " holds no resend request " + requestId);
        }
        return Response.noContent().build();
    }

    private static String node(String node) {
        if (node == null || !NODE_ID.matcher(node).matches()) {
            throw BankErrors.malformed("a node id is 1-64 letters, digits, '.', '_' or '-': " + node);
        }
        return node;
    }
}
