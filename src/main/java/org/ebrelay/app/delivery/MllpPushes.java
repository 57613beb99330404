package org.ebrelay.app.delivery;

import org.ebrelay.app.hl7.Hl7Fields;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryInbox;
import org.ebrelay.app.port.out.LocalHl7Systems;
import org.ebrelay.app.port.out.LocalHl7Systems.Hl7Answer;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.Service;
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
 */
public final class MllpPushes implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MllpPushes.class);

    private final List<MllpDestination> destinations;
    private final LocalHl7Systems systems;
    private final DeliveryInbox inbox;
    private final Clock clock;

    public MllpPushes(List<MllpDestination> destinations, LocalHl7Systems systems, DeliveryInbox inbox, Clock clock) {
        this.destinations = List.copyOf(destinations);
        this.systems = systems;
        this.inbox = inbox;
        this.clock = clock;
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

    /** Whether a received message with these header values may be pushed over MLLP (its first push time). */
    public boolean mayTake(CpaId cpaId, Service service, String action) {
        return destinations.stream().anyMatch(d -> d.mayTake(cpaId, service, action));
    }

    /** Pushes the delivery when a destination takes it; false when none does (another channel may). */
    boolean push(Delivery delivery, List<Payload> payloads) {
        MessageHeading heading = delivery.heading();
        for (Payload payload : payloads) {
            Optional<Hl7Fields> fields = systems.fields(payload.contentType(), payload.content());
            if (fields.isEmpty()) {
                continue;
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

    private void send(Delivery delivery, Payload payload, MllpDestination target) {
        Hl7Answer answer;
        try {
            answer = systems.send(target.host(), target.port(), payload.contentType(), payload.content());
        } catch (RuntimeException e) {
            answer = Hl7Answer.noAnswer(e.toString());
        }
        Instant at = clock.instant();
        if (answer.accepted()) {
            inbox.confirm(delivery.id(), at);
            log.debug("delivered {} (HL7 {}) to {}", delivery.id(), delivery.heading().hl7Id(), target.address());
            return;
        }
        int failures = delivery.pushAttempts() + 1;
        String what = answer.describe() + " from " + target.name() + " (" + target.address() + ")";
        if (!answer.contentError() && failures <= target.retries()) {
            Instant next = at.plus(target.retryInterval());
            inbox.recordPushFailure(delivery.id(), at, next, what + " (send " + failures + " of "
                    + (target.retries() + 1) + "); next send at " + next);
            log.info("MLLP delivery {} failed: {}; next at {}", delivery.id(), what, next);
        } else {
            String why = what + (answer.contentError() ? "; not sent again (a content error)"
                    : "; gave up after " + failures + " sends") + ", the delivery stays in the inbox";
            inbox.recordPushFailure(delivery.id(), at, null, why);
            log.warn("MLLP delivery {} (message {}, HL7 {}) failed: {}", delivery.id(),
                    delivery.heading().messageId(), delivery.heading().hl7Id(), why);
        }
    }
}
