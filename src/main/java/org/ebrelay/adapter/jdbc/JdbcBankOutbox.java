package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebrelay.app.bank.BankOutbox;
import org.ebrelay.app.bank.FeedEvent;
import org.ebrelay.app.bank.FeedMessage;
import org.ebrelay.app.bank.LogEntry;
import org.ebrelay.app.bank.FeedMessage.FeedMessageId;
import org.ebrelay.app.bank.FeedMessage.FeedWire;

/**
 * The node's bank outbox is its event log: {@code message_events} is appended in the transaction of every state
 * change, so reading it after a cursor gives the bank every change exactly as committed, at no cost on the hot
 * path. The message rows and wire bytes are read here, on the shipper's thread, through the read pool. Each entry
 * names the node that wrote it ({@code node_id}, set by the column's default from the connection's setting on
 * PostgreSQL; NULL on H2 and for events older than that column).
 */
public final class JdbcBankOutbox implements BankOutbox {
    private static final int KEYS_PER_QUERY = 100;
    private static final String OUTBOUND = "SELECT m.id, m.state, m.cpa_id, m.conversation_id, m.message_id,"
            + " m.hl7_id, m.from_party_type, m.from_party_value, m.to_party_type, m.to_party_value, m.service_type,"
            + " m.service_value, m.action, m.ack_requested, m.attempts, m.created_at, m.updated_at, m.last_reason,"
            + " m.cpa_version, w.content_type, w.wire FROM outbound_messages m LEFT JOIN outbound_wire w ON w.message_key = m.id"
            + " WHERE m.id IN (%s)";
    private static final String INBOUND = "SELECT id, state, cpa_id, conversation_id, message_id, hl7_id,"
            + " from_party_type, from_party_value, to_party_type, to_party_value, service_type, service_value,"
            + " action, received_at, updated_at, last_reason, cpa_version, content_type, wire FROM inbound_messages"
            + " WHERE id IN (%s)";
    private static final String IDS = "SELECT message_key, message_id, ordinal, assigned_at FROM outbound_message_ids"
            + " WHERE message_key IN (%s) ORDER BY message_key, ordinal";

    private static final String HOMES = "SELECT e.message_key, e.node_id FROM message_events e"
            + " WHERE e.message_key IN (%s) AND e.seq = (SELECT MIN(f.seq) FROM message_events f"
            + " WHERE f.message_key = e.message_key)";

    private final Database database;
    private final boolean clustered;

    /** A node alone: no home nodes to name. */
    public JdbcBankOutbox(Database database) {
        this(database, false);
    }

    /** @param clustered the log is shared by the nodes of a cluster: snapshots name their home node */
    public JdbcBankOutbox(Database database, boolean clustered) {
        this.database = database;
        this.clustered = clustered;
    }

    @Override
    public List<LogEntry> entriesAfter(long afterSequence, int limit) {
        String sql = "SELECT seq, message_key, event_time, event_type, from_state, to_state, detail, node_id"
                + " FROM message_events WHERE seq > ? ORDER BY seq LIMIT ?";
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(sql)) {
                select.setLong(1, afterSequence);
                select.setInt(2, limit);
                List<LogEntry> entries = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new LogEntry(rows.getString(8), new FeedEvent(rows.getLong(1),
                                rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4),
                                rows.getString(5), rows.getString(6), rows.getString(7))));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public List<FeedMessage> snapshots(List<String> keys, long snapshotSequence) {
        List<FeedMessage> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            found.addAll(database.read(c -> {
                List<FeedMessage> messages = new ArrayList<>(outbound(c, chunk, snapshotSequence));
                messages.addAll(inbound(c, chunk, snapshotSequence));
                return clustered ? withHomes(c, chunk, messages) : messages;
            }));
        }
        return found;
    }

    /** Names each message's home: the writer of its first event (none for messages older than that record). */
    private static List<FeedMessage> withHomes(Connection c, List<String> keys, List<FeedMessage> messages)
            throws SQLException {
        Map<String, String> homes = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(String.format(HOMES, marks(keys.size())))) {
            bindKeys(select, keys);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    homes.put(r.getString(1), r.getString(2));
                }
            }
        }
        List<FeedMessage> named = new ArrayList<>(messages.size());
        for (FeedMessage message : messages) {
            String home = homes.get(message.key());
            named.add(home == null ? message : message.withHome(home));
        }
        return named;
    }

    private static List<FeedMessage> outbound(Connection c, List<String> keys, long sequence) throws SQLException {
        Map<String, List<FeedMessageId>> ids = messageIds(c, keys);
        List<FeedMessage> messages = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(String.format(OUTBOUND, marks(keys.size())))) {
            bindKeys(select, keys);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String key = r.getString("id");
                    String messageId = r.getString("message_id");
                    byte[] wire = r.getBytes("wire");
                    messages.add(new FeedMessage(key, "OUTBOUND", r.getString("state"), r.getString("cpa_id"),
                            r.getString("conversation_id"), messageId, r.getString("hl7_id"),
                            party(r, "from_party"), party(r, "to_party"), r.getString("service_value"),
                            r.getString("service_type"), r.getString("action"), !r.getBoolean("ack_requested"),
                            r.getInt("attempts"), instant(r, "created_at"), instant(r, "updated_at"),
                            r.getString("last_reason"), sequence, ids.getOrDefault(key, List.of()),
                            wire == null ? null : new FeedWire(messageId, r.getString("content_type"), wire),
                            version(r), null));
                }
            }
        }
        return messages;
    }

    private static List<FeedMessage> inbound(Connection c, List<String> keys, long sequence) throws SQLException {
        List<FeedMessage> messages = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(String.format(INBOUND, marks(keys.size())))) {
            bindKeys(select, keys);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String messageId = r.getString("message_id");
                    Instant received = instant(r, "received_at");
                    messages.add(new FeedMessage(r.getString("id"), "INBOUND", r.getString("state"),
                            r.getString("cpa_id"), r.getString("conversation_id"), messageId, r.getString("hl7_id"),
                            party(r, "from_party"), party(r, "to_party"), r.getString("service_value"),
                            r.getString("service_type"), r.getString("action"), false, 0, received,
                            instant(r, "updated_at"), r.getString("last_reason"), sequence,
                            List.of(new FeedMessageId(messageId, 1, received)),
                            new FeedWire(messageId, r.getString("content_type"), r.getBytes("wire")), version(r),
                            null));
                }
            }
        }
        return messages;
    }

    private static Integer version(ResultSet r) throws SQLException {
        int version = r.getInt("cpa_version");
        return r.wasNull() ? null : version;
    }

    private static Map<String, List<FeedMessageId>> messageIds(Connection c, List<String> keys) throws SQLException {
        Map<String, List<FeedMessageId>> ids = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement(String.format(IDS, marks(keys.size())))) {
            bindKeys(select, keys);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    ids.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new FeedMessageId(
                            r.getString(2), r.getInt(3), Instant.ofEpochMilli(r.getLong(4))));
                }
            }
        }
        return ids;
    }

    private static String party(ResultSet r, String prefix) throws SQLException {
        return r.getString(prefix + "_type") + ":" + r.getString(prefix + "_value");
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        return Instant.ofEpochMilli(r.getLong(column));
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static void bindKeys(PreparedStatement select, List<String> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            select.setString(i + 1, keys.get(i));
        }
    }
}
