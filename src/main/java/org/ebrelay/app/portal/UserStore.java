package org.ebrelay.app.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where portal users are kept (the bank's own database). Names are compared exactly. */
public interface UserStore {
    /** Adds a user; false when the name is taken. */
    boolean insert(PortalUser user, String passwordHash);

    Optional<StoredUser> find(String name);

    /** Every user, by name. */
    List<PortalUser> list();

    /** Users that are enabled and have this role. */
    int countEnabled(Role role);

    /** Each of the updates answers false when there is no such user. */
    boolean updateRole(String name, Role role);

    boolean updateEnabled(String name, boolean enabled);

    boolean updatePassword(String name, String passwordHash, Instant changedAt);

    /** A failed sign-in: the new count of failures in a row, and the lock it earned (null: none). */
    void recordFailedSignIn(String name, int failedSignIns, Instant lockedUntil);

    /** A successful sign-in clears the failure count and the lock. */
    void recordSignIn(String name, Instant at);

    boolean delete(String name);
}
