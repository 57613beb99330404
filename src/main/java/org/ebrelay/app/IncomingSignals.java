package org.ebrelay.app;

import org.ebrelay.domain.message.EbmsMessage;

import java.time.Instant;

/**
 * What to do with an MSH signal about one of our own messages (an Acknowledgment, a MessageError, a Pong, a
 * StatusResponse), whether it came back on the HTTP response of our request (synchronous) or as a request of its
 * own (asynchronous): one place, so both paths settle messages the same way.
 */
public interface IncomingSignals {
    /** Settles or correlates {@code signal}; unknown references are recorded and otherwise ignored. */
    void handle(EbmsMessage signal, Instant receivedAt);
}
