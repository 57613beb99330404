package org.ebrelay.domain.retry;

import java.time.Instant;
import java.util.Objects;

/**
 * What to do next with an outbound message. Issue 4 adds decisions (slow retry, send under a new MessageId);
 * callers should treat an unknown decision as a programming error.
 */
public sealed interface RetryDecision
        permits RetryDecision.SendNow, RetryDecision.WaitUntil, RetryDecision.RetriesExhausted, RetryDecision.Expired {

    /** Attempt it now, under the current MessageId. */
    record SendNow() implements RetryDecision {
    }

    /** Nothing to do before {@code at}; ask again then (or when an Acknowledgment arrives). */
    record WaitUntil(Instant at) implements RetryDecision {
        public WaitUntil {
            Objects.requireNonNull(at, "at");
        }
    }

    /** 1 + Retries attempts were made and no Acknowledgment came in time (RM-S6). */
    record RetriesExhausted(int attempts) implements RetryDecision {
    }

    /** The message may not be sent again, because of {@code reason} reached at {@code at} (RM-S5). */
    record Expired(ExpiryReason reason, Instant at) implements RetryDecision {
        public Expired {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
