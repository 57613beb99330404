package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Objects;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.reliability.OutboundTransitions;

/**
 * How a claim ended: the state the message moves to from SENDING, recorded with one event. Recorded only while the
 * claim is still the message's current one.
 *
 * @param at            when the attempt ended (the next RetryInterval counts from here, RM-S8)
 * @param attempted     false when the claim ended without sending (the policy said no): the counted attempt is
 *                      handed back and the previous attempt's end time kept
 * @param delivered     the partner's MSH accepted the attempt (HTTP 2xx), so an Acknowledgment may follow
 * @param nextAttemptAt when the message is due again; required exactly for {@link OutboundState#isScheduled()}
 *                      states
 */
public record AttemptOutcome(Claim claim, OutboundState to, Instant at, boolean attempted, boolean delivered,
                             Instant nextAttemptAt, EventType event, String detail) {
    public AttemptOutcome {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        if (to == OutboundState.SENDING) {
            throw new IllegalArgumentException("an attempt cannot end in SENDING");
        }
        OutboundTransitions.requireAllowed(OutboundState.SENDING, to);
        if (to.isScheduled() != (nextAttemptAt != null)) {
            throw new IllegalArgumentException(to + (to.isScheduled() ? " needs" : " takes no") + " next attempt time");
        }
        if (!attempted && delivered) {
            throw new IllegalArgumentException("an attempt that was not made cannot have been delivered");
        }
    }

    /** The partner's MSH accepted it; the Acknowledgment is awaited until {@code ackDueBy}. */
    public static AttemptOutcome awaitingAck(Claim claim, Instant at, Instant ackDueBy, String detail) {
        return new AttemptOutcome(claim, OutboundState.AWAITING_ACK, at, true, true, ackDueBy,
                EventType.SEND_ACCEPTED, detail);
    }

    /** Done: acknowledged on the HTTP response, or accepted by the partner's endpoint for a best-effort message. */
    public static AttemptOutcome completed(Claim claim, Instant at, EventType event, String detail) {
        return new AttemptOutcome(claim, OutboundState.COMPLETE, at, true, true, null, event, detail);
    }

    /** The attempt failed in a retryable way; the next one is due at {@code retryAt}. */
    public static AttemptOutcome retryAt(Claim claim, Instant at, Instant retryAt, String detail) {
        return new AttemptOutcome(claim, OutboundState.RETRYING, at, true, false, retryAt,
                EventType.SEND_FAILED, detail);
    }

    /** The partner refused it for good (a MessageError on the response, a permanent HTTP or SOAP failure). */
    public static AttemptOutcome rejected(Claim claim, Instant at, boolean delivered, String detail) {
        return new AttemptOutcome(claim, OutboundState.FAILED, at, true, delivered, null,
                EventType.PARTNER_ERROR, detail);
    }

    /**
     * The claim ended without an attempt (retries exhausted, expired, or handed back): moves to {@code to} and
     * hands the counted attempt back.
     */
    public static AttemptOutcome notAttempted(Claim claim, Instant at, OutboundState to, Instant nextAttemptAt,
                                              EventType event, String detail) {
        return new AttemptOutcome(claim, to, at, false, false, nextAttemptAt, event, detail);
    }
}
