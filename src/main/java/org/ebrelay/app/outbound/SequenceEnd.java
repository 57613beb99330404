package org.ebrelay.app.outbound;

import java.time.Instant;
import org.ebrelay.app.port.out.AttemptOutcome;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.ManualReason;
import org.ebrelay.domain.retry.RetryDecision;

/**
 * How a claim ends when the retry policy ends an ebXML retry sequence (RM-S6): slow retry (SLOW_RETRY, due at the
 * wake-up, SLOW_RETRY_ENTERED) or manual handling (MANUAL; RETRIES_EXHAUSTED, or SLOW_RETRY_EXHAUSTED when slow
 * retry ran out). {@code attempted}: decided after this claim's attempt failed, rather than at the claim.
 */
final class SequenceEnd {
    private SequenceEnd() {
    }

    static AttemptOutcome slowRetry(ClaimedMessage m, RetryDecision.EnterSlowRetry slow, Instant at,
                                    boolean attempted, String lastFailure) {
        String detail = "no acknowledgment after " + slow.attempts() + " attempts" + last(lastFailure)
                + "; slow-retry wake-up " + slow.round() + " at " + slow.wakeUpAt();
        return new AttemptOutcome(m.claim(), OutboundState.SLOW_RETRY, at, attempted, false, slow.wakeUpAt(),
                EventType.SLOW_RETRY_ENTERED, detail);
    }

    static AttemptOutcome manual(ClaimedMessage m, RetryDecision.ManualHandling manual, Instant at, boolean attempted,
                                 String lastFailure) {
        String detail = "no acknowledgment after " + manual.attempts() + " attempts" + last(lastFailure) + "; "
                + why(manual.reason(), m);
        boolean slowRetryRanOut = manual.reason() == ManualReason.SLOW_RETRY_COUNT
                || manual.reason() == ManualReason.SLOW_RETRY_AGE;
        return new AttemptOutcome(m.claim(), OutboundState.MANUAL, at, attempted, false, null,
                slowRetryRanOut ? EventType.SLOW_RETRY_EXHAUSTED : EventType.RETRIES_EXHAUSTED, detail);
    }

    private static String why(ManualReason reason, ClaimedMessage m) {
        return switch (reason) {
            case RETRIES_EXHAUSTED -> "no slow retry for this route: waits for an operator";
            case MULTI_HOP -> "multi-hop route (no slow retry): waits for an operator";
            case SLOW_RETRY_COUNT -> "slow retry exhausted after " + m.slowRetryRounds()
                    + " wake-ups: waits for an operator";
            case SLOW_RETRY_AGE -> "slow retry exhausted: the next wake-up would pass the maximum age"
                    + " (submitted " + m.submittedAt() + "): waits for an operator";
        };
    }

    private static String last(String lastFailure) {
        return lastFailure == null ? "" : "; last: " + lastFailure;
    }
}
