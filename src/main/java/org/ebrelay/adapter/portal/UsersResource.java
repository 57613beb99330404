package org.ebrelay.adapter.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.ebrelay.app.portal.AccountProblem;
import org.ebrelay.app.portal.AuditLog;
import org.ebrelay.app.portal.PortalUser;
import org.ebrelay.app.portal.Role;
import org.ebrelay.app.portal.UserAccounts;

import java.util.List;

/** {@code /bank/api/users} and {@code /bank/api/audit}: user management and its audit, for admins. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class UsersResource {
    private final UserAccounts accounts;
    private final AuditLog audit;

    public UsersResource(UserAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @GET
    @Path("users")
    public List<PortalBodies.UserRow> list() {
        return accounts.list().stream().map(PortalBodies.UserRow::of).toList();
    }

    @POST
    @Path("users")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(PortalBodies.NewUser body, @Context SecurityContext request) {
        if (body == null || body.name() == null || body.role() == null || body.password() == null) {
            throw new AccountProblem(AccountProblem.Kind.INVALID, "send {\"name\", \"role\", \"password\"}");
        }
        PortalUser user = accounts.add(actor(request), body.name(), role(body.role()),
                PortalBodies.chars(body.password()));
        return Response.status(201).entity(PortalBodies.UserRow.of(user)).build();
    }

    @PATCH
    @Path("users/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PortalBodies.UserRow change(@PathParam("name") String name, PortalBodies.UserChange body,
                                       @Context SecurityContext request) {
        if (body == null || (body.role() == null && body.enabled() == null)) {
            throw new AccountProblem(AccountProblem.Kind.INVALID, "send {\"role\"} and/or {\"enabled\"}");
        }
        String actor = actor(request);
        if (body.role() != null) {
            accounts.changeRole(actor, name, role(body.role()));
        }
        if (body.enabled() != null) {
            accounts.setEnabled(actor, name, body.enabled());
        }
        return accounts.list().stream().filter(u -> u.name().equals(name)).findFirst()
                .map(PortalBodies.UserRow::of).orElseThrow();
    }

    @POST
    @Path("users/{name}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("name") String name, PortalBodies.NewPassword body,
                                @Context SecurityContext request) {
        if (body == null || body.password() == null) {
            throw new AccountProblem(AccountProblem.Kind.INVALID, "send {\"password\"}");
        }
        accounts.changePassword(actor(request), name, PortalBodies.chars(body.password()));
        return Response.noContent().build();
    }

    @DELETE
    @Path("users/{name}")
    public Response remove(@PathParam("name") String name, @Context SecurityContext request) {
        accounts.remove(actor(request), name);
        return Response.noContent().build();
    }

    @GET
    @Path("audit")
    public List<AuditLog.AuditEntry> audit(@QueryParam("limit") Integer limit) {
        return audit.latest(limit == null ? 100 : limit);
    }

    private static String actor(SecurityContext request) {
        return SessionResource.signedIn(request).user().name();
    }

    private static Role role(String text) {
        try {
            return Role.parse(text);
        } catch (IllegalArgumentException e) {
            throw new AccountProblem(AccountProblem.Kind.INVALID, e.getMessage());
        }
    }
}
