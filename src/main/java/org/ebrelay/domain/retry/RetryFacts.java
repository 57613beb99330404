package org.ebrelay.domain.retry;

import java.time.Instant;
import java.util.Objects;
import org.ebrelay.domain.reliability.DeliveryTerms;

/**
 * What the retry policy needs to know about one outbound message, as stored.
 *
 * @param attemptsInSequence    attempts made under the current ebXML retry sequence (0 before the first)
 * @param lastAttemptEndedAt    when the last attempt ended; null when none was made
 * @param lastAttemptDelivered  the partner's MSH accepted the last attempt, so its Acknowledgment may still come
 * @param terms                 the reliability terms copied at submission
 * @param messageIdTimestamp    eb:Timestamp of the current MessageId
 * @param timeToLive            eb:TimeToLive of the current MessageId, or null when the message carries none
 * @param deadline              the sender's local "deliver by" time, or null
 */
public record RetryFacts(int attemptsInSequence, Instant lastAttemptEndedAt, boolean lastAttemptDelivered,
                         DeliveryTerms terms, Instant messageIdTimestamp, Instant timeToLive, Instant deadline) {
    public RetryFacts {
        if (attemptsInSequence < 0) {
            throw new IllegalArgumentException("attemptsInSequence must not be negative: " + attemptsInSequence);
        }
        if (attemptsInSequence > 0) {
            Objects.requireNonNull(lastAttemptEndedAt, "lastAttemptEndedAt is required once an attempt was made");
        }
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(messageIdTimestamp, "messageIdTimestamp");
    }

    /** Facts of a message that has not been attempted yet. */
    public static RetryFacts firstAttempt(DeliveryTerms terms, Instant messageIdTimestamp, Instant timeToLive,
                                         Instant deadline) {
        return new RetryFacts(0, null, false, terms, messageIdTimestamp, timeToLive, deadline);
    }
}
