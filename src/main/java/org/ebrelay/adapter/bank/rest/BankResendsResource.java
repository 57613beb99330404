package org.ebrelay.adapter.bank.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.adapter.bank.Views.Page;
import org.ebrelay.adapter.bank.Views.ResendBatch;
import org.ebrelay.adapter.bank.Views.ResendRequest;
import org.ebrelay.app.bank.WorkItem;

/** {@code /bank/api/resends}: resend a selection or everything a search matches; list the requests. */
@Path("/resends")
@Produces(MediaType.APPLICATION_JSON)
public class BankResendsResource {
    static final int DEFAULT_MAX = 1000;
    static final int MAX_MAX = 10_000;

    private final JdbcMessageBank bank;

    public BankResendsResource(JdbcMessageBank bank) {
        this.bank = bank;
    }

    public record Selection(List<Long> ids, String reason, String operator) {
    }

    public record SearchSelection(QueryParams.SearchBody query, String reason, String operator, Integer max) {
    }

    @GET
    public Page<ResendRequest> list(@QueryParam("state") String state, @QueryParam("limit") Integer limit,
                                    @QueryParam("after") String after) {
        try {
            return bank.resends(state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT),
                    after, QueryParams.limit(limit));
        } catch (IllegalArgumentException e) {
            throw BankErrors.malformed(e.getMessage());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ResendBatch resendSelection(Selection selection) {
        if (selection == null || selection.ids() == null || selection.ids().isEmpty()) {
            throw BankErrors.malformed("ids must name at least one banked message");
        }
        if (selection.ids().size() > MAX_MAX) {
            throw BankErrors.malformed("at most " + MAX_MAX + " ids at once");
        }
        return bank.requestResend(selection.ids(), WorkItem.OPERATOR, null, reason(selection.reason()),
                selection.operator());
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResendBatch resendSearch(SearchSelection selection) {
        if (selection == null) {
            throw BankErrors.malformed("a body with query and reason is required");
        }
        String reason = reason(selection.reason());
        int max = selection.max() == null ? DEFAULT_MAX : selection.max();
        if (max < 1 || max > MAX_MAX) {
            throw BankErrors.malformed("max must be 1-" + MAX_MAX + ": " + max);
        }
        List<Long> ids = bank.idsMatching(QueryParams.query(selection.query()), max);
        return bank.requestResend(ids, WorkItem.OPERATOR, null, reason, selection.operator());
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw BankErrors.malformed("a resend needs a reason");
        }
        return reason.strip();
    }
}
