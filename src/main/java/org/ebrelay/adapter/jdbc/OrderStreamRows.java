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
import org.ebrelay.app.port.out.OrderGap;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.PartyId;

/** The receiver's row per ordered conversation (order_streams) and the questions asked about it. */
final class OrderStreamRows {
    /** One conversation's position: what comes next, what is released and not yet delivered. */
    record Stream(CpaId cpaId, ConversationId conversationId, PartyId from, long nextExpected, InternalId inFlight,
                  Long gapReportedFor) {
    }

    private static final String GAP_SELECT = "SELECT s.cpa_id, s.conversation_id, s.from_party_type,"
            + " s.from_party_value, s.next_expected, (SELECT m.message_id FROM inbound_messages m WHERE m.id ="
            + " s.in_flight) AS in_flight_id, (SELECT COUNT(*) FROM order_held h WHERE h.cpa_id = s.cpa_id AND"
            + " h.conversation_id = s.conversation_id) AS held, (SELECT MIN(h.held_at) FROM order_held h WHERE"
            + " h.cpa_id = s.cpa_id AND h.conversation_id = s.conversation_id) AS oldest FROM order_streams s";

    private OrderStreamRows() {
    }

    /** The conversation's row, locked for the transaction; created expecting 0 when it is new. */
    static Stream lockOrCreate(Connection connection, CpaId cpaId, ConversationId conversationId, PartyId from,
                               Instant at) throws SQLException {
        RowIfAbsent.insert(connection, "INSERT INTO order_streams (cpa_id, conversation_id, from_party_type,"
                + " from_party_value, next_expected, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
                "SELECT 1 FROM order_streams WHERE cpa_id = ? AND conversation_id = ?", 2, cpaId.value(),
                conversationId.value(), SqlValues.type(from.type()), from.value(), 0L, at.toEpochMilli());
        return lock(connection, cpaId, conversationId).orElseThrow();
    }

    static Optional<Stream> lock(Connection connection, CpaId cpaId, ConversationId conversationId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT from_party_type, from_party_value,"
                + " next_expected, in_flight, gap_reported_for FROM order_streams WHERE cpa_id = ? AND"
                + " conversation_id = ? FOR UPDATE")) {
            select.setString(1, cpaId.value());
            select.setString(2, conversationId.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String inFlight = rows.getString("in_flight");
                long reported = rows.getLong("gap_reported_for");
                Long gapReportedFor = rows.wasNull() ? null : reported;
                return Optional.of(new Stream(cpaId, conversationId, SqlValues.party(rows, "from_party"),
                        rows.getLong("next_expected"), inFlight == null ? null : InternalId.of(inFlight),
                        gapReportedFor));
            }
        }
    }

    /** Records the position; a move to another expected number forgets the reported gap. */
    static void update(Connection connection, Stream stream, long nextExpected, InternalId inFlight, Instant at)
            throws SQLException {
        boolean moved = nextExpected != stream.nextExpected();
        try (PreparedStatement update = connection.prepareStatement("UPDATE order_streams SET next_expected = ?,"
                + " in_flight = ?, updated_at = ?" + (moved ? ", gap_reported_for = NULL" : "")
                + " WHERE cpa_id = ? AND conversation_id = ?")) {
            update.setLong(1, nextExpected);
            update.setString(2, inFlight == null ? null : inFlight.value());
            SqlValues.setInstant(update, 3, at);
            update.setString(4, stream.cpaId().value());
            update.setString(5, stream.conversationId().value());
            update.executeUpdate();
        }
    }

    static void markReported(Connection connection, CpaId cpaId, ConversationId conversationId, long number)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE order_streams SET gap_reported_for = ?"
                + " WHERE cpa_id = ? AND conversation_id = ?")) {
            update.setLong(1, number);
            update.setString(2, cpaId.value());
            update.setString(3, conversationId.value());
            update.executeUpdate();
        }
    }

    /** The stream whose released message {@code deliveryId} belongs to, if any. */
    static Optional<Stream> inFlightOf(Connection connection, String deliveryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT s.cpa_id, s.conversation_id FROM"
                + " order_streams s JOIN deliveries d ON d.message_key = s.in_flight WHERE d.id = ?")) {
            select.setString(1, deliveryId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return lock(connection, CpaId.of(rows.getString(1)), ConversationId.of(rows.getString(2)));
            }
        }
    }

    static OrderGap gap(Connection connection, CpaId cpaId, ConversationId conversationId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(GAP_SELECT
                + " WHERE s.cpa_id = ? AND s.conversation_id = ?")) {
            select.setString(1, cpaId.value());
            select.setString(2, conversationId.value());
            List<OrderGap> gaps = gaps(select);
            return gaps.isEmpty() ? null : gaps.get(0);
        }
    }

    /** Conversations holding messages, the longest waiting first; with {@code heldBefore}, only those unreported. */
    static List<OrderGap> waiting(Connection connection, Instant heldBefore, int limit) throws SQLException {
        String where = " WHERE EXISTS (SELECT 1 FROM order_held h WHERE h.cpa_id = s.cpa_id AND h.conversation_id ="
                + " s.conversation_id" + (heldBefore == null ? ")" : " AND h.held_at < ?) AND (s.gap_reported_for"
                + " IS NULL OR s.gap_reported_for <> s.next_expected)");
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM (" + GAP_SELECT + where
                + ") w ORDER BY w.oldest, w.conversation_id LIMIT ?")) {
            int i = 1;
            if (heldBefore != null) {
                SqlValues.setInstant(select, i++, heldBefore);
            }
            select.setInt(i, limit);
            return gaps(select);
        }
    }

    private static List<OrderGap> gaps(PreparedStatement select) throws SQLException {
        List<OrderGap> gaps = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                gaps.add(new OrderGap(CpaId.of(rows.getString("cpa_id")),
                        ConversationId.of(rows.getString("conversation_id")), SqlValues.party(rows, "from_party"),
                        rows.getLong("next_expected"), rows.getString("in_flight_id"), rows.getInt("held"),
                        SqlValues.instant(rows, "oldest")));
            }
        }
        return gaps;
    }
}
