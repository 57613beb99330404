package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;

/** The deliveries table: the application's inbox and webhook push bookkeeping. */
final class DeliveryRows {
    private static final String SELECT = "SELECT d.id AS delivery_id, d.message_key, d.party_type, d.party_value,"
            + " d.confirmed_at, d.push_attempts, d.next_push_at, d.last_push_error, m.received_at, m.content_type,"
            + " m.wire, m.cpa_id, m.conversation_id, m.message_id, m.hl7_id, m.from_party_type, m.from_party_value,"
            + " m.to_party_type, m.to_party_value, m.service_type, m.service_value, m.action, m.message_timestamp"
            + " FROM deliveries d JOIN inbound_messages m ON m.id = d.message_key";

    /**
     * Parameters: now, limit. next_push_at is NULL once confirmed or given up, so no confirmed_at filter; the lower
     * bound keeps H2 from reading through those NULLs, which sort first in the index.
     */
    static final String DUE_PUSHES = SELECT + " WHERE d.next_push_at BETWEEN 0 AND ? ORDER BY d.next_push_at, d.id"
            + " LIMIT ?";

    private DeliveryRows() {
    }

    static void insert(Connection connection, InternalId message, NewDelivery delivery, Instant createdAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deliveries (id, message_key,"
                + " party_type, party_value, created_at, next_push_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, delivery.id().value());
            insert.setString(2, message.value());
            insert.setString(3, SqlValues.type(delivery.party().type()));
            insert.setString(4, delivery.party().value());
            SqlValues.setInstant(insert, 5, createdAt);
            SqlValues.setInstant(insert, 6, delivery.pushAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlValues.duplicateKeyAsArgument(e, "delivery already stored: " + delivery.id());
        }
    }

    static List<Delivery> list(Connection connection, PartyId party, boolean includeConfirmed, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (party != null) {
            sql.append(" AND d.party_type = ? AND d.party_value = ?");
        }
        if (!includeConfirmed) {
            sql.append(" AND d.confirmed_at IS NULL");
        }
        sql.append(" ORDER BY d.created_at, d.id LIMIT ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int i = 1;
            if (party != null) {
                select.setString(i++, SqlValues.type(party.type()));
                select.setString(i++, party.value());
            }
            select.setInt(i, limit);
            return read(select);
        }
    }

    static Optional<Delivery> find(Connection connection, DeliveryId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE d.id = ?")) {
            select.setString(1, id.value());
            return read(select).stream().findFirst();
        }
    }

    static List<Delivery> duePushes(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(DUE_PUSHES)) {
            SqlValues.setInstant(select, 1, now);
            select.setInt(2, limit);
            return read(select);
        }
    }

    private static List<Delivery> read(PreparedStatement select) throws SQLException {
        List<Delivery> deliveries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                deliveries.add(new Delivery(DeliveryId.of(rows.getString("delivery_id")),
                        InternalId.of(rows.getString("message_key")), SqlValues.heading(rows),
                        SqlValues.party(rows, "party"), SqlValues.instant(rows, "received_at"),
                        SqlValues.instant(rows, "confirmed_at"), rows.getInt("push_attempts"),
                        SqlValues.instant(rows, "next_push_at"), rows.getString("last_push_error"),
                        new WireBytes(rows.getString("content_type"), rows.getBytes("wire"))));
            }
        }
        return deliveries;
    }

    private record Owner(InternalId message, boolean confirmed) {
    }

    private static Optional<Owner> owner(Connection connection, DeliveryId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT message_key, confirmed_at FROM deliveries WHERE id = ?")) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Owner(InternalId.of(rows.getString("message_key")),
                        SqlValues.instant(rows, "confirmed_at") != null));
            }
        }
    }

    static ConfirmResult confirm(Connection connection, DeliveryId id, Instant at) throws SQLException {
        Optional<Owner> owner = owner(connection, id);
        if (owner.isEmpty()) {
            return ConfirmResult.UNKNOWN_DELIVERY;
        }
        InternalId message = owner.get().message();
        try (PreparedStatement update = connection.prepareStatement("UPDATE deliveries SET confirmed_at = ?,"
                + " next_push_at = NULL WHERE id = ? AND confirmed_at IS NULL")) {
            SqlValues.setInstant(update, 1, at);
            update.setString(2, id.value());
            if (update.executeUpdate() != 1) {
                return ConfirmResult.ALREADY_CONFIRMED;
            }
        }
        String detail = "delivery " + id + " confirmed";
        if (unconfirmed(connection, message) > 0
                || !InboundRows.transition(connection, message, InboundState.RECEIVED, InboundState.DELIVERED, at,
                EventType.DELIVERED, detail)) {
            EventRows.append(connection, message, Direction.INBOUND, at, EventType.DELIVERED, null, null, detail);
        }
        return ConfirmResult.CONFIRMED;
    }

    static int unconfirmed(Connection connection, InternalId message) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*) FROM deliveries WHERE message_key = ? AND confirmed_at IS NULL")) {
            count.setString(1, message.value());
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    static boolean recordPushFailure(Connection connection, DeliveryId id, Instant at, Instant nextPushAt,
                                     String error) throws SQLException {
        Optional<Owner> owner = owner(connection, id);
        if (owner.isEmpty() || owner.get().confirmed()) {
            return false;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE deliveries SET"
                + " push_attempts = push_attempts + 1, next_push_at = ?, last_push_error = ?"
                + " WHERE id = ? AND confirmed_at IS NULL")) {
            SqlValues.setInstant(update, 1, nextPushAt);
            update.setString(2, SqlValues.text(error));
            update.setString(3, id.value());
            if (update.executeUpdate() != 1) {
                return false;
            }
        }
        EventRows.append(connection, owner.get().message(), Direction.INBOUND, at, EventType.PUSH_FAILED, null,
                null, "push of delivery " + id + " failed: " + error);
        return true;
    }
}
