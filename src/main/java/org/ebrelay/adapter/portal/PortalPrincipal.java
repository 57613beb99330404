package org.ebrelay.adapter.portal;

import jakarta.ws.rs.core.SecurityContext;
import org.ebrelay.app.portal.Role;
import org.ebrelay.app.portal.SignedIn;

import java.security.Principal;

/**
 * The signed-in user as JAX-RS sees it ({@code @Context SecurityContext}): resources read the user's name from
 * here (e.g. the operator of a resend), never from the request body.
 */
final class PortalPrincipal implements SecurityContext {
    private final SignedIn session;
    private final boolean secure;

    PortalPrincipal(SignedIn session, boolean secure) {
        this.session = session;
        this.secure = secure;
    }

    SignedIn session() {
        return session;
    }

    @Override
    public Principal getUserPrincipal() {
        String name = session.user().name();
        return () -> name;
    }

    /** Roles are {@code viewer}, {@code operator}, {@code admin}; a higher role is in every lower one. */
    @Override
    public boolean isUserInRole(String role) {
        try {
            return session.user().role().includes(Role.parse(role));
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "SESSION";
    }
}
