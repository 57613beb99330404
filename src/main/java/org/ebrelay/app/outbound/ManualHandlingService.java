package org.ebrelay.app.outbound;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ebrelay.app.port.in.HandleManually;
import org.ebrelay.app.port.in.ManualHandlingResult;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resend and abandon by an operator. A resend only puts the message back in the queue, due now, and wakes the
 * dispatcher: the dispatcher's check before every send decides whether it goes out under its current MessageId or,
 * PersistDuration having passed, under a new one.
 */
public final class ManualHandlingService implements HandleManually {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.outbound.manual");

    private final MessageHistory history;
    private final OutboundMessages store;
    private final Clock clock;
    private final Runnable wakeDispatcher;

    public ManualHandlingService(MessageHistory history, OutboundMessages store, Clock clock,
                                 Runnable wakeDispatcher) {
        this.history = history;
        this.store = store;
        this.clock = clock;
        this.wakeDispatcher = wakeDispatcher;
    }

    @Override
    public ManualHandlingResult resend(String id, String reason, String operator) {
        ManualHandlingResult result = act("resend", id, reason, operator, ManualHandling.resendableFrom(), true);
        if (result instanceof ManualHandlingResult.Done) {
            wakeDispatcher.run();
        }
        return result;
    }

    @Override
    public ManualHandlingResult abandon(String id, String reason, String operator) {
        return act("abandon", id, reason, operator, ManualHandling.abandonableFrom(), false);
    }

    private ManualHandlingResult act(String verb, String id, String reason, String operator,
                                     Set<OutboundState> allowed, boolean resend) {
        if (reason == null || reason.isBlank()) {
            return new ManualHandlingResult.Invalid("a " + verb + " needs a reason");
        }
        if (id == null || id.isBlank()) {
            return new ManualHandlingResult.NotFound("no message id given");
        }
        List<MessageSummary> found = outbound(id.strip());
        if (found.isEmpty()) {
            return new ManualHandlingResult.NotFound("no message we send has the ebXML or HL7 id '" + id + "'");
        }
        if (found.size() > 1) {
            return new ManualHandlingResult.Refused("Ambiguous", null, "HL7 id '" + id + "' is carried by "
                    + found.size() + " messages; name one by its ebXML MessageId: " + found.stream()
                    .map(s -> s.heading().messageId().value()).collect(Collectors.joining(", ")));
        }
        MessageSummary message = found.get(0);
        OperatorAction action = new OperatorAction(message.id(), allowed, clock.instant(), reason, operator);
        OperatorActionResult result = resend ? store.requeueByOperator(action) : store.abandonByOperator(action);
        return answer(verb, message, action, result);
    }

    private ManualHandlingResult answer(String verb, MessageSummary message, OperatorAction action,
                                        OperatorActionResult result) {
        String messageId = message.heading().messageId().value();
        if (result instanceof OperatorActionResult.Applied applied) {
            LOG.info("{} {} {}: {} -> {}", messageId, verb, action.eventDetail(), applied.from(), applied.to());
            return new ManualHandlingResult.Done(messageId, message.heading().hl7Id(), applied.from().code(),
                    applied.to().code());
        }
        if (result instanceof OperatorActionResult.NotInState notInState) {
            return new ManualHandlingResult.Refused("NotAllowed", notInState.current().code(), "message "
                    + messageId + " is " + notInState.current() + "; a " + verb + " is allowed only from "
                    + action.expectedStates().stream().sorted().map(OutboundState::code)
                    .collect(Collectors.joining(", ")));
        }
        return new ManualHandlingResult.NotFound("message " + messageId + " is no longer stored");
    }

    /** Outbound messages that have or had this ebXML MessageId; failing that, those carrying it as HL7 id. */
    private List<MessageSummary> outbound(String id) {
        List<MessageSummary> found = outboundOnly(history.findByMessageId(MessageId.of(id)));
        return found.isEmpty() ? outboundOnly(history.findByHl7Id(id)) : found;
    }

    private static List<MessageSummary> outboundOnly(List<MessageDetails> details) {
        return details.stream().map(MessageDetails::summary)
                .filter(s -> s.direction() == Direction.OUTBOUND).toList();
    }
}
