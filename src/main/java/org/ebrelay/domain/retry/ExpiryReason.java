package org.ebrelay.domain.retry;

/** Why a message may not be sent (again). */
public enum ExpiryReason {
    /** The message's eb:TimeToLive has been reached (RM-S5, HDR-7). */
    TIME_TO_LIVE,
    /** Timestamp + PersistDuration has been reached: the receiver may have forgotten the MessageId (RM-S5). */
    PERSIST_DURATION,
    /** The sending application's local deadline has been reached (digest §13.3). */
    DEADLINE
}
