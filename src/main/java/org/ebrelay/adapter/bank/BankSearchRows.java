package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.bank.Views.MessageSummary;

/**
 * Searching banked messages, newest first, by keyset: each page continues strictly after the last row of the
 * previous one (created_at, id), so page 1,000 costs what page 1 costs. Every search column has an index ending in
 * (created_at, id).
 */
final class BankSearchRows {
    static final String COLUMNS = "m.id, m.node_id, m.message_key, m.direction, m.state, m.cpa_id, m.conversation_id,"
            + " m.message_id, m.hl7_id, m.from_party, m.to_party, m.partner, m.service_value, m.service_type,"
            + " m.action, m.best_effort, m.attempts, m.created_at, m.updated_at, m.last_reason, m.resends,"
            + " m.cpa_version";
    /** Outbound states a node is still working on: stuck when that node stopped reporting. */
    static final String NOT_FINAL = "'QUEUED', 'SENDING', 'AWAITING_ACK', 'RETRYING', 'SLOW_RETRY'";

    private BankSearchRows() {
    }

    /** One page, plus one row more to know whether another page follows. */
    static List<MessageSummary> search(Connection c, BankQuery q, PageCursor after, int limit, Instant staleBefore)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM bank_messages m WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        equal(sql, args, "m.hl7_id", q.hl7Id());
        equal(sql, args, "m.conversation_id", q.conversationId());
        equal(sql, args, "m.cpa_id", q.cpaId());
        equal(sql, args, "m.service_value", q.service());
        equal(sql, args, "m.action", q.action());
        equal(sql, args, "m.node_id", q.node());
        equal(sql, args, "m.direction", q.direction());
        if (q.partner() != null) {
            equal(sql, args, q.partner().contains(":") ? "m.partner" : "m.partner_value", q.partner());
        }
        if (q.messageId() != null) {
            sql.append(" AND m.id IN (SELECT i.bank_message FROM bank_message_ids i WHERE i.message_id = ?)");
            args.add(q.messageId());
        }
        if (!q.states().isEmpty()) {
            sql.append(" AND m.state IN (").append(String.join(", ", q.states().stream().map(s -> "?").toList()))
                    .append(')');
            args.addAll(q.states());
        }
        if (q.manualOnly()) {
            sql.append(" AND m.direction = 'OUTBOUND' AND (m.state IN ('MANUAL', 'FAILED') OR (m.state IN (")
                    .append(NOT_FINAL).append(") AND m.node_id IN (SELECT n.node_id FROM bank_nodes n")
                    .append(" WHERE n.last_contact < ?)))");
            args.add(staleBefore.toEpochMilli());
        }
        range(sql, args, q.since(), q.until());
        if (after != null) {
            sql.append(" AND (m.created_at < ? OR (m.created_at = ? AND m.id < ?))");
            args.add(after.millis());
            args.add(after.millis());
            args.add(after.id());
        }
        sql.append(" ORDER BY m.created_at DESC, m.id DESC LIMIT ?");
        args.add(limit + 1);
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            return read(select);
        }
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value.strip());
        }
    }

    private static void range(StringBuilder sql, List<Object> args, Instant since, Instant until) {
        if (since != null) {
            sql.append(" AND m.created_at >= ?");
            args.add(since.toEpochMilli());
        }
        if (until != null) {
            sql.append(" AND m.created_at < ?");
            args.add(until.toEpochMilli());
        }
    }

    static MessageSummary byId(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM bank_messages m"
                + " WHERE m.id = ?")) {
            select.setLong(1, id);
            List<MessageSummary> found = read(select);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static Integer cpaVersion(ResultSet r) throws SQLException {
        int version = r.getInt("cpa_version");
        return r.wasNull() ? null : version;
    }

    static List<MessageSummary> read(PreparedStatement select) throws SQLException {
        List<MessageSummary> found = new ArrayList<>();
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                found.add(new MessageSummary(r.getLong("id"), r.getString("node_id"), r.getString("message_key"),
                        r.getString("direction"), r.getString("state"), r.getString("cpa_id"),
                        r.getString("conversation_id"), r.getString("message_id"), r.getString("hl7_id"),
                        r.getString("from_party"), r.getString("to_party"), r.getString("partner"),
                        r.getString("service_value"), r.getString("service_type"), r.getString("action"),
                        r.getBoolean("best_effort"), r.getInt("attempts"), BankRows.instant(r, "created_at"),
                        BankRows.instant(r, "updated_at"), r.getString("last_reason"), r.getInt("resends"),
                        cpaVersion(r)));
            }
        }
        return found;
    }
}
