package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.NewMessageId;
import org.ebrelay.app.port.out.SettleResult;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;

/** Settling an outbound message by a reference to any MessageId of its chain, and giving it a new MessageId. */
final class SettlementRows {
    /** Compare-and-set rounds before giving up on a message whose state keeps changing under us. */
    private static final int ROUNDS = 5;

    private SettlementRows() {
    }

    /** Moves the message {@code refTo} points at to {@code to} (COMPLETE or FAILED) from whatever non-final state. */
    static SettleResult settle(Connection connection, MessageId refTo, OutboundState to, EventType event, Instant at,
                               String detail) throws SQLException {
        Optional<InternalId> owner = MessageIdRows.owner(connection, refTo);
        if (owner.isEmpty()) {
            return SettleResult.unknown();
        }
        InternalId id = owner.get();
        for (int round = 0; round < ROUNDS; round++) {
            OutboundState current = state(connection, id);
            if (current.isFinal()) {
                return new SettleResult(SettleResult.Outcome.ALREADY_FINAL, id, current);
            }
            if (update(connection, id, current, to, at, detail)) {
                EventRows.append(connection, id, Direction.OUTBOUND, at, event, current, to, detail);
                return new SettleResult(SettleResult.Outcome.SETTLED, id, current);
            }
        }
        throw new IllegalStateException("state of " + id + " keeps changing; not settled by " + refTo);
    }

    private static boolean update(Connection connection, InternalId id, OutboundState from, OutboundState to,
                                  Instant at, String detail) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbound_messages SET state = ?,"
                + " next_attempt_at = NULL, claim_node = NULL, claim_until = NULL, last_reason = ?, updated_at = ?"
                + " WHERE id = ? AND state = ?")) {
            update.setString(1, to.code());
            update.setString(2, SqlValues.text(detail));
            SqlValues.setInstant(update, 3, at);
            update.setString(4, id.value());
            update.setString(5, from.code());
            return update.executeUpdate() == 1;
        }
    }

    static OutboundState state(Connection connection, InternalId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM outbound_messages WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("no outbound message " + id);
                }
                return ClaimedRows.state(rows.getString(1));
            }
        }
    }

    static boolean assignNewMessageId(Connection connection, NewMessageId change) throws SQLException {
        MessageId previous = currentMessageId(connection, change.id());
        if (previous == null) {
            return false;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbound_messages SET message_id = ?,"
                + " message_timestamp = ?, time_to_live = ?, updated_at = ? WHERE id = ? AND state = ?")) {
            update.setString(1, change.messageId().value());
            SqlValues.setInstant(update, 2, change.timestamp());
            SqlValues.setInstant(update, 3, change.timeToLive());
            SqlValues.setInstant(update, 4, change.at());
            update.setString(5, change.id().value());
            update.setString(6, change.expectedState().code());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        try (PreparedStatement keep = connection.prepareStatement("INSERT INTO superseded_wire (message_id,"
                + " message_key, content_type, wire) SELECT ?, message_key, content_type, wire FROM outbound_wire"
                + " WHERE message_key = ?")) {
            keep.setString(1, previous.value()); // what a late signed ack for the old id must vouch for (ACK-8)
            keep.setString(2, change.id().value());
            keep.executeUpdate();
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbound_wire SET content_type = ?, wire = ? WHERE message_key = ?")) {
            update.setString(1, change.wire().contentType());
            update.setBytes(2, change.wire().body());
            update.setString(3, change.id().value());
            update.executeUpdate();
        }
        MessageIdRows.add(connection, change.id(), change.messageId(), change.timestamp(), change.at());
        EventRows.append(connection, change.id(), Direction.OUTBOUND, change.at(), EventType.MESSAGE_ID_REGENERATED,
                null, null, previous + " -> " + change.messageId());
        return true;
    }

    private static MessageId currentMessageId(Connection connection, InternalId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT message_id FROM outbound_messages WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? MessageId.of(rows.getString(1)) : null;
            }
        }
    }
}
