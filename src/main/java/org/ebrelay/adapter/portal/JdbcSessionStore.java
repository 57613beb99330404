package org.ebrelay.adapter.portal;

import org.ebrelay.app.portal.PortalSession;
import org.ebrelay.app.portal.SessionStore;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Optional;

/** Portal sessions in the bank's database (table portal_sessions), so every bank instance on it knows them. */
public final class JdbcSessionStore implements SessionStore {
    private final PortalSql sql;

    public JdbcSessionStore(DataSource dataSource) {
        this.sql = new PortalSql(dataSource);
    }

    @Override
    public void insert(PortalSession session, Instant expiresAt) {
        sql.update("INSERT INTO portal_sessions (token_hash, user_name, csrf_token, created_at, last_seen_at,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?)", session.tokenHash(), session.userName(),
                session.csrfToken(), session.createdAt(), session.lastSeenAt(), expiresAt);
    }

    @Override
    public Optional<PortalSession> find(String tokenHash) {
        return sql.query("SELECT token_hash, user_name, csrf_token, created_at, last_seen_at FROM portal_sessions"
                        + " WHERE token_hash = ?",
                rows -> new PortalSession(rows.getString("token_hash"), rows.getString("user_name"),
                        rows.getString("csrf_token"), PortalSql.instant(rows, "created_at"),
                        PortalSql.instant(rows, "last_seen_at")),
                tokenHash).stream().findFirst();
    }

    @Override
    public void touch(String tokenHash, Instant lastSeenAt, Instant expiresAt) {
        sql.update("UPDATE portal_sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?",
                lastSeenAt, expiresAt, tokenHash);
    }

    @Override
    public void delete(String tokenHash) {
        sql.update("DELETE FROM portal_sessions WHERE token_hash = ?", tokenHash);
    }

    @Override
    public int deleteForUser(String userName) {
        return sql.update("DELETE FROM portal_sessions WHERE user_name = ?", userName);
    }

    @Override
    public int deleteExpired(Instant now) {
        return sql.update("DELETE FROM portal_sessions WHERE expires_at <= ?", now);
    }
}
