package org.ebrelay.adapter.portal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    public Response signIn(PortalBodies.SignIn body, @Context ContainerRequestContext request) {
        if (body == null || body.name() == null || body.password() == null) {
            return PortalErrors.error(400, "MalformedRequest", "sign in with {\"name\": ..., \"password\": ...}");
        }
        Optional<SignedIn> signedIn = sessions.signIn(body.name(), PortalBodies.chars(body.password()));
        if (signedIn.isEmpty()) {
            return PortalErrors.unauthorized("wrong user name or password, or the account is locked or disabled");
        }
        SignedIn session = signedIn.get();
        return Response.ok(view(session))
                .cookie(SessionCookie.issue(session.token(), PortalAccessFilter.isSecure(request))).build();
    }

    @GET
    public PortalBodies.SessionView current(@Context ContainerRequestContext request) {
        return view(signedIn(request));
    }

    @DELETE
    public Response signOut(@Context HttpHeaders headers, @Context ContainerRequestContext request) {
        sessions.signOut(SessionCookie.token(headers.getCookies()));
        return Response.noContent().cookie(SessionCookie.expire(PortalAccessFilter.isSecure(request))).build();
    }

    /** The caller's own password; every session of the caller ends (sign in again with the new one). */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(PortalBodies.PasswordChange body, @Context ContainerRequestContext request) {
        if (body == null || body.current() == null || body.password() == null) {
            return PortalErrors.error(400, "MalformedRequest", "send {\"current\": ..., \"password\": ...}");
        }
        accounts.changeOwnPassword(signedIn(request).user().name(), PortalBodies.chars(body.current()),
                PortalBodies.chars(body.password()));
        return Response.noContent().cookie(SessionCookie.expire(PortalAccessFilter.isSecure(request))).build();
    }

    private PortalBodies.SessionView view(SignedIn session) {
        return new PortalBodies.SessionView(PortalBodies.UserView.of(session.user()), session.csrfToken(),
                session.session().expiresAt(sessions.settings()));
    }

    static SignedIn signedIn(ContainerRequestContext request) {
        Object session = request.getProperty(PortalPrincipal.SESSION_PROPERTY);
        if (!(session instanceof SignedIn)) {
            throw new IllegalStateException("the portal access filter did not run for this request");
        }
        return (SignedIn) session;
    }
}
