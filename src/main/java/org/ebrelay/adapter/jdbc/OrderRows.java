package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.OrderGap;
import org.ebrelay.app.port.out.OrderedDeliveries.GapSkip;
import org.ebrelay.app.port.out.OrderedDeliveries.OrderedRegistration;
import org.ebrelay.app.port.out.RegistrationResult;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;

/**
 * Hold and release of ordered messages (docs/reliability.md, "Ordered delivery"). Every received ordered message
 * first goes into order_held with the deliveries it will get; {@link #releaseDue} then moves the conversation's
 * next expected one (and the ones after it, as long as nothing released waits for its delivery) into deliveries.
 */
final class OrderRows {
    private OrderRows() {
    }

    static OrderedRegistration register(Connection connection, InboundRegistration registration, MessageOrder order,
                                        int maxHeld) throws SQLException {
        RegistrationResult result = InboundRows.register(connection, withoutDeliveries(registration));
        InternalId key;
        if (result instanceof RegistrationResult.Registered registered) {
            key = registered.id();
        } else if (result instanceof RegistrationResult.Hl7Duplicate copy) {
            key = copy.id();
        } else {
            return new OrderedRegistration(result, false, null);
        }
        CpaId cpaId = registration.heading().cpaId();
        ConversationId conversationId = registration.heading().conversationId();
        Instant at = registration.receivedAt();
        OrderStreamRows.lockOrCreate(connection, cpaId, conversationId, registration.heading().from(), at);
        hold(connection, key, registration, order,
                result instanceof RegistrationResult.Registered ? registration.deliveries() : List.of());
        boolean released = releaseDue(connection, cpaId, conversationId, at).contains(key);
        OrderGap gap = OrderStreamRows.gap(connection, cpaId, conversationId);
        if (released) {
            return new OrderedRegistration(result, true, null);
        }
        EventRows.append(connection, key, Direction.INBOUND, at, EventType.HELD_FOR_ORDER, null, null,
                "sequence " + order.sequenceNumber() + " held: " + gap.describe());
        return new OrderedRegistration(result, false, reportIfOver(connection, gap, key, maxHeld, at));
    }

    /**
     * Releases what is due: while nothing released waits for its delivery and the next expected number is held, its
     * deliveries go into the inbox (pushes due now), with a RELEASED_IN_ORDER event. Returns the released keys.
     */
    static List<InternalId> releaseDue(Connection connection, CpaId cpaId, ConversationId conversationId,
                                       Instant at) throws SQLException {
        List<InternalId> released = new ArrayList<>();
        OrderStreamRows.Stream stream = OrderStreamRows.lock(connection, cpaId, conversationId).orElseThrow();
        long next = stream.nextExpected();
        InternalId inFlight = stream.inFlight();
        Optional<InternalId> due;
        while (inFlight == null && (due = heldAt(connection, cpaId, conversationId, next)).isPresent()) {
            InternalId key = due.get();
            int deliveries = release(connection, key, at);
            EventRows.append(connection, key, Direction.INBOUND, at, EventType.RELEASED_IN_ORDER, null, null,
                    "sequence " + next + " released for delivery, in order");
            released.add(key);
            inFlight = deliveries > 0 ? key : null;
            next = MessageOrder.following(next);
        }
        if (next != stream.nextExpected() || !java.util.Objects.equals(inFlight, stream.inFlight())) {
            OrderStreamRows.update(connection, stream, next, inFlight, at);
        }
        return released;
    }

    /** After a delivery was confirmed: when it was the last one of a released message, the next may go. */
    static void delivered(Connection connection, DeliveryId id, Instant at) throws SQLException {
        Optional<OrderStreamRows.Stream> stream = OrderStreamRows.inFlightOf(connection, id.value());
        if (stream.isEmpty() || DeliveryRows.unconfirmed(connection, stream.get().inFlight()) > 0) {
            return;
        }
        OrderStreamRows.update(connection, stream.get(), stream.get().nextExpected(), null, at);
        releaseDue(connection, stream.get().cpaId(), stream.get().conversationId(), at);
    }

    static Optional<GapSkip> skipGap(Connection connection, CpaId cpaId, ConversationId conversationId,
                                     String operator, Instant at) throws SQLException {
        Optional<OrderStreamRows.Stream> found = OrderStreamRows.lock(connection, cpaId, conversationId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OrderStreamRows.Stream stream = found.get();
        if (stream.inFlight() != null) {
            EventRows.append(connection, stream.inFlight(), Direction.INBOUND, at, EventType.ORDER_GAP_SKIPPED, null,
                    null, "operator " + operator + " stopped later messages waiting for this one's delivery"
                            + " (it stays in the inbox)");
            OrderStreamRows.update(connection, stream, stream.nextExpected(), null, at);
            List<InternalId> released = releaseDue(connection, cpaId, conversationId, at);
            return Optional.of(new GapSkip(stream.nextExpected(), stream.nextExpected(), messageIds(connection,
                    released)));
        }
        Optional<Long> target = skipTarget(connection, cpaId, conversationId, stream.nextExpected());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        long skippedTo = target.get() == 0 ? MessageOrder.MAX_SEQUENCE_NUMBER : target.get() - 1;
        OrderStreamRows.update(connection, stream, target.get(), null, at);
        List<InternalId> released = releaseDue(connection, cpaId, conversationId, at);
        EventRows.append(connection, released.get(0), Direction.INBOUND, at, EventType.ORDER_GAP_SKIPPED, null, null,
                "operator " + operator + " skipped sequence " + stream.nextExpected()
                        + (skippedTo == stream.nextExpected() ? "" : ".." + skippedTo)
                        + " (never arrived): released without " + (skippedTo == stream.nextExpected() ? "it" : "them"));
        return Optional.of(new GapSkip(stream.nextExpected(), skippedTo, messageIds(connection, released)));
    }

    /** Reports the gap once when more than {@code maxHeld} wait behind it. */
    private static OrderGap reportIfOver(Connection connection, OrderGap gap, InternalId key, int maxHeld,
                                         Instant at) throws SQLException {
        OrderStreamRows.Stream stream = OrderStreamRows.lock(connection, gap.cpaId(), gap.conversationId())
                .orElseThrow();
        Long reported = stream.gapReportedFor();
        if (gap.held() <= maxHeld || (reported != null && reported == gap.waitingFor())) {
            return null;
        }
        OrderStreamRows.markReported(connection, gap.cpaId(), gap.conversationId(), gap.waitingFor());
        EventRows.append(connection, key, Direction.INBOUND, at, EventType.ORDER_GAP_REPORTED, null, null,
                "more than " + maxHeld + " held (the limit): " + gap.describe());
        return gap;
    }

    /** Marks each gap reported, with an event on its oldest held message. */
    static List<OrderGap> reportOverdue(Connection connection, Instant heldBefore, Instant at, int limit)
            throws SQLException {
        List<OrderGap> gaps = OrderStreamRows.waiting(connection, heldBefore, limit);
        for (OrderGap gap : gaps) {
            OrderStreamRows.markReported(connection, gap.cpaId(), gap.conversationId(), gap.waitingFor());
            Optional<InternalId> oldest = oldestHeld(connection, gap.cpaId(), gap.conversationId());
            if (oldest.isPresent()) {
                EventRows.append(connection, oldest.get(), Direction.INBOUND, at, EventType.ORDER_GAP_REPORTED,
                        null, null, "held longer than the limit: " + gap.describe());
            }
        }
        return gaps;
    }

    private static InboundRegistration withoutDeliveries(InboundRegistration r) {
        return new InboundRegistration(r.id(), r.heading(), r.receivedAt(), r.wire(), r.state(), r.duplicateCheck(),
                r.reply(), List.of(), r.detail(), r.hl7Check());
    }

    private static void hold(Connection connection, InternalId key, InboundRegistration registration,
                             MessageOrder order, List<NewDelivery> deliveries) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_held (message_key, cpa_id,"
                + " conversation_id, sequence_number, reset, held_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key.value());
            insert.setString(2, registration.heading().cpaId().value());
            insert.setString(3, registration.heading().conversationId().value());
            insert.setLong(4, order.sequenceNumber());
            insert.setBoolean(5, order.status() == org.ebrelay.domain.message.SequenceStatus.RESET);
            SqlValues.setInstant(insert, 6, registration.receivedAt());
            insert.executeUpdate();
        }
        for (NewDelivery delivery : deliveries) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_held_deliveries (id,"
                    + " message_key, party_type, party_value, push) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, delivery.id().value());
                insert.setString(2, key.value());
                insert.setString(3, SqlValues.type(delivery.party().type()));
                insert.setString(4, delivery.party().value());
                insert.setBoolean(5, delivery.pushAt() != null);
                insert.executeUpdate();
            }
        }
    }

    /** Moves a held message's deliveries into the inbox; returns how many. */
    private static int release(Connection connection, InternalId key, Instant at) throws SQLException {
        List<NewDelivery> deliveries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, party_type, party_value, push"
                + " FROM order_held_deliveries WHERE message_key = ? ORDER BY id")) {
            select.setString(1, key.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    deliveries.add(new NewDelivery(DeliveryId.of(rows.getString("id")),
                            SqlValues.party(rows, "party"), rows.getBoolean("push") ? at : null));
                }
            }
        }
        for (NewDelivery delivery : deliveries) {
            DeliveryRows.insert(connection, key, delivery, at);
        }
        for (String table : new String[] {"order_held_deliveries", "order_held"}) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE message_key = ?")) {
                delete.setString(1, key.value());
                delete.executeUpdate();
            }
        }
        return deliveries.size();
    }

    private static Optional<InternalId> heldAt(Connection connection, CpaId cpaId, ConversationId conversationId,
                                               long number) throws SQLException {
        return firstKey(connection, "SELECT message_key FROM order_held WHERE cpa_id = ? AND conversation_id = ?"
                + " AND sequence_number = ? ORDER BY held_at", cpaId, conversationId, number);
    }

    private static Optional<InternalId> oldestHeld(Connection connection, CpaId cpaId, ConversationId conversationId)
            throws SQLException {
        return firstKey(connection, "SELECT message_key FROM order_held WHERE cpa_id = ? AND conversation_id = ?"
                + " ORDER BY held_at", cpaId, conversationId, null);
    }

    /** A held Reset first (the sender started afresh), else the first held number after {@code next}, wrapping. */
    private static Optional<Long> skipTarget(Connection connection, CpaId cpaId, ConversationId conversationId,
                                             long next) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT sequence_number FROM order_held"
                + " WHERE cpa_id = ? AND conversation_id = ? ORDER BY CASE WHEN reset THEN 0 WHEN sequence_number"
                + " >= ? THEN 1 ELSE 2 END, sequence_number LIMIT 1")) {
            select.setString(1, cpaId.value());
            select.setString(2, conversationId.value());
            select.setLong(3, next);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Optional<InternalId> firstKey(Connection connection, String sql, CpaId cpaId,
                                                 ConversationId conversationId, Long number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, cpaId.value());
            select.setString(2, conversationId.value());
            if (number != null) {
                select.setLong(3, number);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(InternalId.of(rows.getString(1))) : Optional.empty();
            }
        }
    }

    private static List<String> messageIds(Connection connection, List<InternalId> keys) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (InternalId key : keys) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT message_id FROM inbound_messages WHERE id = ?")) {
                select.setString(1, key.value());
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
        }
        return ids;
    }
}
