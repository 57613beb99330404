package org.ebrelay.app.portal;

/**
 * A session that is valid now, with its user as the store has them now (a role change applies at once).
 *
 * @param token the secret the client holds (a cookie); only known right after sign-in, null when resolved
 */
public record SignedIn(String token, PortalSession session, PortalUser user) {
    public String csrfToken() {
        return session.csrfToken();
    }
}
