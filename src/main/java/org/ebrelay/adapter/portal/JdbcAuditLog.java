package org.ebrelay.adapter.portal;

import org.ebrelay.app.portal.AuditLog;

import javax.sql.DataSource;
import java.util.List;

/** The portal's audit (table portal_audit): sign-ins, refusals and user changes, newest first. */
public final class JdbcAuditLog implements AuditLog {
    private static final int DETAIL_LIMIT = 1000;

    private final PortalSql sql;

    public JdbcAuditLog(DataSource dataSource) {
        this.sql = new PortalSql(dataSource);
    }

    @Override
    public void record(AuditEntry entry) {
        sql.update("INSERT INTO portal_audit (at, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                entry.at(), cut(entry.actor(), 128), entry.action(), cut(entry.subject(), 64),
                cut(entry.detail(), DETAIL_LIMIT));
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        return sql.query("SELECT at, actor, action, subject, detail FROM portal_audit ORDER BY id DESC"
                        + " FETCH FIRST " + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY",
                rows -> new AuditEntry(PortalSql.instant(rows, "at"), rows.getString("actor"),
                        rows.getString("action"), rows.getString("subject"), rows.getString("detail")));
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
