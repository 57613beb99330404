package org.ebrelay.domain.reliability;

import java.time.Duration;
import java.util.Objects;

/**
 * The reliability terms of one outbound message, copied from its CPA when it is submitted so that a CPA change does
 * not alter a message in flight (digest §13.1).
 *
 * @param ackRequested         eb:AckRequested is on the message: it is complete only when acknowledged
 * @param duplicateElimination eb:DuplicateElimination is on the message
 * @param syncReply            eb:SyncReply is on the message: the Acknowledgment comes back on the HTTP response
 * @param retries              re-sends allowed after the first attempt (RM-S3)
 * @param retryInterval        minimum wait from the end of an attempt to the next one (RM-S3, RM-S8)
 * @param persistDuration      how long the receiver remembers the MessageId, or null when the CPA gives none
 */
public record DeliveryTerms(boolean ackRequested, boolean duplicateElimination, boolean syncReply, int retries,
                            Duration retryInterval, Duration persistDuration) {
    public DeliveryTerms {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        Objects.requireNonNull(retryInterval, "retryInterval");
        if (retryInterval.isNegative()) {
            throw new IllegalArgumentException("retryInterval must not be negative: " + retryInterval);
        }
        if (persistDuration != null && (persistDuration.isNegative() || persistDuration.isZero())) {
            throw new IllegalArgumentException("persistDuration must be positive: " + persistDuration);
        }
    }

    /** Attempts allowed in one ebXML retry sequence: 1 + Retries (RM-S3). */
    public int maxAttempts() {
        return 1 + retries;
    }
}
