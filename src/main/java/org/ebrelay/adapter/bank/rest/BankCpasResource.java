package org.ebrelay.adapter.bank.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.ebrelay.adapter.bank.CpaViews;
import org.ebrelay.adapter.bank.JdbcMessageBank;

/** {@code /bank/api/cpas}: the CPAs the nodes serve, as they told the bank (viewers may read). */
@Path("/cpas")
@Produces(MediaType.APPLICATION_JSON)
public class BankCpasResource {
    private final JdbcMessageBank bank;

    public BankCpasResource(JdbcMessageBank bank) {
        this.bank = bank;
    }

    /** Every CPA with its state, newest version and the nodes that run it. */
    @GET
    public List<CpaViews.Entry> list() {
        return bank.cpaList();
    }

    /** One CPA: the node view of its newest version in plain words, and which node runs which version. */
    @GET
    @Path("{cpaId}")
    public CpaViews.Detail get(@PathParam("cpaId") String cpaId) {
        return bank.cpa(cpaId).orElseThrow(() -> BankErrors.notFound("no node reported CPA " + cpaId));
    }
}
