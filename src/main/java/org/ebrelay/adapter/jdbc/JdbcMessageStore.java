package org.ebrelay.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ebrelay.app.port.out.AttemptOutcome;
import org.ebrelay.app.port.out.ClaimLimits;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.app.port.out.NewMessageId;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.OperatorAction;
import org.ebrelay.app.port.out.OperatorActionResult;
import org.ebrelay.app.port.out.OutboundTransition;
import org.ebrelay.app.port.out.ReceivedStatus;
import org.ebrelay.app.port.out.RegistrationResult;
import org.ebrelay.app.port.out.SettleResult;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.InboundTransitions;
import org.ebrelay.domain.reliability.MessageState;
import org.ebrelay.domain.reliability.OutboundState;

/**
 * The message store on plain JDBC. Every change is a unit of work of the database's group-commit writer: it returns
 * once its transaction is committed (and synced in fsync mode). Reads go straight to the pool.
 */
public final class JdbcMessageStore implements MessageStore {
    private final Database database;

    public JdbcMessageStore(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public void insert(SubmittedMessage message) {
        database.write(c -> OutboundRows.insert(c, message));
    }

    @Override
    public ClaimedMessage insertClaimed(SubmittedMessage message, NodeId node, Instant leaseUntil) {
        if (!leaseUntil.isAfter(message.submittedAt())) {
            throw new IllegalArgumentException("the lease must end after the submission: " + leaseUntil);
        }
        if (message.firstAttemptAt().isAfter(message.submittedAt())) {
            throw new IllegalArgumentException("not due at submission, so not claimable on acceptance: "
                    + message.id() + " is due at " + message.firstAttemptAt());
        }
        return database.write(c -> OutboundRows.insertClaimed(c, message, node, leaseUntil));
    }

    @Override
    public List<ClaimedMessage> claimDue(NodeId node, Instant now, Instant leaseUntil, int limit,
                                         ClaimLimits limits) {
        if (!leaseUntil.isAfter(now)) {
            throw new IllegalArgumentException("the lease must end after now: " + leaseUntil);
        }
        boolean skipLocked = database.vendor().equals("postgresql");
        return database.write(c -> OutboundRows.claimDue(c, node, now, leaseUntil, limit, limits, skipLocked));
    }

    @Override
    public boolean recordAttempt(AttemptOutcome outcome) {
        return database.write(c -> OutboundRows.recordAttempt(c, outcome));
    }

    @Override
    public boolean transition(OutboundTransition transition) {
        return database.write(c -> OutboundRows.transition(c, transition));
    }

    @Override
    public int releaseClaims(NodeId node, Instant at) {
        return database.write(c -> OutboundRows.releaseClaims(c, node, at));
    }

    @Override
    public SettleResult acknowledge(MessageId refToMessageId, Instant at, String detail) {
        return database.write(c -> SettlementRows.settle(c, refToMessageId, OutboundState.COMPLETE,
                EventType.ACKNOWLEDGED, at, detail));
    }

    @Override
    public SettleResult failByMessageError(MessageId refToMessageId, Instant at, String detail) {
        return database.write(c -> SettlementRows.settle(c, refToMessageId, OutboundState.FAILED,
                EventType.PARTNER_ERROR, at, detail));
    }

    @Override
    public boolean assignNewMessageId(NewMessageId change) {
        return database.write(c -> SettlementRows.assignNewMessageId(c, change));
    }

    @Override
    public OperatorActionResult requeueByOperator(OperatorAction action) {
        return database.write(c -> OperatorRows.requeue(c, action));
    }

    @Override
    public OperatorActionResult abandonByOperator(OperatorAction action) {
        return database.write(c -> OperatorRows.abandon(c, action));
    }

    @Override
    public Optional<Instant> nextDueTime() {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement(OutboundRows.NEXT_DUE);
                 ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(SqlValues.instant(rows, "due")) : Optional.empty();
            }
        });
    }

    @Override
    public RegistrationResult register(InboundRegistration registration) {
        try {
            return database.write(c -> InboundRows.register(c, registration));
        } catch (ConcurrentRegistration e) {
            // another node stored the same MessageId (or HL7 id) a moment ago: registered again, it is a duplicate
            return database.write(c -> InboundRows.register(c, registration));
        }
    }

    @Override
    public int purgeRememberedIds(Instant now, int limit) {
        return database.write(c -> InboundRows.purgeRememberedIds(c, now, limit));
    }

    @Override
    public int purgeRememberedHl7Ids(Instant now, int limit) {
        return database.write(c -> Hl7IdRows.purge(c, now, limit));
    }

    @Override
    public Optional<ReceivedStatus> statusOf(CpaId cpaId, MessageId messageId) {
        return database.read(c -> InboundRows.statusOf(c, cpaId, messageId));
    }

    @Override
    public boolean transition(InternalId id, InboundState from, InboundState to, Instant at, EventType event,
                              String detail) {
        InboundTransitions.requireAllowed(from, to);
        return database.write(c -> InboundRows.transition(c, id, from, to, at, event, detail));
    }

    @Override
    public List<Delivery> listDeliveries(PartyId party, boolean includeConfirmed, int limit) {
        return database.read(c -> DeliveryRows.list(c, party, includeConfirmed, limit));
    }

    @Override
    public Optional<Delivery> findDelivery(DeliveryId id) {
        return database.read(c -> DeliveryRows.find(c, id));
    }

    @Override
    public ConfirmResult confirm(DeliveryId id, Instant at) {
        return database.write(c -> {
            ConfirmResult result = DeliveryRows.confirm(c, id, at);
            if (result == ConfirmResult.CONFIRMED) {
                OrderRows.delivered(c, id, at); // an ordered conversation's next message may go now
            }
            return result;
        });
    }

    @Override
    public List<Delivery> duePushes(Instant now, int limit) {
        return database.read(c -> DeliveryRows.duePushes(c, now, limit));
    }

    @Override
    public boolean recordPushFailure(DeliveryId id, Instant at, Instant nextPushAt, String error) {
        return database.write(c -> DeliveryRows.recordPushFailure(c, id, at, nextPushAt, error));
    }

    @Override
    public List<MessageDetails> findByMessageId(MessageId messageId) {
        return database.read(c -> HistoryRows.byMessageId(c, messageId));
    }

    @Override
    public List<MessageDetails> findByHl7Id(String hl7Id) {
        return database.read(c -> HistoryRows.byHl7Id(c, hl7Id));
    }

    @Override
    public List<MessageSummary> listOutbound(OutboundState state, int limit) {
        return database.read(c -> HistoryRows.outboundIn(c, state, limit));
    }

    @Override
    public List<MessageSummary> listInbound(InboundState state, int limit) {
        return database.read(c -> HistoryRows.inboundIn(c, state, limit));
    }

    @Override
    public List<MessageSummary> listOutbound(OutboundState state, CpaId cpaId, PartyId party, int limit) {
        return database.read(c -> HistoryRows.outboundIn(c, state, cpaId, party, limit));
    }

    @Override
    public List<MessageSummary> listInbound(InboundState state, CpaId cpaId, PartyId party, int limit) {
        return database.read(c -> HistoryRows.inboundIn(c, state, cpaId, party, limit));
    }

    @Override
    public Map<MessageState, Long> countByState() {
        return database.read(HistoryRows::countByState);
    }

    @Override
    public long append(InternalId message, Instant at, EventType type, String detail) {
        return database.write(c -> EventRows.appendNote(c, message, EventRows.directionOf(c, message), at, type, detail));
    }

    @Override
    public List<MessageEvent> eventsAfter(long afterSequence, int limit) {
        return database.read(c -> EventRows.after(c, afterSequence, limit));
    }
}
