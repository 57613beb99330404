package org.ebrelay.app.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.MessageId;

/**
 * What the dispatcher tells the rest of the node about: metrics, and the notices to the application and the
 * administrators (issue 4). Every method has a no-op default; {@link #all} fans one call out to several listeners.
 * Listeners are called after the change they report is committed, on the dispatcher's threads: they must be quick
 * and must not throw (a failing listener is logged and skipped by {@link #all}).
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

    /**
     * The CPA's Retries are used up without an acknowledgment (RM-S6): the application and admins must know.
     * What follows is slow retry ({@code nextAttemptAt} set) or manual handling ({@code nextAttemptAt} null, and
     * {@link #waitingForManualHandling} is called too).
     */
    default void retriesExhausted(MessageHeading heading, int attempts, String lastFailure, Instant nextAttemptAt) {
    }

    /** The message went out of slow retry (exhausted, or a multi-hop route) and waits for an operator (MANUAL). */
    default void waitingForManualHandling(MessageHeading heading, String reason) {
    }

    /**
     * PersistDuration passed for the current MessageId: the message goes on under a new one. {@code heading} carries
     * the new id; {@code previous} the one it replaced.
     */
    default void messageIdRegenerated(MessageHeading heading, MessageId previous) {
    }

    /** The partner refused the message for good (a MessageError), or it expired. */
    default void failed(MessageHeading heading, String reason) {
    }

    /** One listener calling each of {@code listeners} in turn; one that throws is logged and the rest still run. */
    static OutboundListener all(List<OutboundListener> listeners) {
        return new OutboundListeners(List.copyOf(listeners));
    }

    /**
     * Like {@link #all}, over a list that may change while it is used: each call goes to the listeners the list
     * holds at that moment ({@code live} must be safe to iterate while others add to it, e.g. a
     * CopyOnWriteArrayList).
     */
    static OutboundListener each(List<OutboundListener> live) {
        return new OutboundListeners(live);
    }
}
