package org.ebrelay.app.bank;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageHistory;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.app.port.out.OperatorAction;
import org.ebrelay.app.port.out.OperatorActionResult;
import org.ebrelay.app.port.out.OutboundMessages;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.ManualHandling;
import org.ebrelay.domain.reliability.OutboundState;

/**
 * Carries out the bank's work on this node: a resend is the node's own operator resend (back to QUEUED, due now;
 * the dispatcher then applies the MessageId regeneration rule). It is a compare-and-set on the message's state: an
 * operator's resend from the states manual handling allows, an automatic one only from MANUAL, so the bank never
 * acts on a message the node's slow retry is handling. A gone node's message is resent by {@link BankResubmission}.
 */
public final class BankWork {
    private static final Set<OutboundState> AUTOMATIC_FROM = EnumSet.of(OutboundState.MANUAL);

    private final MessageHistory history;
    private final OutboundMessages store;
    private final Clock clock;
    private final Runnable wakeDispatcher;
    private final BankResubmission resubmission;

    /** @param resubmission resends a gone node's message from the bank's copy (null: refused here) */
    public BankWork(MessageHistory history, OutboundMessages store, Clock clock, Runnable wakeDispatcher,
                    BankResubmission resubmission) {
        this.history = history;
        this.store = store;
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
        this.resubmission = resubmission;
    }

    public WorkOutcome carryOut(WorkItem item) {
        if (!WorkItem.RESEND.equals(item.kind())) {
            return WorkOutcome.refused("unknown work kind " + item.kind());
        }
        if (item.copy() != null) { // the bank hands us the copy only when the owner is another, gone, node
            return resubmission == null ? WorkOutcome.refused("this node does not resend other nodes' messages")
                    : resubmission.carryOut(item);
        }
        List<MessageSummary> found = history.findByMessageId(MessageId.of(item.ebxmlMessageId())).stream()
                .map(MessageDetails::summary).filter(s -> s.direction() == Direction.OUTBOUND)
                .filter(s -> s.id().value().equals(item.key())).toList();
        if (found.isEmpty()) {
            return WorkOutcome.refused("message " + item.ebxmlMessageId() + " is not stored on this node");
        }
        Set<OutboundState> allowed = item.automatic() ? AUTOMATIC_FROM : ManualHandling.resendableFrom();
        String operator = item.automatic() ? "bank rule " + item.operator()
                : "bank" + (item.operator() == null ? "" : ":" + item.operator());
        OperatorActionResult result = store.requeueByOperator(new OperatorAction(found.get(0).id(), allowed,
                clock.instant(), item.reason(), operator));
        if (result instanceof OperatorActionResult.Applied applied) {
            wakeDispatcher.run();
            return WorkOutcome.done(applied.from().code() + " -> " + applied.to().code());
        }
        if (result instanceof OperatorActionResult.NotInState notInState) {
            return WorkOutcome.refused("message is " + notInState.current().code() + "; "
                    + (item.automatic() ? "an automatic" : "a") + " resend is allowed only from " + allowed);
        }
        return WorkOutcome.refused("message " + item.ebxmlMessageId() + " is no longer stored");
    }
}
