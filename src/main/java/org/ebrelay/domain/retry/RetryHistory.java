package org.ebrelay.domain.retry;

import java.time.Instant;
import java.util.Objects;

/**
 * The reliability history of one outbound message that {@link RetryPolicy} decides on: the facts of its current ebXML
 * retry sequence and current MessageId, plus how far slow retry has gone.
 *
 * @param slowRetryRounds slow-retry wake-ups started so far (0 while in the first sequence)
 * @param submittedAt     when the application submitted it: slow retry's maxAge counts from here
 */
public record RetryHistory(RetryFacts facts, int slowRetryRounds, Instant submittedAt) {
    public RetryHistory {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (slowRetryRounds < 0) {
            throw new IllegalArgumentException("slowRetryRounds must not be negative: " + slowRetryRounds);
        }
    }
}
