package org.ebrelay.app.portal;

import java.util.Objects;

/** A user as the store keeps it: the listing plus what sign-in needs (the hash and the failure count). */
public record StoredUser(PortalUser user, String passwordHash, int failedSignIns) {
    public StoredUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
