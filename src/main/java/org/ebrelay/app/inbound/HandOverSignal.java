package org.ebrelay.app.inbound;

import org.ebrelay.app.IncomingSignals;

/**
 * Digest §16 step 10: an Acknowledgment, MessageError, Pong or StatusResponse about one of our own messages goes to
 * {@link IncomingSignals}, the one place that settles or correlates them; the POST is answered 204.
 */
final class HandOverSignal {
    private final IncomingSignals signals;

    HandOverSignal(IncomingSignals signals) {
        this.signals = signals;
    }

    void handOver(Incoming signal) {
        signals.handle(signal.message(), signal.receivedAt());
    }
}
