package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageOrder;

/**
 * The sender's SequenceNumber counters, one row per (CPA, ConversationId). The row is locked (FOR UPDATE) for the
 * rest of the caller's transaction, so concurrent submissions to one conversation, on this node or another sharing
 * the database, take consecutive numbers; a new conversation's row is created with {@link RowIfAbsent}, so two nodes
 * starting one conversation at once do not fail.
 */
final class SequenceRows {
    private SequenceRows() {
    }

    /** The conversation's next number, counted as taken. */
    static MessageOrder next(Connection connection, CpaId cpaId, ConversationId conversationId) throws SQLException {
        RowIfAbsent.insert(connection, "INSERT INTO order_counters (cpa_id, conversation_id, next_number)"
                + " VALUES (?, ?, ?)", "SELECT 1 FROM order_counters WHERE cpa_id = ? AND conversation_id = ?", 2,
                cpaId.value(), conversationId.value(), 0L);
        long current = current(connection, cpaId, conversationId);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE order_counters SET next_number = ? WHERE cpa_id = ? AND conversation_id = ?")) {
            update.setLong(1, MessageOrder.following(current));
            update.setString(2, cpaId.value());
            update.setString(3, conversationId.value());
            update.executeUpdate();
        }
        return MessageOrder.numbered(current);
    }

    /** Sets the number the conversation takes next (tests of the wrap; an operator's repair). */
    static void set(Connection connection, CpaId cpaId, ConversationId conversationId, long next)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM order_counters WHERE cpa_id = ? AND conversation_id = ?")) {
            delete.setString(1, cpaId.value());
            delete.setString(2, conversationId.value());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO order_counters (cpa_id, conversation_id, next_number) VALUES (?, ?, ?)")) {
            insert.setString(1, cpaId.value());
            insert.setString(2, conversationId.value());
            insert.setLong(3, next);
            insert.executeUpdate();
        }
    }

    private static long current(Connection connection, CpaId cpaId, ConversationId conversationId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT next_number FROM order_counters"
                + " WHERE cpa_id = ? AND conversation_id = ? FOR UPDATE")) {
            select.setString(1, cpaId.value());
            select.setString(2, conversationId.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no counter for conversation " + conversationId.value());
                }
                return rows.getLong(1);
            }
        }
    }
}
