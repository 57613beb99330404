package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.ReceivedStatus;
import org.ebrelay.app.port.out.RegistrationResult;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;

/** Writes and reads of inbound_messages, received_ids and the deliveries created with a message. */
final class InboundRows {
    private static final String INSERT = "INSERT INTO inbound_messages (id, " + SqlValues.HEADING_COLUMNS
            + ", duplicate_elimination, content_type, wire, state, last_reason, received_at, updated_at, cpa_version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private InboundRows() {
    }

    static RegistrationResult register(Connection connection, InboundRegistration registration)
            throws SQLException {
        if (registration.duplicateCheck() != null) {
            Optional<RegistrationResult> seen = seenBefore(connection, registration);
            if (seen.isPresent()) {
                return seen.get();
            }
        }
        Optional<Hl7IdRows.Original> original = registration.checksHl7Id()
                ? Hl7IdRows.original(connection, registration) : Optional.empty();
        boolean sameMessageId = original.isPresent()
                && original.get().messageId().equals(registration.heading().messageId().value());
        if (original.isPresent() && !sameMessageId) {
            return registerHl7Duplicate(connection, registration, original.get());
        }
        insertMessage(connection, registration);
        if (registration.checksHl7Id() && !sameMessageId) {
            Hl7IdRows.remember(connection, registration);
        }
        if (registration.duplicateCheck() != null) {
            remember(connection, registration);
        }
        for (NewDelivery delivery : registration.deliveries()) {
            DeliveryRows.insert(connection, registration.id(), delivery, registration.receivedAt());
        }
        EventType event = registration.state() == InboundState.REJECTED ? EventType.REJECTED : EventType.RECEIVED;
        EventRows.append(connection, registration.id(), Direction.INBOUND, registration.receivedAt(), event, null,
                registration.state(), registration.detail());
        return new RegistrationResult.Registered(registration.id());
    }

    /**
     * A known HL7 id under a NEW MessageId. (The same MessageId again reaches this only without DuplicateElimination,
     * where every copy is delivered, RM-R5: the register method lets it through.) Kept visible as a received message
     * that was not delivered: DUPLICATE, its MessageId remembered with its reply
     * (a resend of this copy replays that acknowledgment), an event on it and one on the original.
     */
    private static RegistrationResult registerHl7Duplicate(Connection connection, InboundRegistration registration,
                                                           Hl7IdRows.Original original) throws SQLException {
        MessageHeading heading = registration.heading();
        InboundRegistration copy = registration.asHl7Duplicate("HL7 id " + heading.hl7Id() + " was received before"
                + " as MessageId " + original.messageId() + ": acknowledged, not delivered again");
        insertMessage(connection, copy);
        if (copy.duplicateCheck() != null) {
            remember(connection, copy);
        }
        EventRows.append(connection, copy.id(), Direction.INBOUND, copy.receivedAt(), EventType.HL7_DUPLICATE, null,
                InboundState.DUPLICATE, copy.detail());
        EventRows.append(connection, original.id(), Direction.INBOUND, copy.receivedAt(), EventType.HL7_DUPLICATE,
                null, null, "received again as MessageId " + heading.messageId() + ": acknowledged, not delivered");
        return new RegistrationResult.Hl7Duplicate(copy.id(), original.id());
    }

    /** Duplicate or conflict when (CPAId, MessageId) is remembered (RM-R4); the event goes on the original. */
    private static Optional<RegistrationResult> seenBefore(Connection connection, InboundRegistration registration)
            throws SQLException {
        MessageHeading heading = registration.heading();
        try (PreparedStatement select = connection.prepareStatement("SELECT message_key, content_digest,"
                + " reply_content_type, reply FROM received_ids WHERE cpa_id = ? AND message_id = ?")) {
            select.setString(1, heading.cpaId().value());
            select.setString(2, heading.messageId().value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                InternalId original = InternalId.of(rows.getString("message_key"));
                boolean same = Arrays.equals(rows.getBytes("content_digest"),
                        registration.duplicateCheck().contentDigest());
                String replyType = rows.getString("reply_content_type");
                WireBytes reply = replyType == null ? null : new WireBytes(replyType, rows.getBytes("reply"));
                EventRows.append(connection, original, Direction.INBOUND, registration.receivedAt(),
                        same ? EventType.DUPLICATE_RECEIVED : EventType.CONFLICTING_DUPLICATE, null, null,
                        (same ? "duplicate" : "same MessageId, different content") + " received");
                return Optional.of(same ? new RegistrationResult.Duplicate(original, reply)
                        : new RegistrationResult.Conflict(original));
            }
        }
    }

    private static void insertMessage(Connection connection, InboundRegistration registration)
            throws SQLException {
        MessageHeading heading = registration.heading();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = 1;
            insert.setString(i++, registration.id().value());
            insert.setString(i++, heading.cpaId().value());
            insert.setString(i++, heading.conversationId().value());
            insert.setString(i++, heading.messageId().value());
            insert.setString(i++, heading.hl7Id());
            insert.setString(i++, SqlValues.type(heading.from().type()));
            insert.setString(i++, heading.from().value());
            insert.setString(i++, SqlValues.type(heading.to().type()));
            insert.setString(i++, heading.to().value());
            insert.setString(i++, SqlValues.type(heading.service().type()));
            insert.setString(i++, heading.service().value());
            insert.setString(i++, heading.action());
            SqlValues.setInstant(insert, i++, heading.timestamp());
            insert.setBoolean(i++, registration.duplicateCheck() != null);
            insert.setString(i++, registration.wire().contentType());
            insert.setBytes(i++, registration.wire().body());
            insert.setString(i++, registration.state().code());
            insert.setString(i++, SqlValues.text(registration.detail()));
            SqlValues.setInstant(insert, i++, registration.receivedAt());
            SqlValues.setInstant(insert, i++, registration.receivedAt());
            SqlValues.setInteger(insert, i, registration.cpaVersion());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlValues.duplicateKeyAsArgument(e, "already stored: " + registration.id());
        }
    }

    private static void remember(Connection connection, InboundRegistration registration) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO received_ids (cpa_id, message_id,"
                + " message_key, content_digest, reply_content_type, reply, remember_until)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            WireBytes reply = registration.reply();
            insert.setString(1, registration.heading().cpaId().value());
            insert.setString(2, registration.heading().messageId().value());
            insert.setString(3, registration.id().value());
            insert.setBytes(4, registration.duplicateCheck().contentDigest());
            insert.setString(5, reply == null ? null : reply.contentType());
            insert.setBytes(6, reply == null ? null : reply.body());
            SqlValues.setInstant(insert, 7, registration.duplicateCheck().rememberUntil());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw ConcurrentRegistration.ifDuplicateKey(e);
        }
    }

    static int purgeRememberedIds(Connection connection, Instant now, int limit) throws SQLException {
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT cpa_id, message_id FROM received_ids"
                + " WHERE remember_until <= ? ORDER BY remember_until LIMIT ?")) {
            SqlValues.setInstant(select, 1, now);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
        }
        int purged = 0;
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM received_ids WHERE cpa_id = ? AND message_id = ? AND remember_until <= ?")) {
            for (String[] key : keys) {
                delete.setString(1, key[0]);
                delete.setString(2, key[1]);
                SqlValues.setInstant(delete, 3, now);
                purged += delete.executeUpdate();
            }
        }
        return purged;
    }

    static Optional<ReceivedStatus> statusOf(Connection connection, CpaId cpaId, MessageId messageId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, state, received_at"
                + " FROM inbound_messages WHERE message_id = ? AND cpa_id = ? ORDER BY received_at, id LIMIT 1")) {
            select.setString(1, messageId.value());
            select.setString(2, cpaId.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ReceivedStatus(InternalId.of(rows.getString("id")),
                        state(rows.getString("state")), SqlValues.instant(rows, "received_at")));
            }
        }
    }

    static boolean transition(Connection connection, InternalId id, InboundState from, InboundState to, Instant at,
                              EventType event, String detail) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE inbound_messages SET state = ?,"
                + " last_reason = ?, updated_at = ? WHERE id = ? AND state = ?")) {
            update.setString(1, to.code());
            update.setString(2, SqlValues.text(detail));
            SqlValues.setInstant(update, 3, at);
            update.setString(4, id.value());
            update.setString(5, from.code());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        EventRows.append(connection, id, Direction.INBOUND, at, event, from, to, detail);
        return true;
    }

    static InboundState state(String code) {
        return InboundState.fromCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown inbound state stored: " + code));
    }
}
