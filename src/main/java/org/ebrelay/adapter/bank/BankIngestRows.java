package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.FeedEvent;
import org.ebrelay.app.bank.FeedMessage;
import org.ebrelay.app.bank.NodeHello;
import org.ebrelay.app.bank.RetentionRules;

/**
 * Stores what nodes ship, idempotently: a node's event once per (node, sequence), a message once per (node, key)
 * with the newest snapshot winning, each MessageId's wire once. In a cluster a message belongs to its home node
 * (the writer of its first event) while each event keeps the node that wrote it. Portable SQL (select, then insert or update): one
 * node's batches arrive one at a time, and the unique keys turn any race into a failed batch the node resends.
 */
final class BankIngestRows {
    private static final String INSERT_MESSAGE = "INSERT INTO bank_messages (node_id, message_key, direction, state,"
            + " cpa_id, conversation_id, message_id, hl7_id, from_party, to_party, partner, partner_value,"
            + " service_type, service_value, action, best_effort, attempts, created_at, updated_at, last_reason,"
            + " snapshot_seq, banked_at, retain_until, retention_rule, cpa_version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_MESSAGE = "UPDATE bank_messages SET state = ?, message_id = ?, hl7_id = ?,"
            + " attempts = ?, updated_at = ?, last_reason = ?, snapshot_seq = ? WHERE id = ? AND snapshot_seq <= ?";
    private static final String INSERT_EVENT = "INSERT INTO bank_events (node_id, node_seq, bank_message,"
            + " event_time, event_type, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private BankIngestRows() {
    }

    /** Records the node's announcement (or first contact) and answers its last banked sequence. */
    static long hello(Connection c, String node, NodeHello hello, Instant now) throws SQLException {
        String cpas = String.join(",", hello.cpas());
        try (PreparedStatement update = c.prepareStatement("UPDATE bank_nodes SET address = ?, version = ?,"
                + " cpas = ?, last_contact = ? WHERE node_id = ?")) {
            update.setString(1, hello.address());
            update.setString(2, hello.version());
            update.setString(3, cpas);
            update.setLong(4, now.toEpochMilli());
            update.setString(5, node);
            if (update.executeUpdate() == 0) {
                insertNode(c, node, hello.address(), hello.version(), cpas, now);
            }
        }
        return lastSequence(c, node);
    }

    /** Counts as the node's contact; a node never announced is recorded bare. */
    static void touch(Connection c, String node, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE bank_nodes SET last_contact = ? WHERE node_id = ?")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, node);
            if (update.executeUpdate() == 0) {
                insertNode(c, node, null, null, "", now);
            }
        }
    }

    /** A dead node's part shipped by another: recorded when never seen, but not counted as the node's contact. */
    private static void known(Connection c, String node, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM bank_nodes WHERE node_id = ?")) {
            select.setString(1, node);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        insertNode(c, node, null, null, "", now);
    }

    private static void insertNode(Connection c, String node, String address, String version, String cpas,
                                   Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_nodes (node_id, address, version,"
                + " cpas, first_seen, last_contact, last_sequence) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
            insert.setString(1, node);
            insert.setString(2, address);
            insert.setString(3, version);
            insert.setString(4, cpas);
            insert.setLong(5, now.toEpochMilli());
            insert.setLong(6, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    static long lastSequence(Connection c, String node) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT last_sequence FROM bank_nodes WHERE node_id = ?")) {
            select.setString(1, node);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** Stores a batch; answers the node's last banked sequence after it. */
    static long feed(Connection c, FeedBatch batch, RetentionRules retention, Instant now) throws SQLException {
        if (batch.onBehalf()) {
            known(c, batch.node(), now);
        } else {
            touch(c, batch.node(), now);
        }
        Map<String, Long> bankIds = new HashMap<>();
        for (FeedMessage message : batch.messages()) {
            String home = message.home() == null ? batch.node() : message.home();
            bankIds.put(message.key(), upsert(c, home, message, retention, now));
        }
        insertEvents(c, batch.node(), batch.events(), bankIds);
        BankNoteRows.insert(c, batch.node(), batch.notes());
        try (PreparedStatement update = c.prepareStatement("UPDATE bank_nodes SET last_sequence = ?"
                + " WHERE node_id = ? AND last_sequence < ?")) {
            update.setLong(1, batch.upTo());
            update.setString(2, batch.node());
            update.setLong(3, batch.upTo());
            update.executeUpdate();
        }
        return lastSequence(c, batch.node());
    }

    private static long upsert(Connection c, String node, FeedMessage m, RetentionRules retention, Instant now)
            throws SQLException {
        Long id = BankRows.idOf(c, node, m.key());
        if (id == null) {
            id = insert(c, node, m, retention.decide(m.cpaId(), m.partner(), m.createdAt()), now);
        } else {
            try (PreparedStatement update = c.prepareStatement(UPDATE_MESSAGE)) {
                update.setString(1, m.state());
                update.setString(2, m.messageId());
                update.setString(3, m.hl7Id());
                update.setInt(4, m.attempts());
                update.setLong(5, m.updatedAt().toEpochMilli());
                update.setString(6, BankRows.text(m.lastReason()));
                update.setLong(7, m.snapshotSequence());
                update.setLong(8, id);
                update.setLong(9, m.snapshotSequence());
                update.executeUpdate();
            }
        }
        insertMessageIds(c, id, m);
        insertWire(c, id, m, now);
        return id;
    }

    private static long insert(Connection c, String node, FeedMessage m, RetentionRules.Decision retention,
                               Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT_MESSAGE, Statement.RETURN_GENERATED_KEYS)) {
            String partner = m.partner();
            Object[] values = {node, m.key(), m.direction(), m.state(), m.cpaId(), m.conversationId(),
                m.messageId(), m.hl7Id(), m.from(), m.to(), partner, partner.substring(partner.lastIndexOf(':') + 1),
                nonNull(m.serviceType()), m.service(), m.action(), m.bestEffort(), m.attempts(),
                m.createdAt().toEpochMilli(), m.updatedAt().toEpochMilli(), BankRows.text(m.lastReason()),
                m.snapshotSequence(), now.toEpochMilli(),
                retention.retainUntil() == null ? null : retention.retainUntil().toEpochMilli(), retention.rule(),
                m.cpaVersion()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    insert.setNull(i + 1, i == 22 ? Types.BIGINT : i == 24 ? Types.INTEGER : Types.VARCHAR);
                } else {
                    insert.setObject(i + 1, values[i]);
                }
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static void insertMessageIds(Connection c, long id, FeedMessage m) throws SQLException {
        Set<Integer> known = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT ordinal FROM bank_message_ids WHERE bank_message = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getInt(1));
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_message_ids (bank_message, ordinal,"
                + " message_id, assigned_at) VALUES (?, ?, ?, ?)")) {
            for (FeedMessage.FeedMessageId messageId : m.messageIds()) {
                if (known.add(messageId.ordinal())) {
                    insert.setLong(1, id);
                    insert.setInt(2, messageId.ordinal());
                    insert.setString(3, messageId.messageId());
                    insert.setLong(4, messageId.assignedAt().toEpochMilli());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void insertWire(Connection c, long id, FeedMessage m, Instant now) throws SQLException {
        FeedMessage.FeedWire wire = m.wire();
        if (wire == null || wire.body() == null) {
            return;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM bank_wires WHERE bank_message = ? AND message_id = ?")) {
            select.setLong(1, id);
            select.setString(2, wire.messageId());
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_wires (bank_message, message_id,"
                + " content_type, wire, banked_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, wire.messageId());
            insert.setString(3, wire.contentType() == null ? "" : wire.contentType());
            insert.setBytes(4, wire.body());
            insert.setLong(5, now.toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static void insertEvents(Connection c, String node, List<FeedEvent> events, Map<String, Long> bankIds)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Set<Long> known = knownSequences(c, node, events.get(0).sequence(), events.get(events.size() - 1).sequence());
        try (PreparedStatement insert = c.prepareStatement(INSERT_EVENT)) {
            for (FeedEvent e : events) {
                Long message = bankIds.containsKey(e.key()) ? bankIds.get(e.key()) : BankRows.idOf(c, node, e.key());
                if (message == null || !known.add(e.sequence())) {
                    continue;
                }
                insert.setString(1, node);
                insert.setLong(2, e.sequence());
                insert.setLong(3, message);
                insert.setLong(4, e.time().toEpochMilli());
                insert.setString(5, e.type());
                insert.setString(6, e.from());
                insert.setString(7, e.to());
                insert.setString(8, BankRows.text(e.detail()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static Set<Long> knownSequences(Connection c, String node, long first, long last) throws SQLException {
        Set<Long> known = new HashSet<>();
        try (PreparedStatement select = c.prepareStatement("SELECT node_seq FROM bank_events WHERE node_id = ?"
                + " AND node_seq BETWEEN ? AND ?")) {
            select.setString(1, node);
            select.setLong(2, Math.min(first, last));
            select.setLong(3, Math.max(first, last));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getLong(1));
                }
            }
        }
        return known;
    }
}
