package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;

/**
 * received_hl7_ids: the HL7 ids received per (CPAId, From party), for HL7-level duplicate protection. Runs inside the
 * registration's transaction, so two copies can never both be stored as new.
 */
final class Hl7IdRows {
    private static final String KEY = "cpa_id = ? AND from_party_type = ? AND from_party_value = ? AND hl7_id = ?";

    private Hl7IdRows() {
    }

    /** The message first received with this key, and its MessageId. */
    record Original(InternalId id, String messageId) {
    }

    /** The remembered, unexpired original with the registration's key: one probe of the primary key. */
    static Optional<Original> original(Connection connection, InboundRegistration registration)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT h.message_key, m.message_id"
                + " FROM received_hl7_ids h JOIN inbound_messages m ON m.id = h.message_key WHERE h."
                + KEY.replace(" AND ", " AND h.") + " AND h.remember_until > ?")) {
            int i = bindKey(select, registration.heading());
            SqlValues.setInstant(select, i, registration.receivedAt());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Original(InternalId.of(rows.getString(1)), rows.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** Remembers the key for this message, replacing an expired row not yet purged. */
    static void remember(Connection connection, InboundRegistration registration) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM received_hl7_ids WHERE " + KEY)) {
            bindKey(delete, registration.heading());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO received_hl7_ids (cpa_id,"
                + " from_party_type, from_party_value, hl7_id, message_key, remember_until) VALUES (?, ?, ?, ?, ?, ?)")) {
            int i = bindKey(insert, registration.heading());
            insert.setString(i++, registration.id().value());
            SqlValues.setInstant(insert, i, registration.hl7Check().rememberUntil());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw ConcurrentRegistration.ifDuplicateKey(e);
        }
    }

    private static int bindKey(PreparedStatement statement, MessageHeading heading) throws SQLException {
        statement.setString(1, heading.cpaId().value());
        statement.setString(2, SqlValues.type(heading.from().type()));
        statement.setString(3, heading.from().value());
        statement.setString(4, heading.hl7Id());
        return 5;
    }

    static int purge(Connection connection, Instant now, int limit) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT cpa_id, from_party_type,"
                + " from_party_value, hl7_id FROM received_hl7_ids WHERE remember_until <= ?"
                + " ORDER BY remember_until LIMIT ?")) {
            SqlValues.setInstant(select, 1, now);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
        }
        int purged = 0;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM received_hl7_ids WHERE " + KEY + " AND remember_until <= ?")) {
            for (String[] key : keys) {
                for (int i = 0; i < key.length; i++) {
                    delete.setString(i + 1, key[i]);
                }
                SqlValues.setInstant(delete, 5, now);
                purged += delete.executeUpdate();
            }
        }
        return purged;
    }
}
