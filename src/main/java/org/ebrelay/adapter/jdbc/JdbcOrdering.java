package org.ebrelay.adapter.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.MessageSequences;
import org.ebrelay.app.port.out.OrderGap;
import org.ebrelay.app.port.out.OrderedDeliveries;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;

/** Ordered delivery in the gateway's database: the sender's counters and the receiver's held messages. */
public final class JdbcOrdering implements MessageSequences, OrderedDeliveries {
    private final Database database;

    public JdbcOrdering(Database database) {
        this.database = database;
    }

    @Override
    public MessageOrder insertNumbered(CpaId cpaId, ConversationId conversationId,
                                       Function<MessageOrder, SubmittedMessage> build) {
        return database.write(c -> {
            MessageOrder order = SequenceRows.next(c, cpaId, conversationId);
            SubmittedMessage message = build.apply(order);
            OutboundRows.insert(c, message);
            EventRows.append(c, message.id(), Direction.OUTBOUND, message.submittedAt(), EventType.SEQUENCED, null,
                    null, "sequence " + order.sequenceNumber() + " (" + order.status().wireName()
                            + ") of conversation " + conversationId.value());
            return order;
        });
    }

    /** The conversation's next number becomes {@code next} (to test the wrap after 99999999). */
    public void setNextNumber(CpaId cpaId, ConversationId conversationId, long next) {
        database.write(c -> {
            SequenceRows.set(c, cpaId, conversationId, next);
            return null;
        });
    }

    @Override
    public OrderedRegistration register(InboundRegistration registration, MessageOrder order, int maxHeld) {
        try {
            return database.write(c -> OrderRows.register(c, registration, order, maxHeld));
        } catch (ConcurrentRegistration e) {
            // another node stored the same MessageId a moment ago: registered again, it is a duplicate
            return database.write(c -> OrderRows.register(c, registration, order, maxHeld));
        }
    }

    @Override
    public List<OrderGap> reportOverdue(Instant heldBefore, Instant at) {
        return database.write(c -> OrderRows.reportOverdue(c, heldBefore, at, 100));
    }

    @Override
    public Optional<GapSkip> skipGap(CpaId cpaId, ConversationId conversationId, String operator, Instant at) {
        return database.write(c -> OrderRows.skipGap(c, cpaId, conversationId, operator, at));
    }

    @Override
    public List<OrderGap> held(int limit) {
        return database.read(c -> OrderStreamRows.waiting(c, null, limit));
    }
}
