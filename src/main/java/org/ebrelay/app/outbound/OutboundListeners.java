package org.ebrelay.app.outbound;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans each call out to several listeners; a listener that throws does not keep the others from hearing. */
final class OutboundListeners implements OutboundListener {
    private static final Logger log = LoggerFactory.getLogger(OutboundListeners.class);
    private final List<OutboundListener> listeners;

    OutboundListeners(List<OutboundListener> listeners) {
        this.listeners = listeners;
    }

    private void each(Consumer<OutboundListener> call) {
        for (OutboundListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("outbound listener {} failed", listener, e);
            }
        }
    }

    @Override
    public void attempted(MessageHeading heading, Duration duration, boolean retry) {
        each(l -> l.attempted(heading, duration, retry));
    }

    @Override
    public void completed(MessageHeading heading, Duration sinceCreated) {
        each(l -> l.completed(heading, sinceCreated));
    }

    @Override
    public void retriesExhausted(MessageHeading heading, int attempts, String lastFailure, Instant nextAttemptAt) {
        each(l -> l.retriesExhausted(heading, attempts, lastFailure, nextAttemptAt));
    }

    @Override
    public void waitingForManualHandling(MessageHeading heading, String reason) {
        each(l -> l.waitingForManualHandling(heading, reason));
    }

    @Override
    public void messageIdRegenerated(MessageHeading heading, MessageId previous) {
        each(l -> l.messageIdRegenerated(heading, previous));
    }

    @Override
    public void failed(MessageHeading heading, String reason) {
        each(l -> l.failed(heading, reason));
    }
}
