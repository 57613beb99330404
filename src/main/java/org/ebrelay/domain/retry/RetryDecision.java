package org.ebrelay.domain.retry;

import java.time.Instant;
import java.util.Objects;

/**
 * What to do next with an outbound message. {@link FastRetryPolicy} answers SendNow, WaitUntil, RetriesExhausted or
 * Expired; {@link RetryPolicy} replaces RetriesExhausted by EnterSlowRetry or ManualHandling and adds SendUnderNewId.
 * Callers should treat an unknown decision as a programming error.
 */
public sealed interface RetryDecision
        permits RetryDecision.SendNow, RetryDecision.SendUnderNewId, RetryDecision.WaitUntil,
        RetryDecision.RetriesExhausted, RetryDecision.EnterSlowRetry, RetryDecision.ManualHandling,
        RetryDecision.Expired {

    /** Attempt it now, under the current MessageId. */
    record SendNow() implements RetryDecision {
    }

    /**
     * Attempt it now, but not under the current MessageId: the receiver may forget it (PersistDuration) or its
     * TimeToLive has passed. Assign a new MessageId, Timestamp and TimeToLive first.
     */
    record SendUnderNewId() implements RetryDecision {
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

    /**
     * The ebXML retry sequence of {@code attempts} attempts is exhausted (RM-S6): sleep until {@code wakeUpAt}, slow-retry
     * wake-up number {@code round}, which starts a fresh sequence.
     */
    record EnterSlowRetry(Instant wakeUpAt, int round, int attempts) implements RetryDecision {
        public EnterSlowRetry {
            Objects.requireNonNull(wakeUpAt, "wakeUpAt");
        }
    }

    /** No more automatic attempts: the message waits for an operator (MANUAL), for {@code reason}. */
    record ManualHandling(ManualReason reason, int attempts) implements RetryDecision {
        public ManualHandling {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The message may not be sent again, because of {@code reason} reached at {@code at} (RM-S5). */
    record Expired(ExpiryReason reason, Instant at) implements RetryDecision {
        public Expired {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }
}
