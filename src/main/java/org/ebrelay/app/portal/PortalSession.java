package org.ebrelay.app.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser (or script), as stored: only the hash of its secret token is kept, so a copy of the database
 * opens no session.
 *
 * @param csrfToken   what state-changing requests must echo in a header (synchroniser token)
 * @param lastSeenAt  the last request seen (refreshed at most once a minute)
 */
public record PortalSession(String tokenHash, String userName, String csrfToken, Instant createdAt,
                            Instant lastSeenAt) {
    public PortalSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** When this session ends unless used again: idle timeout after the last request, capped by the maximum age. */
    public Instant expiresAt(PortalSettings settings) {
        Instant idleEnd = lastSeenAt.plus(settings.sessionIdleTimeout());
        Instant ageEnd = createdAt.plus(settings.sessionMaxAge());
        return idleEnd.isBefore(ageEnd) ? idleEnd : ageEnd;
    }
}
