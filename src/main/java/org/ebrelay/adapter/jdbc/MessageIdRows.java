package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.domain.message.MessageId;

/** The outbound_message_ids chain: every ebXML MessageId an outbound message has had, in order. */
final class MessageIdRows {
    private MessageIdRows() {
    }

    /** Appends {@code messageId} to the chain of {@code message}. */
    static void add(Connection connection, InternalId message, MessageId messageId, Instant timestamp,
                    Instant assignedAt) throws SQLException {
        String sql = "INSERT INTO outbound_message_ids (message_id, message_key, ordinal, message_timestamp,"
                + " assigned_at) SELECT ?, ?, COALESCE(MAX(ordinal), 0) + 1, ?, ?"
                + " FROM outbound_message_ids WHERE message_key = ?";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, messageId.value());
            insert.setString(2, message.value());
            SqlValues.setInstant(insert, 3, timestamp);
            SqlValues.setInstant(insert, 4, assignedAt);
            insert.setString(5, message.value());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlValues.duplicateKeyAsArgument(e, "MessageId already stored: " + messageId);
        }
    }

    /** The outbound message that has or had {@code messageId}. */
    static Optional<InternalId> owner(Connection connection, MessageId messageId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT message_key FROM outbound_message_ids WHERE message_id = ?")) {
            select.setString(1, messageId.value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(InternalId.of(rows.getString(1))) : Optional.empty();
            }
        }
    }

    static List<MessageId> chain(Connection connection, InternalId message) throws SQLException {
        List<MessageId> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT message_id FROM outbound_message_ids WHERE message_key = ? ORDER BY ordinal")) {
            select.setString(1, message.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(MessageId.of(rows.getString(1)));
                }
            }
        }
        return ids;
    }
}
