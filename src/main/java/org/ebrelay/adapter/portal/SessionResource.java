package org.ebrelay.adapter.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.ebrelay.app.portal.PortalSessions;
import org.ebrelay.app.portal.SignedIn;
import org.ebrelay.app.portal.UserAccounts;

import java.util.Optional;

/**
 * {@code /bank/api/session}: sign in (POST, JSON name and password; sets the session cookie and answers the CSRF
 * token), who am I (GET), sign out (DELETE), and a user's own password change (POST /session/password).
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    private final PortalSessions sessions;
    private final UserAccounts accounts;

    public SessionResource(PortalSessions sessions, UserAccounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(PortalBodies.SignIn body, @Context UriInfo uri) {
        if (body == null || body.name() == null || body.password() == null) {
            return PortalErrors.error(400, "MalformedRequest", "sign in with {\"name\": ..., \"password\": ...}");
        }
        Optional<SignedIn> signedIn = sessions.signIn(body.name(), PortalBodies.chars(body.password()));
        if (signedIn.isEmpty()) {
            return PortalErrors.unauthorized("wrong user name or password, or the account is locked or disabled");
        }
        SignedIn session = signedIn.get();
        return Response.ok(view(session))
                .header("Set-Cookie", SessionCookie.issue(session.token(), PortalAccessFilter.isSecure(uri))).build();
    }

    @GET
    public PortalBodies.SessionView current(@Context SecurityContext security) {
        return view(signedIn(security));
    }

    @DELETE
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
        sessions.signOut(SessionCookie.token(headers.getCookies()));
        return Response.noContent().header("Set-Cookie", SessionCookie.expire(PortalAccessFilter.isSecure(uri))).build();
    }

    /** The caller's own password; every session of the caller ends (sign in again with the new one). */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PortalBodies.PasswordChange body, @Context SecurityContext security,
                                   @Context UriInfo uri) {
        if (body == null || body.current() == null || body.password() == null) {
            return PortalErrors.error(400, "MalformedRequest", "send {\"current\": ..., \"password\": ...}");
        }
        accounts.changeOwnPassword(signedIn(security).user().name(), PortalBodies.chars(body.current()),
                PortalBodies.chars(body.password()));
        return Response.noContent().header("Set-Cookie", SessionCookie.expire(PortalAccessFilter.isSecure(uri))).build();
    }

    private PortalBodies.SessionView view(SignedIn session) {
        return new PortalBodies.SessionView(PortalBodies.UserView.of(session.user()), session.csrfToken(),
                session.session().expiresAt(sessions.settings()));
    }

    static SignedIn signedIn(SecurityContext security) {
        if (!(security instanceof PortalPrincipal)) {
            throw new IllegalStateException("the portal access filter did not run for this request");
        }
        return ((PortalPrincipal) security).session();
    }
}
