package org.ebrelay.adapter.bank.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ebrelay.adapter.bank.BankQuery;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.adapter.bank.Views.MessageSummary;
import org.ebrelay.adapter.bank.Views.Page;

/** {@code /bank/api}: the manual-handling queue, the dashboard, the nodes, the rules, the purges, the OpenAPI text. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class BankOverviewResource {
    static final int MAX_BUCKETS = 500;

    private final JdbcMessageBank bank;
    private final Clock clock;
    private final byte[] openApi;

    public BankOverviewResource(JdbcMessageBank bank, Clock clock) {
        this.bank = bank;
        this.clock = clock;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("api/bank-openapi.yaml")) {
            openApi = in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("manual")
    public Page<MessageSummary> manual(@QueryParam("partner") String partner, @QueryParam("cpaId") String cpaId,
                                       @QueryParam("state") List<String> states, @QueryParam("node") String node,
                                       @QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        BankQuery query = new BankQuery(null, null, null, partner, cpaId, null, null, QueryParams.states(states),
                node, null, null, null, true);
        return BankMessagesResource.search(bank, query, after, QueryParams.limit(limit));
    }

    @GET
    @Path("dashboard")
    public Views.Dashboard dashboard(@QueryParam("since") String since, @QueryParam("until") String until,
                                     @QueryParam("bucket") String bucket) {
        Instant to = QueryParams.instant("until", until);
        to = to == null ? clock.instant() : to;
        Instant from = QueryParams.instant("since", since);
        from = from == null ? to.minus(Duration.ofHours(24)) : from;
        Duration width = QueryParams.duration("bucket", bucket, Duration.ofHours(1));
        if (width.compareTo(Duration.ofMinutes(1)) < 0) {
            throw BankErrors.malformed("bucket must be at least PT1M: " + bucket);
        }
        if (!from.isBefore(to)) {
            throw BankErrors.malformed("since must be before until");
        }
        if (Duration.between(from, to).dividedBy(width) >= MAX_BUCKETS) {
            throw BankErrors.malformed("at most " + MAX_BUCKETS + " buckets: widen bucket or narrow the window");
        }
        return bank.dashboard(from, to, width);
    }

    /** Requests the nodes refused before a message existed (hostile or broken input), newest first. */
    @GET
    @Path("rejected-requests")
    public List<Views.RejectedRequest> rejectedRequests(@QueryParam("node") String node,
                                                        @QueryParam("limit") Integer limit) {
        return bank.rejectedRequests(node == null || node.isBlank() ? null : node, QueryParams.limit(limit));
    }

    @GET
    @Path("nodes")
    public List<Views.Node> nodes() {
        return bank.nodes();
    }

    @GET
    @Path("rules")
    public Map<String, Object> rules() {
        return Map.of("autoResend", bank.settings().autoResend(), "retention", bank.settings().retention().all());
    }

    @GET
    @Path("purges")
    public Page<Views.Purge> purges(@QueryParam("limit") Integer limit, @QueryParam("after") String after) {
        try {
            return bank.purges(after, QueryParams.limit(limit));
        } catch (IllegalArgumentException e) {
            throw BankErrors.malformed(e.getMessage());
        }
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public byte[] openApi() {
        return openApi.clone();
    }
}
