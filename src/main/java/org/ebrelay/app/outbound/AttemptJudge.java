package org.ebrelay.app.outbound;

import java.util.Optional;

import org.ebrelay.app.IncomingSignals;
import org.ebrelay.app.port.out.AttemptOutcome;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.RetryDecision;
import org.ebrelay.domain.retry.RetryFacts;
import org.ebrelay.domain.retry.RetryHistory;

import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Turns how an attempt went into where the message goes next (digest §13.2, HTTP-6, SYN-5): an Acknowledgment
 * in the response completes it; a MessageError (Error) in it fails it; a 2xx without one leaves it awaiting its
 * Acknowledgment for RetryInterval (best effort: complete); a retryable failure asks the retry policy; a permanent
 * one fails it. Any other signal in the response goes to {@link IncomingSignals}.
 *
 * <p>A MessageError whose only errors are TimeToLiveExpired (HDR-7) refused this MessageId, not the message: it counts
 * as a failed attempt, and the verdict asks for a new MessageId (with a new TimeToLive) before the next one.
 */
final class AttemptJudge {
    private final MessageCodec codec;
    private final IncomingSignals signals;
    private final RetrySetup retry;

    AttemptJudge(MessageCodec codec, IncomingSignals signals, RetrySetup retry) {
        this.codec = codec;
        this.signals = signals;
        this.retry = retry;
    }

    /** @param renewId the partner refused the MessageId as expired: give the message a new one before the next send */
    record Verdict(AttemptOutcome outcome, boolean renewId) {
    }

    Verdict judge(ClaimedMessage m, SendOutcome outcome, Instant endedAt) {
        if (outcome instanceof SendOutcome.Answered answered) {
            EbmsMessage signal = signalIn(answered);
            if (signal != null && m.heading().messageId().equals(signal.header().refToMessageId())
                    && refusedAsExpired(signal)) {
                return new Verdict(afterFailure(m, endedAt, "MessageError: " + describe(signal)), true);
            }
            return new Verdict(answered(m, answered, signal, endedAt), false);
        }
        return new Verdict(failed(m, outcome, endedAt), false);
    }

    private AttemptOutcome failed(ClaimedMessage m, SendOutcome outcome, Instant endedAt) {
        if (outcome instanceof SendOutcome.RetryableFailure failure) {
            return afterFailure(m, endedAt,
                    failure.reason() + (failure.status() == null ? "" : " (HTTP " + failure.status() + ")"));
        }
        SendOutcome.PermanentFailure failure = (SendOutcome.PermanentFailure) outcome;
        return AttemptOutcome.rejected(m.claim(), endedAt, false,
                "refused by the partner: " + failure.reason() + " (HTTP " + failure.status() + ")");
    }

    /** The ebXML message in the response, if any. */
    private EbmsMessage signalIn(SendOutcome.Answered answered) {
        if (answered.body() == null || answered.body().body().length == 0) {
            return null;
        }
        Decoded reply = codec.decode(answered.body());
        return reply.message();
    }

    private static boolean refusedAsExpired(EbmsMessage signal) {
        return signal.kind() == MessageKind.MESSAGE_ERROR && signal.errorList() != null
                && signal.errorList().highestSeverity() == Severity.ERROR
                && signal.errorList().errors().stream().filter(e -> e.severity() == Severity.ERROR)
                        .allMatch(e -> ErrorCode.TIME_TO_LIVE_EXPIRED.wireName().equals(e.errorCode()));
    }

    private AttemptOutcome answered(ClaimedMessage m, SendOutcome.Answered answered, EbmsMessage signal, Instant at) {
        if (signal != null) {
            if (m.heading().messageId().equals(signal.header().refToMessageId())) {
                if (signal.kind() == MessageKind.ACKNOWLEDGMENT) {
                    Optional<String> refused = retry.ackCheck().problem(m, answered.body(), signal, at);
                    if (refused.isPresent()) {
                        return afterFailure(m, at, "SecurityFailure: the Acknowledgment is refused: " + refused.get());
                    }
                    return AttemptOutcome.completed(m.claim(), at, EventType.ACKNOWLEDGED, "acknowledged synchronously");
                }
                if (signal.kind() == MessageKind.MESSAGE_ERROR && signal.errorList() != null
                        && signal.errorList().highestSeverity() == Severity.ERROR) {
                    return AttemptOutcome.rejected(m.claim(), at, true, "MessageError: " + describe(signal));
                }
            }
            signals.handle(signal, at);
        }
        if (!m.terms().ackRequested()) {
            return AttemptOutcome.completed(m.claim(), at, EventType.SEND_ACCEPTED,
                    "accepted by the partner (HTTP " + answered.status() + "), no acknowledgment requested");
        }
        return AttemptOutcome.awaitingAck(m.claim(), at, at.plus(m.terms().retryInterval()),
                "HTTP " + answered.status() + "; acknowledgment awaited");
    }

    /** After a failed attempt: retry when the policy allows, else slow retry, manual handling or expired. */
    private AttemptOutcome afterFailure(ClaimedMessage m, Instant at, String reason) {
        RetryFacts after = new RetryFacts(m.sequenceAttempts(), at, false, m.terms(), m.heading().timestamp(),
                m.timeToLive(), m.deadline());
        RetryHistory history = new RetryHistory(after, m.slowRetryRounds(), m.submittedAt());
        RetryDecision decision = retry.policy().decide(history, () -> retry.rulesFor(m.heading()), at);
        if (decision instanceof RetryDecision.WaitUntil wait) {
            return AttemptOutcome.retryAt(m.claim(), at, wait.at(), reason);
        }
        if (decision instanceof RetryDecision.EnterSlowRetry slow) {
            return SequenceEnd.slowRetry(m, slow, at, true, reason);
        }
        if (decision instanceof RetryDecision.ManualHandling manual) {
            return SequenceEnd.manual(m, manual, at, true, reason);
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
