package org.ebrelay.app.portal;

import java.time.Instant;
import java.util.Optional;

/** Where sessions are kept (the bank's own database, so several bank instances share them). */
public interface SessionStore {
    void insert(PortalSession session, Instant expiresAt);

    Optional<PortalSession> find(String tokenHash);

    /** Records a request at {@code lastSeenAt}; the session now ends at {@code expiresAt}. */
    void touch(String tokenHash, Instant lastSeenAt, Instant expiresAt);

    void delete(String tokenHash);

    /** Ends every session of a user (password changed, disabled, removed, role changed). */
    int deleteForUser(String userName);

    /** Forgets sessions that ended before {@code now}. */
    int deleteExpired(Instant now);
}
