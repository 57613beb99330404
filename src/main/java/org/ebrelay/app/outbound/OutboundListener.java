package org.ebrelay.app.outbound;

import org.ebrelay.app.port.out.MessageHeading;

import java.time.Duration;

/**
 * What the dispatcher tells the rest of the node about (metrics now; notifications with the slow-retry issue).
 * Every method has a no-op default.
 */
public interface OutboundListener {
    OutboundListener NONE = new OutboundListener() {
    };

    /** An attempt's HTTP exchange ended; {@code duration} is its round trip. */
    default void attempted(MessageHeading heading, Duration duration, boolean retry) {
    }

    /** Acknowledged (or, best effort, accepted): {@code sinceCreated} from the message's Timestamp. */
    default void completed(MessageHeading heading, Duration sinceCreated) {
    }

    /** The CPA's Retries are used up without an acknowledgment (RM-S6): the application and admins must know. */
    default void retriesExhausted(MessageHeading heading, int attempts, String lastFailure) {
    }

    /** The partner refused the message for good. */
    default void failed(MessageHeading heading, String reason) {
    }
}
