package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.bank.NodeNote;

/**
 * A node's notes as the bank keeps them: an operator action through the node's API goes to the portal's audit log
 * ({@code portal_audit}, with the node), a refused request to {@code bank_rejected_requests}. Each once per
 * (node, note id): a batch shipped again changes nothing.
 */
final class BankNoteRows {
    private static final String AUDIT = "INSERT INTO portal_audit (at, actor, action, subject, detail, node, node_note)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String REJECTED = "INSERT INTO bank_rejected_requests (node_id, node_note, at, remote,"
            + " answer, reason, size, first_bytes, repeats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private BankNoteRows() {
    }

    static void insert(Connection c, String node, List<NodeNote> notes) throws SQLException {
        for (NodeNote note : notes) {
            if (NodeNote.AUDIT.equals(note.kind()) && !known(c, "portal_audit", "node", node, note.id())) {
                audit(c, node, note);
            } else if (NodeNote.REJECTED_REQUEST.equals(note.kind())
                    && !known(c, "bank_rejected_requests", "node_id", node, note.id())) {
                rejected(c, node, note);
            }
        }
    }

    private static void audit(Connection c, String node, NodeNote note) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(AUDIT)) {
            insert.setLong(1, note.at().toEpochMilli());
            insert.setString(2, cut("node " + node + (note.actor() == null ? "" : ": " + note.actor()), 128));
            insert.setString(3, cut(note.action() == null ? "NODE_ACTION" : note.action(), 32));
            insert.setString(4, cut(note.subject(), 1024));
            insert.setString(5, cut(note.detail(), 1000));
            insert.setString(6, node);
            insert.setLong(7, note.id());
            insert.executeUpdate();
        }
    }

    private static void rejected(Connection c, String node, NodeNote note) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(REJECTED)) {
            insert.setString(1, node);
            insert.setLong(2, note.id());
            insert.setLong(3, note.at().toEpochMilli());
            insert.setString(4, cut(note.remote(), 128));
            insert.setString(5, cut(note.action(), 64));
            insert.setString(6, cut(note.detail(), 2000));
            insert.setLong(7, note.size());
            insert.setString(8, cut(note.firstBytes(), 1024));
            insert.setInt(9, Math.max(1, note.repeats()));
            insert.executeUpdate();
        }
    }

    static List<Views.RejectedRequest> rejected(Connection c, String node, int limit) throws SQLException {
        String sql = "SELECT node_id, at, remote, answer, reason, size, first_bytes, repeats FROM bank_rejected_requests"
                + (node == null ? "" : " WHERE node_id = ?") + " ORDER BY at DESC, id DESC FETCH FIRST "
                + Math.max(1, Math.min(limit, 1000)) + " ROWS ONLY";
        List<Views.RejectedRequest> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            if (node != null) {
                select.setString(1, node);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new Views.RejectedRequest(r.getString(1), Instant.ofEpochMilli(r.getLong(2)),
                            r.getString(3), r.getString(4), r.getString(5), r.getLong(6), r.getString(7),
                            r.getInt(8)));
                }
            }
        }
        return found;
    }

    private static boolean known(Connection c, String table, String nodeColumn, String node, long id)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM " + table + " WHERE " + nodeColumn
                + " = ? AND node_note = ?")) {
            select.setString(1, node);
            select.setLong(2, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
