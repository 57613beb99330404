package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.bank.Views.Purge;
import org.ebrelay.app.bank.AutoResendRule;

/** Automatic resend (find, claim by compare-and-set) and retention purges. */
final class BankHousekeepingRows {
    private BankHousekeepingRows() {
    }

    /**
     * Outbound reliable messages the rule covers, created before {@code createdBefore}, resent automatically fewer
     * than the rule's maximum, with no open request, that their node is not retrying: MANUAL, or not final on a node
     * whose last contact is before {@code staleBefore}. Returns (id, auto_resends) pairs.
     */
    static List<long[]> candidates(Connection c, AutoResendRule rule, Instant createdBefore, Instant staleBefore,
                                   int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT m.id, m.auto_resends FROM bank_messages m"
                + " WHERE m.direction = 'OUTBOUND' AND m.best_effort = FALSE AND m.created_at < ?"
                + " AND m.auto_resends < ? AND (m.state = 'MANUAL' OR (m.state IN (" + BankSearchRows.NOT_FINAL
                + ") AND m.node_id IN (SELECT n.node_id FROM bank_nodes n WHERE n.last_contact < ?)))"
                + " AND NOT EXISTS (SELECT 1 FROM bank_resends r WHERE r.bank_message = m.id"
                + " AND r.state IN ('PENDING', 'CLAIMED'))");
        List<Object> args = new ArrayList<>(List.of(createdBefore.toEpochMilli(), rule.maxResends(),
                staleBefore.toEpochMilli()));
        selector(sql, args, "m.cpa_id", rule.cpaId());
        selector(sql, args, "m.service_value", rule.service());
        selector(sql, args, "m.action", rule.action());
        if (rule.partner() != null) {
            selector(sql, args, rule.partner().contains(":") ? "m.partner" : "m.partner_value", rule.partner());
        }
        sql.append(" ORDER BY m.id");
        List<long[]> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            select.setMaxRows(limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return found;
    }

    private static void selector(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    /** The claim: counts one more automatic resend only if nobody else counted one since it was read. */
    static boolean claim(Connection c, long id, long seenAutoResends) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE bank_messages SET auto_resends = auto_resends + 1"
                + " WHERE id = ? AND auto_resends = ?")) {
            update.setLong(1, id);
            update.setLong(2, seenAutoResends);
            return update.executeUpdate() == 1;
        }
    }

    /** Purges up to {@code limit} messages whose retention ran out; records the purge. Returns how many. */
    static int purge(Connection c, Instant now, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, retention_rule FROM bank_messages"
                + " WHERE retain_until < ? ORDER BY retain_until")) {
            select.setLong(1, now.toEpochMilli());
            select.setMaxRows(limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getLong(1));
                    rules.add(r.getString(2));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM bank_messages WHERE id = ?")) {
            for (Long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        java.util.Map<String, Integer> perRule = new java.util.TreeMap<>();
        rules.forEach(rule -> perRule.merge(rule == null ? "" : rule, 1, Integer::sum));
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_purges (purged_at, rule_name, messages,"
                + " older_than) VALUES (?, ?, ?, ?)")) {
            for (java.util.Map.Entry<String, Integer> entry : perRule.entrySet()) {
                insert.setLong(1, now.toEpochMilli());
                insert.setString(2, entry.getKey());
                insert.setInt(3, entry.getValue());
                insert.setLong(4, now.toEpochMilli());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids.size();
    }

    static List<Purge> purges(Connection c, long afterId, int limit) throws SQLException {
        List<Purge> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, purged_at, rule_name, messages, older_than"
                + " FROM bank_purges" + (afterId > 0 ? " WHERE id < ?" : "") + " ORDER BY id DESC")) {
            if (afterId > 0) {
                select.setLong(1, afterId);
            }
            select.setMaxRows(limit + 1);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new Purge(r.getLong(1), BankRows.instant(r, "purged_at"), r.getString(3), r.getInt(4),
                            BankRows.instant(r, "older_than")));
                }
            }
        }
        return found;
    }
}
