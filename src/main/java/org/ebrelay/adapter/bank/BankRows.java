package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Small helpers shared by the bank's row classes. */
final class BankRows {
    static final int TEXT_MAX = 4000;

    private BankRows() {
    }

    static Long idOf(Connection c, String node, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM bank_messages WHERE node_id = ? AND message_key = ?")) {
            select.setString(1, node);
            select.setString(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    /** Cut to the column's size. */
    static String text(String text) {
        return text == null || text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX);
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** Appends one of the bank's own events to a message's timeline. */
    static void bankEvent(Connection c, long message, Instant at, String type, String detail) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_events (node_id, node_seq,"
                + " bank_message, event_time, event_type, detail) VALUES ('bank', NULL, ?, ?, ?, ?)")) {
            insert.setLong(1, message);
            insert.setLong(2, at.toEpochMilli());
            insert.setString(3, type);
            insert.setString(4, text(detail));
            insert.executeUpdate();
        }
    }
}
