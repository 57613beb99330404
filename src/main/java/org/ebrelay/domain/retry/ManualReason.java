package org.ebrelay.domain.retry;

/** Why a message stopped being retried and waits for an operator (MANUAL). */
public enum ManualReason {
    /** The CPA's retries are exhausted and slow retry is off for this route. */
    RETRIES_EXHAUSTED,
    /** The route goes through an intermediary (multi-hop): slow retry is not used there. */
    MULTI_HOP,
    /** Slow retry made its maximum number of wake-ups. */
    SLOW_RETRY_COUNT,
    /** The next slow-retry wake-up would come after the maximum age. */
    SLOW_RETRY_AGE
}
