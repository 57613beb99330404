package org.ebrelay.domain.cpa;

import java.time.Duration;

/**
 * ReliableMessaging and PersistDuration of one ebXMLSenderBinding or ebXMLReceiverBinding.
 *
 * @param reliableMessaging whether ReliableMessaging is present
 * @param retries           maximum re-sends after the first attempt (RM-S3); 0 when absent
 * @param retryInterval     minimum wait before each re-send (RM-S3); zero when absent
 * @param orderGuaranteed   MessageOrderSemantics is Guaranteed (ORD-1)
 * @param persistDuration   how long MessageIds are kept for duplicate elimination (RM-R7, RM-S5), or null when absent
 */
public record ReliabilityTerms(boolean reliableMessaging, int retries, Duration retryInterval,
                               boolean orderGuaranteed, Duration persistDuration) {
    /** No ReliableMessaging and no PersistDuration: best effort. */
    public static final ReliabilityTerms BEST_EFFORT = new ReliabilityTerms(false, 0, Duration.ZERO, false, null);

    public ReliabilityTerms {
        Require.that(retries >= 0, "Retries must not be negative: " + retries);
        Require.nonNull(retryInterval, "retryInterval");
        Require.that(!retryInterval.isNegative(), "RetryInterval must not be negative: " + retryInterval);
        Require.that(persistDuration == null || persistDuration.compareTo(Duration.ZERO) > 0,
                "PersistDuration must be positive: " + persistDuration);
    }

    /** The sender's whole retry window, (1 + Retries) x RetryInterval (RM-R7). */
    public Duration retryWindow() {
        return retryInterval.multipliedBy(1L + retries);
    }
}
