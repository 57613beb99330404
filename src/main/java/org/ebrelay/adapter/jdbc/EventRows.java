package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.MessageState;
import org.ebrelay.domain.reliability.OutboundState;

/** The message_events table: appended in the transaction of the change, read in sequence order. */
final class EventRows {
    private static final String INSERT = "INSERT INTO message_events"
            + " (message_key, direction, event_time, event_type, from_state, to_state, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String COLUMNS = "seq, message_key, direction, event_time, event_type, from_state,"
            + " to_state, detail";

    private EventRows() {
    }

    /** Appends an event; {@code from}/{@code to} are null when no state changed. */
    static void append(Connection connection, InternalId message, Direction direction, Instant at, EventType type,
                       MessageState from, MessageState to, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, message, direction, at, type, from, to, detail);
            insert.executeUpdate();
        }
    }

    /** Appends an event that changes no state and returns its sequence. */
    static long appendNote(Connection connection, InternalId message, Direction direction, Instant at,
                           EventType type, String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, message, direction, at, type, null, null, detail);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void bind(PreparedStatement insert, InternalId message, Direction direction, Instant at,
                             EventType type, MessageState from, MessageState to, String detail) throws SQLException {
        insert.setString(1, message.value());
        insert.setString(2, direction.name());
        SqlValues.setInstant(insert, 3, at);
        insert.setString(4, type.name());
        insert.setString(5, from == null ? null : from.code());
        insert.setString(6, to == null ? null : to.code());
        insert.setString(7, SqlValues.text(detail));
    }

    /** Which table holds {@code message}. */
    static Direction directionOf(Connection connection, InternalId message) throws SQLException {
        for (Direction direction : Direction.values()) {
            String table = direction == Direction.OUTBOUND ? "outbound_messages" : "inbound_messages";
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE id = ?")) {
                select.setString(1, message.value());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return direction;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no message " + message);
    }

    static List<MessageEvent> ofMessage(Connection connection, InternalId message) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM message_events WHERE message_key = ? ORDER BY seq";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, message.value());
            return read(select);
        }
    }

    static List<MessageEvent> after(Connection connection, long sequence, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM message_events WHERE seq > ? ORDER BY seq LIMIT ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, sequence);
            select.setInt(2, limit);
            return read(select);
        }
    }

    private static List<MessageEvent> read(PreparedStatement select) throws SQLException {
        List<MessageEvent> events = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Direction direction = Direction.valueOf(rows.getString("direction"));
                events.add(new MessageEvent(rows.getLong("seq"), InternalId.of(rows.getString("message_key")),
                        SqlValues.instant(rows, "event_time"), EventType.valueOf(rows.getString("event_type")),
                        state(direction, rows.getString("from_state")), state(direction, rows.getString("to_state")),
                        rows.getString("detail")));
            }
        }
        return events;
    }

    static MessageState state(Direction direction, String code) {
        if (code == null) {
            return null;
        }
        return direction == Direction.OUTBOUND
                ? OutboundState.fromCode(code).orElseThrow(() -> unknown(code))
                : InboundState.fromCode(code).orElseThrow(() -> unknown(code));
    }

    private static IllegalStateException unknown(String code) {
        return new IllegalStateException("unknown state stored: " + code);
    }
}
