package org.ebrelay.app.delivery;

import org.ebrelay.app.hl7.Hl7Fields;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryInbox;
import org.ebrelay.app.port.out.EventLog;
import org.ebrelay.app.port.out.LocalHl7Systems;
import org.ebrelay.app.port.out.LocalHl7Systems.Hl7Answer;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * MLLP as a push channel of the delivery machinery: a due delivery whose HL7 v2 payload an {@link MllpDestination}
 * takes is sent to that local system; its AA (or CA) confirms the delivery as a webhook's 2xx would. No answer or
 * an AR is retried after the destination's RetryInterval until its retries run out; an AE (content error) is not
 * retried. Each failure is a PUSH_FAILED event with the system's answer, and the delivery stays in the pull inbox.
 * <p>
 * HL7 application acknowledgments both ways ({@link AnswerRouting}, {@link AnswerReturn}): a partner's answer to a
 * message taken in over MLLP goes to the return destination of the original's route; a local system's answer to a
 * delivered message goes back to the partner where its destination says so.
 */
public final class MllpPushes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MllpPushes.class);

    private final List<MllpDestination> destinations;
    private final LocalHl7Systems systems;
    private final DeliveryInbox inbox;
    private final Clock clock;
    private final AnswerRouting answers;
    private final AnswerReturn returns;
    private final EventLog events;

    public MllpPushes(List<MllpDestination> destinations, LocalHl7Systems systems, DeliveryInbox inbox, Clock clock) {
        this(destinations, systems, inbox, clock, null, null, null);
    }

    /**
     * @param answers routes partners' answers to the local systems that sent the originals, or null
     * @param returns sends local systems' answers back to partners, or null
     * @param events  where an unmatched answer is noted (needed with {@code answers})
     */
    public MllpPushes(List<MllpDestination> destinations, LocalHl7Systems systems, DeliveryInbox inbox, Clock clock,
                      AnswerRouting answers, AnswerReturn returns, EventLog events) {
        this.destinations = List.copyOf(destinations);
        this.systems = systems;
        this.inbox = inbox;
        this.clock = clock;
        this.answers = answers;
        this.returns = returns;
        this.events = events;
    }

    public static MllpPushes none() {
        return new MllpPushes(List.of(), null, null, Clock.systemUTC());
    }

    /** Closes the connections to local systems. */
    @Override
    public void close() {
        if (systems != null) {
            systems.close();
        }
    }

    public boolean isEmpty() {
        return destinations.isEmpty();
    }

    /** Whether any delivery may go over MLLP: there are destinations (answers only go to one of them). */
    boolean mayPush() {
        return !destinations.isEmpty() && systems != null;
    }

    /**
     * Whether a received message with these header values may be pushed over MLLP (its first push time): a
     * destination may take it, or it may be an answer to a message taken in over MLLP.
     */
    public boolean mayTake(CpaId cpaId, Service service, String action) {
        return destinations.stream().anyMatch(d -> d.mayTake(cpaId, service, action))
                || (answers != null && answers.mayTake(cpaId));
    }

    /** Pushes the delivery when a destination takes it; false when none does (another channel may). */
    boolean push(Delivery delivery, List<Payload> payloads) {
        return push(delivery, payloads, null);
    }

    /**
     * Pushes the delivery when it is an answer to a message taken in over MLLP (to the original's return destination)
     * or a destination takes it; false when none does (another channel may).
     *
     * @param refToMessageId the received message's RefToMessageId, or null
     */
    boolean push(Delivery delivery, List<Payload> payloads, MessageId refToMessageId) {
        MessageHeading heading = delivery.heading();
        for (Payload payload : payloads) {
            Optional<Hl7Fields> fields = systems.fields(payload.contentType(), payload.content());
            if (fields.isEmpty()) {
                continue;
            }
            if (answers != null && pushedAsAnswer(delivery, payload, refToMessageId)) {
                return true;
            }
            Optional<MllpDestination> target = destinations.stream()
                    .filter(d -> d.takes(heading.cpaId(), heading.service(), heading.action(), fields.get()))
                    .findFirst();
            if (target.isPresent()) {
                send(delivery, payload, target.get());
                return true;
            }
        }
        return false;
    }

    /** Sends an answer to the original's return destination; false (noted once) when it matches no original. */
    private boolean pushedAsAnswer(Delivery delivery, Payload payload, MessageId refToMessageId) {
        Optional<String> acknowledged = systems.acknowledgedId(payload.contentType(), payload.content());
        if (acknowledged.isEmpty()) {
            return false;
        }
        AnswerRouting.Result found = answers.find(acknowledged.get(), refToMessageId,
                delivery.heading().conversationId());
        if (found instanceof AnswerRouting.Matched matched) {
            log.debug("HL7 answer {} goes to {}, the return destination of {} (found by {})",
                    delivery.heading().hl7Id(), matched.destination().name(), matched.origin().message(), matched.by());
            send(delivery, payload, matched.destination(), true);
            return true;
        }
        if (delivery.pushAttempts() == 0) {
            String why = ((AnswerRouting.Unmatched) found).why() + "; delivered as any other message";
            events.append(delivery.message(), clock.instant(), EventType.NOTE, why);
            log.info("delivery {}: {}", delivery.id(), why);
        }
        return false;
    }

    private void send(Delivery delivery, Payload payload, MllpDestination target) {
        send(delivery, payload, target,
                systems.acknowledgedId(payload.contentType(), payload.content()).isPresent());
    }

    /** @param isAnswer the payload is an HL7 answer: sent without waiting for an acknowledgment of it */
    private void send(Delivery delivery, Payload payload, MllpDestination target, boolean isAnswer) {
        Hl7Answer answer;
        try {
            answer = isAnswer
                    ? systems.sendUnacknowledged(target.host(), target.port(), payload.contentType(), payload.content())
                    : systems.send(target.host(), target.port(), payload.contentType(), payload.content());
        } catch (RuntimeException e) {
            answer = Hl7Answer.noAnswer(e.toString());
        }
        Instant at = clock.instant();
        if (answer.accepted() && returnsAnswer(target, payload, answer)) {
            confirmReturningAnswer(delivery, target, answer, at);
            return;
        }
        if (answer.accepted()) {
            inbox.confirm(delivery.id(), at);
            log.debug("delivered {} (HL7 {}) to {}", delivery.id(), delivery.heading().hl7Id(), target.address());
            return;
        }
        failed(delivery, target, answer.describe() + " from " + target.name() + " (" + target.address() + ")",
                answer.contentError(), at);
    }

    /** Whether the system's answer goes back to the partner: never the answer to an answer (no ping-pong). */
    private boolean returnsAnswer(MllpDestination target, Payload delivered, Hl7Answer answer) {
        return target.returnAcks() && returns != null && answer.reply() != null
                && systems.acknowledgedId(delivered.contentType(), delivered.content()).isEmpty();
    }

    private void confirmReturningAnswer(Delivery delivery, MllpDestination target, Hl7Answer answer, Instant at) {
        AnswerReturn.Outcome outcome = returns.confirmWith(delivery, target, answer.reply(), at);
        if (outcome instanceof AnswerReturn.Unavailable unavailable) {
            failed(delivery, target, "the HL7 answer of " + target.name() + " could not be stored for the partner ("
                    + unavailable.reason() + ")", false, at);
            return;
        }
        log.debug("delivered {} (HL7 {}) to {}: {}", delivery.id(), delivery.heading().hl7Id(), target.address(),
                outcome);
    }

    private void failed(Delivery delivery, MllpDestination target, String what, boolean contentError, Instant at) {
        int failures = delivery.pushAttempts() + 1;
        if (!contentError && failures <= target.retries()) {
            Instant next = at.plus(target.retryInterval());
            inbox.recordPushFailure(delivery.id(), at, next, what + " (send " + failures + " of "
                    + (target.retries() + 1) + "); next send at " + next);
            log.info("MLLP delivery {} failed: {}; next at {}", delivery.id(), what, next);
        } else {
            String why = what + (contentError ? "; not sent again (a content error)"
                    : "; gave up after " + failures + " sends") + ", the delivery stays in the inbox";
            inbox.recordPushFailure(delivery.id(), at, null, why);
            log.warn("MLLP delivery {} (message {}, HL7 {}) failed: {}", delivery.id(),
                    delivery.heading().messageId(), delivery.heading().hl7Id(), why);
        }
    }
}
