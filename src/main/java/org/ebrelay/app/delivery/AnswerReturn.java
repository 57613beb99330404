package org.ebrelay.app.delivery;

import org.ebrelay.app.outbound.Outbox;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.AnswerOutbox;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryInbox;
import org.ebrelay.app.port.out.EventLog;
import org.ebrelay.app.port.out.LocalHl7Systems.Reply;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sends a local system's HL7 answer to a delivered message back to the partner that sent it: under the same CPA and
 * service in the reverse direction, in the same conversation, with RefToMessageId = the delivered message's
 * MessageId; the HL7 id is the answer's MSH-10. The answer goes through the ordinary submission checks, and is
 * stored in the transaction that confirms the delivery: confirmed and answered, or neither.
 */
public final class AnswerReturn {
    private static final Logger log = LoggerFactory.getLogger(AnswerReturn.class);

    private final Function<Outbox, SubmitMessage> submissions;
    private final AnswerOutbox store;
    private final DeliveryInbox inbox;
    private final EventLog events;
    private final Runnable wake;

    /**
     * @param submissions the submission use case storing into a given outbox (checks, build, signing as usual)
     * @param wake        tells the dispatcher a message was stored for sending
     */
    public AnswerReturn(Function<Outbox, SubmitMessage> submissions, AnswerOutbox store, DeliveryInbox inbox,
                        EventLog events, Runnable wake) {
        this.submissions = Objects.requireNonNull(submissions, "submissions");
        this.store = Objects.requireNonNull(store, "store");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.events = Objects.requireNonNull(events, "events");
        this.wake = Objects.requireNonNull(wake, "wake");
    }

    /** What became of an answer. */
    public sealed interface Outcome {
    }

    /** Stored for the partner with the delivery's confirmation (or the delivery had been confirmed before). */
    public record Returned(String messageId) implements Outcome {
    }

    /**
     * The CPA or the answer does not allow sending it back: the delivery is confirmed all the same (the local system
     * accepted it), with an event saying why its answer did not go back.
     */
    public record Refused(String reason) implements Outcome {
    }

    /** The store could not take it; nothing is stored: try again later. */
    public record Unavailable(String reason) implements Outcome {
    }

    Outcome confirmWith(Delivery delivery, MllpDestination from, Reply reply, Instant at) {
        MessageHeading heading = delivery.heading();
        Submission answer = new Submission(heading.cpaId(), heading.service(),
                from.ackAction() != null ? from.ackAction() : heading.action(), heading.to(), heading.from(),
                List.of(new Submission.Payload(reply.contentType(), reply.content())), null,
                heading.conversationId(), heading.messageId());
        AtomicReference<ConfirmResult> confirmed = new AtomicReference<>();
        SubmissionResult result = submissions.apply(message -> {
            String note = "the HL7 answer of " + from.name() + " goes back to the partner as "
                    + message.heading().messageId() + " (HL7 " + message.heading().hl7Id() + ")";
            confirmed.set(store.confirmWithAnswer(delivery.id(), at, message, note));
            return OutboundState.QUEUED;
        }).submit(answer);
        if (result instanceof SubmissionResult.Accepted accepted) {
            if (confirmed.get() == ConfirmResult.CONFIRMED) {
                wake.run();
                log.debug("HL7 answer to {} returned as {}", heading.messageId(), accepted.messageId());
                return new Returned(accepted.messageId());
            }
            return new Returned(null);
        }
        SubmissionResult.Refused refused = (SubmissionResult.Refused) result;
        String reason = refused.error() + ": " + refused.detail();
        if ("Unavailable".equals(refused.error())) {
            return new Unavailable(reason);
        }
        if (inbox.confirm(delivery.id(), at) == ConfirmResult.CONFIRMED) {
            events.append(delivery.message(), at, EventType.NOTE, "the HL7 answer of " + from.name()
                    + " was not sent back to the partner: " + reason);
        }
        log.warn("the HL7 answer to {} (HL7 {}) was not sent back: {}", heading.messageId(), heading.hl7Id(), reason);
        return new Refused(reason);
    }
}
