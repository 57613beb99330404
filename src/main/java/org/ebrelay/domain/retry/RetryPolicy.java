package org.ebrelay.domain.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import org.ebrelay.domain.reliability.DeliveryTerms;

/**
 * The whole resend rule of ebrelay (issue 4) as a pure function of a message's history, its route's rules and
 * {@code now}. Within one ebXML retry sequence it is {@link FastRetryPolicy} (RM-S3, RM-S8), with two changes:
 *
 * <ol>
 * <li><b>MessageId regeneration.</b> PersistDuration no longer ends the message. Before every send, if
 *     {@code now + margin >= Timestamp + PersistDuration} of the current MessageId (the receiver may have forgotten
 *     it), or the current id's TimeToLive has passed, the answer is {@link RetryDecision.SendUnderNewId}: the message
 *     goes out under a new MessageId with a new Timestamp and TimeToLive. The margin covers clock skew and transit;
 *     like {@link TimeToLiveRule}'s it is capped at a tenth of PersistDuration, so short test durations still leave
 *     a usable id.</li>
 * <li><b>After the sequence.</b> When 1 + Retries attempts went unacknowledged: a multi-hop route, or a route
 *     without slow retry, waits for an operator; otherwise slow retry sleeps firstInterval × multiplier^n (capped)
 *     from now and wakes up for a fresh sequence, until its count or age limit, then waits for an operator.</li>
 * </ol>
 * A message expires only by the sender's deadline, or by TimeToLive when the CPA gives no PersistDuration (no
 * regeneration is possible then).
 */
public final class RetryPolicy {
    /** Default margin of the regeneration rule: clock skew plus transit. */
    public static final Duration DEFAULT_REGENERATION_MARGIN = Duration.ofMinutes(5);

    private final FastRetryPolicy sequence = new FastRetryPolicy();
    private final Duration margin;

    public RetryPolicy(Duration regenerationMargin) {
        Objects.requireNonNull(regenerationMargin, "regenerationMargin");
        if (regenerationMargin.isNegative()) {
            throw new IllegalArgumentException("regenerationMargin must not be negative: " + regenerationMargin);
        }
        this.margin = regenerationMargin;
    }

    public RetryPolicy() {
        this(DEFAULT_REGENERATION_MARGIN);
    }

    public RetryDecision decide(RetryHistory history, RetryRules rules, Instant now) {
        return decide(history, () -> rules, now);
    }

    /** The same, asking for the route's rules only when a sequence ends (resolving them reads the CPA). */
    public RetryDecision decide(RetryHistory history, Supplier<RetryRules> rules, Instant now) {
        RetryFacts facts = history.facts();
        boolean renewable = facts.terms().persistDuration() != null;
        RetryDecision next = sequence.decide(renewable ? withoutIdLimits(facts) : facts, now);
        if (next instanceof RetryDecision.RetriesExhausted exhausted) {
            return afterSequence(history, rules.get(), exhausted.attempts(), now);
        }
        if (next instanceof RetryDecision.SendNow && renewable && mustRenewId(facts, now)) {
            return new RetryDecision.SendUnderNewId();
        }
        return next;
    }

    /** When the current MessageId may no longer go out (the regeneration rule); null without PersistDuration. */
    public Instant idRenewalDue(RetryFacts facts) {
        Duration persist = facts.terms().persistDuration();
        if (persist == null) {
            return null;
        }
        Instant forgotten = facts.messageIdTimestamp().plus(persist).minus(cappedMargin(persist));
        return facts.timeToLive() != null && facts.timeToLive().isBefore(forgotten) ? facts.timeToLive() : forgotten;
    }

    private boolean mustRenewId(RetryFacts facts, Instant now) {
        return !now.isBefore(idRenewalDue(facts));
    }

    private Duration cappedMargin(Duration persist) {
        Duration cap = persist.dividedBy(10);
        return margin.compareTo(cap) > 0 ? cap : margin;
    }

    /** The same facts without the limits a new MessageId lifts (PersistDuration and TimeToLive of the current id). */
    private static RetryFacts withoutIdLimits(RetryFacts facts) {
        DeliveryTerms t = facts.terms();
        DeliveryTerms unlimited = new DeliveryTerms(t.ackRequested(), t.duplicateElimination(), t.syncReply(),
                t.retries(), t.retryInterval(), null);
        return new RetryFacts(facts.attemptsInSequence(), facts.lastAttemptEndedAt(), facts.lastAttemptDelivered(),
                unlimited, facts.messageIdTimestamp(), null, facts.deadline());
    }

    private static RetryDecision afterSequence(RetryHistory history, RetryRules rules, int attempts, Instant now) {
        if (rules.multiHop()) {
            return new RetryDecision.ManualHandling(ManualReason.MULTI_HOP, attempts);
        }
        SlowRetrySettings slow = rules.slowRetry();
        if (!slow.enabled()) {
            return new RetryDecision.ManualHandling(ManualReason.RETRIES_EXHAUSTED, attempts);
        }
        int round = history.slowRetryRounds() + 1;
        if (slow.maxAttempts() != null && round > slow.maxAttempts()) {
            return new RetryDecision.ManualHandling(ManualReason.SLOW_RETRY_COUNT, attempts);
        }
        Instant wakeUp = now.plus(slow.intervalBefore(round));
        if (slow.maxAge() != null && wakeUp.isAfter(history.submittedAt().plus(slow.maxAge()))) {
            return new RetryDecision.ManualHandling(ManualReason.SLOW_RETRY_AGE, attempts);
        }
        return new RetryDecision.EnterSlowRetry(wakeUp, round, attempts);
    }
}
