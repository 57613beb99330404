package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ebrelay.domain.message.MessageId;

/**
 * The durable queue of messages we send. Every method that changes a message is one transaction, committed before it
 * returns, and appends its event in that transaction. State changes are compare-and-set: a change whose expected
 * state (or claim) no longer holds is a no-op reported as {@code false}, never an error. A change outside
 * {@link org.ebrelay.domain.reliability.OutboundTransitions} is refused with {@link IllegalArgumentException}.
 */
public interface OutboundMessages {

    /**
     * Stores a submitted message QUEUED, due at its first attempt time, with its MessageId as the first of its chain
     * and a SUBMITTED event (RM-S1). Returns once committed.
     *
     * @throws IllegalArgumentException when the internal id or the MessageId is already stored
     */
    void insert(SubmittedMessage message);

    /**
     * {@link #insert} and a claim of that one message by {@code node} in the same transaction: the message is stored
     * already SENDING, leased until {@code leaseUntil}, its first attempt counted (RM-S8), with its SUBMITTED and
     * SEND_STARTED events. The node that accepts a message and has room to send it saves a commit and the trip
     * through the due queue; if it dies before the outcome is recorded, the lease runs out and the message is
     * taken over like any other claim.
     *
     * @throws IllegalArgumentException when the internal id or the MessageId is already stored
     */
    ClaimedMessage insertClaimed(SubmittedMessage message, NodeId node, Instant leaseUntil);

    /**
     * Claims up to {@code limit} due messages for {@code node}, oldest due first: messages in a scheduled state whose
     * {@code next_attempt_at <= now} and whose claim lease is absent or ran out (a SENDING message whose lease ran
     * out is taken over). Each moves to SENDING, leased until {@code leaseUntil} (also its new due time), its attempt
     * counters raised by one, with a SEND_STARTED event. A message is claimed by one node only, even when several
     * nodes claim at once.
     */
    default List<ClaimedMessage> claimDue(NodeId node, Instant now, Instant leaseUntil, int limit) {
        return claimDue(node, now, leaseUntil, limit, ClaimLimits.NONE);
    }

    /**
     * As {@link #claimDue(NodeId, Instant, Instant, int)}, within per-partner {@code limits}: messages for an
     * excluded endpoint are not read at all, and no more than an endpoint's allowance is claimed for it.
     */
    List<ClaimedMessage> claimDue(NodeId node, Instant now, Instant leaseUntil, int limit, ClaimLimits limits);

    /** Records how a claim ended; {@code false} when the claim is no longer current (settled or taken over). */
    boolean recordAttempt(AttemptOutcome outcome);

    /** Applies a state change if the message is still in {@code from}; {@code false} otherwise. */
    boolean transition(OutboundTransition transition);

    /**
     * Ends the leases of every claim {@code node} holds, making those messages due at {@code at}: a node calls it at
     * start-up so that work it was doing when it stopped resumes at once. Returns how many.
     */
    int releaseClaims(NodeId node, Instant at);

    /**
     * Settles the message that has (or had) {@code refToMessageId} as COMPLETE (ACK-8, RM-S4), whatever its
     * non-final state, with an ACKNOWLEDGED event. A final message does not change.
     */
    SettleResult acknowledge(MessageId refToMessageId, Instant at, String detail);

    /** Marks the message that has (or had) {@code refToMessageId} FAILED by the partner's MessageError (RM-S4). */
    SettleResult failByMessageError(MessageId refToMessageId, Instant at, String detail);

    /**
     * Gives the message a new current MessageId (issue 4), kept in its chain after the earlier ones, with a
     * MESSAGE_ID_REGENERATED event; {@code false} if it is no longer in the expected state.
     *
     * @throws IllegalArgumentException when the new MessageId is already stored
     */
    boolean assignNewMessageId(NewMessageId change);

    /**
     * An operator's resend: the message goes to QUEUED, due at {@code action.at()}, its claim cleared and its ebXML
     * retry sequence started afresh (sequence attempts back to 0; the total attempt count stays), with a
     * RESENT_BY_OPERATOR event. Which MessageId it goes out under is the dispatcher's pre-send rule.
     */
    OperatorActionResult requeueByOperator(OperatorAction action);

    /** An operator gives the message up: ABANDONED (final, no due time), with an ABANDONED_BY_OPERATOR event. */
    OperatorActionResult abandonByOperator(OperatorAction action);

    /** The earliest due time of any message, to know when to wake up; empty when nothing is scheduled. */
    Optional<Instant> nextDueTime();
}
