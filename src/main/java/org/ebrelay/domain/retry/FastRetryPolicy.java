package org.ebrelay.domain.retry;

import java.time.Instant;
import java.util.Optional;
import org.ebrelay.domain.reliability.DeliveryTerms;

/**
 * The ebMS 2.0 retry rule under one MessageId (digest §13.2), as a pure function of the stored facts and {@code now}.
 *
 * <ol>
 * <li>While an Acknowledgment may still come for the last attempt (ackRequested and the partner's MSH accepted it),
 *     wait RetryInterval from the end of that attempt (RM-S3, RM-S8).</li>
 * <li>After 1 + Retries attempts, with no Acknowledgment pending: retries are exhausted (RM-S3, RM-S6).</li>
 * <li>No send at or after TimeToLive, Timestamp + PersistDuration or the local deadline, whichever comes first
 *     (RM-S5); a wait that would end later ends there instead, to report the expiry on time.</li>
 * <li>Otherwise send, the first attempt at once, later ones RetryInterval after the previous attempt ended.</li>
 * </ol>
 * Slow retry and MessageId regeneration (issue 4) build on these decisions.
 */
public final class FastRetryPolicy {

    public RetryDecision decide(RetryFacts facts, Instant now) {
        DeliveryTerms terms = facts.terms();
        int attempts = facts.attemptsInSequence();
        Instant earliest = attempts == 0 ? now : facts.lastAttemptEndedAt().plus(terms.retryInterval());
        boolean ackPending = attempts > 0 && terms.ackRequested() && facts.lastAttemptDelivered();
        if (ackPending && now.isBefore(earliest)) {
            return new RetryDecision.WaitUntil(earliest);
        }
        if (attempts >= terms.maxAttempts()) {
            return new RetryDecision.RetriesExhausted(attempts);
        }
        Optional<RetryDecision.Expired> expiry = firstExpiry(facts);
        if (expiry.isPresent() && !now.isBefore(expiry.get().at())) {
            return expiry.get();
        }
        if (now.isBefore(earliest)) {
            Instant until = expiry.map(RetryDecision.Expired::at).filter(earliest::isAfter).orElse(earliest);
            return new RetryDecision.WaitUntil(until);
        }
        return new RetryDecision.SendNow();
    }

    /** The earliest point after which the message may not go out; ties go to TimeToLive, then PersistDuration. */
    static Optional<RetryDecision.Expired> firstExpiry(RetryFacts facts) {
        RetryDecision.Expired first = null;
        first = earlier(first, ExpiryReason.TIME_TO_LIVE, facts.timeToLive());
        if (facts.terms().persistDuration() != null) {
            Instant forgotten = facts.messageIdTimestamp().plus(facts.terms().persistDuration());
            first = earlier(first, ExpiryReason.PERSIST_DURATION, forgotten);
        }
        first = earlier(first, ExpiryReason.DEADLINE, facts.deadline());
        return Optional.ofNullable(first);
    }

    private static RetryDecision.Expired earlier(RetryDecision.Expired current, ExpiryReason reason, Instant at) {
        if (at == null || (current != null && !at.isBefore(current.at()))) {
            return current;
        }
        return new RetryDecision.Expired(reason, at);
    }
}
