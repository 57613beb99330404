package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.bank.Views.Event;
import org.ebrelay.adapter.bank.Views.MessageIdEntry;
import org.ebrelay.adapter.bank.Views.Wire;
import org.ebrelay.adapter.bank.Views.WireInfo;

/** One banked message's chain of MessageIds, timeline and wires. */
final class BankDetailRows {
    private BankDetailRows() {
    }

    static List<MessageIdEntry> messageIds(Connection c, long id) throws SQLException {
        List<MessageIdEntry> ids = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT message_id, ordinal, assigned_at"
                + " FROM bank_message_ids WHERE bank_message = ? ORDER BY ordinal")) {
            select.setLong(1, id);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    ids.add(new MessageIdEntry(r.getString(1), r.getInt(2), BankRows.instant(r, "assigned_at")));
                }
            }
        }
        return ids;
    }

    /** The timeline, oldest first: the node's events by time, then the bank's own. */
    static List<Event> events(Connection c, long id) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT node_seq, node_id, event_time, event_type,"
                + " from_state, to_state, detail FROM bank_events WHERE bank_message = ? ORDER BY event_time, id")) {
            select.setLong(1, id);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    events.add(new Event(r.wasNull() ? null : seq, r.getString(2),
                            BankRows.instant(r, "event_time"), r.getString(4), r.getString(5), r.getString(6),
                            r.getString(7)));
                }
            }
        }
        return events;
    }

    static List<WireInfo> wires(Connection c, long id) throws SQLException {
        List<WireInfo> wires = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT message_id, content_type, OCTET_LENGTH(wire),"
                + " banked_at FROM bank_wires WHERE bank_message = ? ORDER BY banked_at, message_id")) {
            select.setLong(1, id);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    wires.add(new WireInfo(r.getString(1), r.getString(2), r.getInt(3),
                            BankRows.instant(r, "banked_at")));
                }
            }
        }
        return wires;
    }

    /** The wire under {@code messageId}, or the latest banked one when it is null; null when none. */
    static Wire wire(Connection c, long id, String messageId) throws SQLException {
        String sql = "SELECT message_id, content_type, wire FROM bank_wires WHERE bank_message = ?"
                + (messageId == null ? "" : " AND message_id = ?") + " ORDER BY banked_at DESC";
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, id);
            if (messageId != null) {
                select.setString(2, messageId);
            }
            select.setMaxRows(1);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? new Wire(r.getString(1), r.getString(2), r.getBytes(3)) : null;
            }
        }
    }

    static Long retainUntil(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT retain_until FROM bank_messages WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                long value = r.getLong(1);
                return r.wasNull() ? null : value;
            }
        }
    }
}
