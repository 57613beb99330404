package org.ebrelay.app.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * A portal user as listed (never with its password hash).
 *
 * @param lockedUntil after too many failed sign-ins the account refuses sign-in until then; null when not locked
 */
public record PortalUser(String name, Role role, boolean enabled, Instant createdAt, Instant lockedUntil) {
    public PortalUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True when the account is locked at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
