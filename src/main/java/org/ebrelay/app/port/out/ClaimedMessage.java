package org.ebrelay.app.port.out;

import java.time.Instant;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.RetryFacts;
import org.ebrelay.domain.retry.RetryHistory;

/**
 * A due message this node claimed: now SENDING, leased to it until {@code leaseUntil}, its counters already raised
 * for the attempt (RM-S8: the counter is persisted before the send).
 *
 * @param claimedFrom        the state it was due in (SENDING when an expired lease was taken over)
 * @param attempts           attempts in total, including this one
 * @param sequenceAttempts   attempts in the current ebXML retry sequence, including this one
 * @param lastAttemptEndedAt end of the previous attempt, or null before the first
 * @param lastAttemptDelivered the partner's MSH accepted the previous attempt
 * @param slowRetryRounds    slow-retry wake-ups so far, including this claim when it is one (claimed from SLOW_RETRY)
 * @param submittedAt        when the application submitted it
 */
public record ClaimedMessage(Claim claim, OutboundState claimedFrom, MessageHeading heading, DeliveryTerms terms,
                             Instant timeToLive, Instant deadline, String endpointUrl, String soapAction,
                             WireBytes wire, int attempts, int sequenceAttempts, Instant lastAttemptEndedAt,
                             boolean lastAttemptDelivered, Instant leaseUntil, int slowRetryRounds,
                             Instant submittedAt) {

    public InternalId id() {
        return claim.id();
    }

    /**
     * The retry facts as they were before this claim: ask the policy with them whether to send now; if not, record
     * the decision with {@link AttemptOutcome#notAttempted}, which hands the counted attempt back.
     */
    public RetryFacts retryFactsBeforeClaim() {
        int before = sequenceAttempts - 1;
        return new RetryFacts(before, before == 0 ? null : lastAttemptEndedAt, lastAttemptDelivered, terms,
                heading.timestamp(), timeToLive, deadline);
    }

    /** {@link #retryFactsBeforeClaim()} with how far slow retry has gone, for {@code RetryPolicy}. */
    public RetryHistory retryHistoryBeforeClaim() {
        return new RetryHistory(retryFactsBeforeClaim(), slowRetryRounds, submittedAt);
    }

    /** The same claim after MessageId regeneration: the new id, Timestamp, TimeToLive and re-encoded bytes. */
    public ClaimedMessage underNewId(MessageId messageId, Instant timestamp, Instant newTimeToLive, WireBytes newWire) {
        return new ClaimedMessage(claim, claimedFrom, heading.withMessageId(messageId, timestamp), terms, newTimeToLive,
                deadline, endpointUrl, soapAction, newWire, attempts, sequenceAttempts, lastAttemptEndedAt,
                lastAttemptDelivered, leaseUntil, slowRetryRounds, submittedAt);
    }
}
