package org.ebrelay.adapter.portal;

import org.ebrelay.app.portal.PortalUser;

import java.time.Instant;

/** The JSON shapes of the portal's own endpoints (session, users, audit). */
final class PortalBodies {
    private PortalBodies() {
    }

    record SignIn(String name, String password) {
    }

    record UserView(String name, String role) {
        static UserView of(PortalUser user) {
            return new UserView(user.name(), user.role().code());
        }
    }

    /** What a client needs after sign-in: who it is, the CSRF token to echo, when the session ends if idle. */
    record SessionView(UserView user, String csrfToken, Instant expiresAt) {
    }

    record PasswordChange(String current, String password) {
    }

    record NewUser(String name, String role, String password) {
    }

    /** Either or both of role and enabled. */
    record UserChange(String role, Boolean enabled) {
    }

    record NewPassword(String password) {
    }

    record UserRow(String name, String role, boolean enabled, Instant createdAt, Instant lockedUntil) {
        static UserRow of(PortalUser user) {
            return new UserRow(user.name(), user.role().code(), user.enabled(), user.createdAt(), user.lockedUntil());
        }
    }

    static char[] chars(String text) {
        return text == null ? new char[0] : text.toCharArray();
    }
}
