package org.ebrelay.app.hl7;

import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.MllpOrigins;
import org.ebrelay.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Takes an HL7 v2 message from a local system (MLLP in): finds its route and submits it like any other message
 * (the same use case as REST and SOAP), so the answer is "accepted" only after the durable commit.
 */
public final class Hl7Intake {
    private static final Logger log = LoggerFactory.getLogger(Hl7Intake.class);

    private final Hl7Routing routing;
    private final SubmitMessage submit;
    private final MllpOrigins origins;
    private final Clock clock;

    /** Without return destinations: origins are not recorded. */
    public Hl7Intake(Hl7Routing routing, SubmitMessage submit) {
        this(routing, submit, null, Clock.systemUTC());
    }

    /** @param origins where the origin of a message whose route has a return destination is recorded */
    public Hl7Intake(Hl7Routing routing, SubmitMessage submit, MllpOrigins origins, Clock clock) {
        this.routing = routing;
        this.submit = submit;
        this.origins = origins;
        this.clock = clock;
    }

    /** What became of one message: the HL7 acknowledgment is built from it. */
    public sealed interface Outcome {
    }

    /** Stored durably under {@code messageId}: answer AA. */
    public record Accepted(String messageId, Hl7Route route) implements Outcome {
    }

    /** No route takes it: answer AR (sending it again will not help). */
    public record Unroutable(String detail) implements Outcome {
    }

    /**
     * The submission was refused: AR when the message or its route is wrong, AE when the gateway could not store it
     * (the sender may try again).
     */
    public record Refused(String error, String detail, boolean retryable) implements Outcome {
    }

    public Outcome accept(Hl7Fields fields, String contentType, byte[] content) {
        Optional<Hl7Route> found = routing.find(fields);
        if (found.isEmpty()) {
            String detail = "no route in the MLLP routing table takes " + describe(fields);
            log.warn("HL7 message {} refused: {}", fields.controlId(), detail);
            return new Unroutable(detail);
        }
        Hl7Route route = found.get();
        Submission submission = new Submission(route.cpaId(), route.service(), route.action(), route.from(),
                route.to(), List.of(new Submission.Payload(contentType, content)), fields.controlId(),
                route.feed());
        SubmissionResult result = submit.submit(submission);
        if (result instanceof SubmissionResult.Accepted accepted) {
            log.debug("HL7 message {} accepted as {} by route {}", fields.controlId(), accepted.messageId(),
                    route.name());
            recordOrigin(accepted.messageId(), fields.controlId(), route);
            return new Accepted(accepted.messageId(), route);
        }
        SubmissionResult.Refused refused = (SubmissionResult.Refused) result;
        log.warn("HL7 message {} (route {}) refused: {} {}", fields.controlId(), route.name(), refused.error(),
                refused.detail());
        return new Refused(refused.error(), refused.detail() + " (route " + route.name() + ")",
                "Unavailable".equals(refused.error()));
    }

    /**
     * Remembers which route (and so which return destination) took the message, after its commit and before the AA.
     * A failure here loses no message: its answer, unmatched, takes the ordinary delivery with an event saying so.
     */
    private void recordOrigin(String messageId, String hl7Id, Hl7Route route) {
        if (route.returnTo() == null || origins == null) {
            return;
        }
        try {
            if (!origins.record(MessageId.of(messageId), hl7Id, route.name(), route.returnTo(), clock.instant())) {
                log.warn("the origin of HL7 message {} ({}) was not recorded: the message is not stored", hl7Id,
                        messageId);
            }
        } catch (RuntimeException e) {
            log.error("the origin of HL7 message {} ({}) could not be recorded; its answers will take the ordinary"
                    + " delivery: {}", hl7Id, messageId, e.toString());
        }
    }

    static String describe(Hl7Fields f) {
        return "MSH-3 " + f.sendingApplication() + ", MSH-4 " + f.sendingFacility() + ", MSH-5 "
                + f.receivingApplication() + ", MSH-6 " + f.receivingFacility() + ", MSH-9 " + f.messageType() + "^"
                + f.triggerEvent();
    }
}
