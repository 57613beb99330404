package org.ebrelay.adapter.portal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.ebrelay.app.AccessCheck;
import org.ebrelay.app.portal.ApiAccessRules;
import org.ebrelay.app.portal.AuditLog;
import org.ebrelay.app.portal.AuditedRequests;
import org.ebrelay.app.portal.PortalSessions;
import org.ebrelay.app.portal.Role;
import org.ebrelay.app.portal.SessionTokens;
import org.ebrelay.app.portal.SignedIn;

import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * The gate in front of every bank API resource (before matching, so an unknown path is refused like a known one):
 * a session cookie and a sufficient role for people ({@link ApiAccessRules}), the CSRF token in
 * {@value #CSRF_HEADER} and a same-site Origin for anything that changes state, and the node credential (an
 * {@link AccessCheck} on the bearer token) for the node channel. A resend order gets the signed-in user as its
 * operator ({@link OperatorStamp}). Answers are never cached.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class PortalAccessFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "bearer ";

    private final PortalSessions sessions;
    private final AccessCheck nodeAccess;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * @param nodeAccess decides on the node channel's bearer tokens (the security issue's API tokens)
     * @param audit      gets every successful view of patient data and every operator action
     *                   ({@link AuditedRequests})
     */
    public PortalAccessFilter(PortalSessions sessions, AccessCheck nodeAccess, AuditLog audit, Clock clock) {
        this.sessions = sessions;
        this.nodeAccess = nodeAccess;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod();
        String path = "/" + request.getUriInfo().getPath(true);
        ApiAccessRules.Need need = ApiAccessRules.needFor(method, path);
        switch (need.kind()) {
            case ANYONE:
                if (!sameSite(request)) {
                    request.abortWith(PortalErrors.forbidden("the request comes from another site (Origin)"));
                }
                return;
            case NODE:
                if (!nodeAccess.permits(bearerToken(request), method + " /bank/api" + path)) {
                    request.abortWith(PortalErrors.unauthorized("a valid node credential is required"));
                }
                return;
            default:
                checkUser(request, need, method, path);
        }
    }

    private void checkUser(ContainerRequestContext request, ApiAccessRules.Need need, String method, String path) {
        Optional<SignedIn> session = sessions.resolve(SessionCookie.token(request.getCookies()));
        if (session.isEmpty()) {
            request.abortWith(PortalErrors.unauthorized("sign in first (POST /bank/api/session)"));
            return;
        }
        SignedIn signedIn = session.get();
        if (!signedIn.user().role().includes(need.role())) {
            request.abortWith(PortalErrors.forbidden(method + " " + path + " needs the role " + need.role().code()
                    + "; " + signedIn.user().name() + " is " + signedIn.user().role().code()));
            return;
        }
        if (ApiAccessRules.changesState(method)) {
            if (!SessionTokens.same(signedIn.csrfToken(), request.getHeaderString(CSRF_HEADER))) {
                request.abortWith(PortalErrors.forbidden("the " + CSRF_HEADER + " header is missing or wrong"));
                return;
            }
            if (!sameSite(request)) {
                request.abortWith(PortalErrors.forbidden("the request comes from another site (Origin)"));
                return;
            }
        }
        if (need.role() == Role.OPERATOR && request.hasEntity()
                && !OperatorStamp.apply(request, signedIn.user().name())) {
            request.abortWith(PortalErrors.error(413, "PayloadTooLarge", "a resend order is a small JSON object"));
            return;
        }
        request.setSecurityContext(new PortalPrincipal(signedIn, isSecure(request)));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        if (request.getSecurityContext() instanceof PortalPrincipal && response.getStatus() < 300) {
            String path = "/" + request.getUriInfo().getPath(true);
            String action = AuditedRequests.action(request.getMethod(), path);
            if (action != null) {
                String actor = request.getSecurityContext().getUserPrincipal().getName();
                audit.record(new AuditLog.AuditEntry(clock.instant(), actor, action, null,
                        request.getMethod() + " /bank/api" + path));
            }
        }
    }

    static boolean isSecure(ContainerRequestContext request) {
        return isSecure(request.getUriInfo());
    }

    static boolean isSecure(jakarta.ws.rs.core.UriInfo uri) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    }

    /**
     * A browser names the page's origin on cross-site requests; when it does, its host must be the one the request
     * was sent to (host only: a TLS-terminating proxy changes scheme and port). Tools that send no Origin pass:
     * the CSRF token still guards them.
     */
    static boolean sameSite(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        try {
            String originHost = URI.create(origin).getHost();
            String host = request.getUriInfo().getRequestUri().getHost();
            return originHost != null && host != null
                    && originHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    static String bearerToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
