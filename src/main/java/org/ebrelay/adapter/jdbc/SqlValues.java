package org.ebrelay.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

/**
 * How values are stored: instants and durations as epoch/duration milliseconds, an absent party or service type as
 * {@code ''}, long texts cut to their column's size.
 */
final class SqlValues {
    static final int TEXT_LIMIT = 4000;

    private SqlValues() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    /** {@code value} as {@link #setInstant} stores it and {@link #instant} reads it back: to the millisecond. */
    static Instant stored(Instant value) {
        return value == null ? null : Instant.ofEpochMilli(value.toEpochMilli());
    }

    static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    /** The column's value, or null when it is NULL. */
    static Integer integer(ResultSet rows, String column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static void setDuration(PreparedStatement statement, int index, Duration value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toMillis());
        }
    }

    static Duration duration(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Duration.ofMillis(millis);
    }

    static String type(String type) {
        return type == null ? "" : type;
    }

    static PartyId party(ResultSet rows, String prefix) throws SQLException {
        return PartyId.of(rows.getString(prefix + "_type"), rows.getString(prefix + "_value"));
    }

    static Service service(ResultSet rows) throws SQLException {
        return Service.of(rows.getString("service_type"), rows.getString("service_value"));
    }

    /** The heading columns every message table has. */
    static final String HEADING_COLUMNS = "cpa_id, conversation_id, message_id, hl7_id, from_party_type,"
            + " from_party_value, to_party_type, to_party_value, service_type, service_value, action, message_timestamp";

    static MessageHeading heading(ResultSet rows) throws SQLException {
        return new MessageHeading(CpaId.of(rows.getString("cpa_id")),
                ConversationId.of(rows.getString("conversation_id")), MessageId.of(rows.getString("message_id")),
                rows.getString("hl7_id"), party(rows, "from_party"), party(rows, "to_party"), service(rows),
                rows.getString("action"), instant(rows, "message_timestamp"));
    }

    /** Cuts {@code text} to the size of a VARCHAR(4000) column. */
    static String text(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }

    /**
     * A unique or primary key violation (SQLState 23505 in H2 and PostgreSQL) becomes the
     * {@link IllegalArgumentException} the port promises; any other failure is thrown as it is.
     */
    static IllegalArgumentException duplicateKeyAsArgument(SQLException e, String message) throws SQLException {
        if ("23505".equals(e.getSQLState())) {
            return new IllegalArgumentException(message, e);
        }
        throw e;
    }
}
