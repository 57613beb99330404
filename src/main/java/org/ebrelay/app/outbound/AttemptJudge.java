package org.ebrelay.app.outbound;

import org.ebrelay.app.IncomingSignals;
import org.ebrelay.app.port.out.AttemptOutcome;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.FastRetryPolicy;
import org.ebrelay.domain.retry.RetryDecision;
import org.ebrelay.domain.retry.RetryFacts;

import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Turns how an attempt went into where the message goes next (digest §13.2, HTTP-6, SYN-5): an Acknowledgment
 * in the response completes it; a MessageError (Error) in it fails it; a 2xx without one leaves it awaiting its
 * Acknowledgment for RetryInterval (best effort: complete); a retryable failure asks the retry policy; a permanent
 * one fails it. Any other signal in the response goes to {@link IncomingSignals}.
 */
final class AttemptJudge {
    private final MessageCodec codec;
    private final IncomingSignals signals;
    private final FastRetryPolicy policy;

    AttemptJudge(MessageCodec codec, IncomingSignals signals, FastRetryPolicy policy) {
        this.codec = codec;
        this.signals = signals;
        this.policy = policy;
    }

    AttemptOutcome judge(ClaimedMessage m, SendOutcome outcome, Instant endedAt) {
        if (outcome instanceof SendOutcome.Answered answered) {
            return answered(m, answered, endedAt);
        }
        if (outcome instanceof SendOutcome.RetryableFailure failure) {
            return afterFailure(m, endedAt,
                    failure.reason() + (failure.status() == null ? "" : " (HTTP " + failure.status() + ")"));
        }
        SendOutcome.PermanentFailure failure = (SendOutcome.PermanentFailure) outcome;
        return AttemptOutcome.rejected(m.claim(), endedAt, false,
                "refused by the partner: " + failure.reason() + " (HTTP " + failure.status() + ")");
    }

    private AttemptOutcome answered(ClaimedMessage m, SendOutcome.Answered answered, Instant at) {
        if (answered.body() != null && answered.body().body().length > 0) {
            Decoded reply = codec.decode(answered.body());
            EbmsMessage signal = reply.message();
            if (signal != null && m.heading().messageId().equals(signal.header().refToMessageId())) {
                if (signal.kind() == MessageKind.ACKNOWLEDGMENT) {
                    return AttemptOutcome.completed(m.claim(), at, EventType.ACKNOWLEDGED, "acknowledged synchronously");
                }
                if (signal.kind() == MessageKind.MESSAGE_ERROR && signal.errorList() != null
                        && signal.errorList().highestSeverity() == Severity.ERROR) {
                    return AttemptOutcome.rejected(m.claim(), at, true, "MessageError: " + describe(signal));
                }
            }
            if (signal != null) {
                signals.handle(signal, at);
            }
        }
        if (!m.terms().ackRequested()) {
            return AttemptOutcome.completed(m.claim(), at, EventType.SEND_ACCEPTED,
                    "accepted by the partner (HTTP " + answered.status() + "), no acknowledgment requested");
        }
        return AttemptOutcome.awaitingAck(m.claim(), at, at.plus(m.terms().retryInterval()),
                "HTTP " + answered.status() + "; acknowledgment awaited");
    }

    /** After a failed attempt: retry when the policy allows, else retries exhausted or expired. */
    private AttemptOutcome afterFailure(ClaimedMessage m, Instant at, String reason) {
        RetryFacts after = new RetryFacts(m.sequenceAttempts(), at, false, m.terms(), m.heading().timestamp(),
                m.timeToLive(), m.deadline());
        RetryDecision decision = policy.decide(after, at);
        if (decision instanceof RetryDecision.WaitUntil wait) {
            return AttemptOutcome.retryAt(m.claim(), at, wait.at(), reason);
        }
        if (decision instanceof RetryDecision.RetriesExhausted exhausted) {
            return new AttemptOutcome(m.claim(), OutboundState.MANUAL, at, true, false, null,
                    EventType.RETRIES_EXHAUSTED, "no acknowledgment after " + exhausted.attempts() + " attempts; last: "
                    + reason);
        }
        if (decision instanceof RetryDecision.Expired expired) {
            return new AttemptOutcome(m.claim(), OutboundState.EXPIRED, at, true, false, null, EventType.EXPIRED,
                    expired.reason() + " passed at " + expired.at() + "; last: " + reason);
        }
        return AttemptOutcome.retryAt(m.claim(), at, at, reason);
    }

    private static String describe(EbmsMessage error) {
        return error.errorList().errors().stream().map(AttemptJudge::describe).collect(Collectors.joining("; "));
    }

    static String describe(EbmsError e) {
        return e.errorCode() + " (" + e.severity().wireName() + ")"
                + (e.location() == null ? "" : " at " + e.location())
                + (e.description() == null ? "" : ": " + e.description());
    }
}
