package org.ebrelay.app;

import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Replies someone on this node is waiting for (a Pong for our Ping, a StatusResponse for our StatusRequest), keyed by
 * the MessageId of our request. The receive side completes an entry when a reply whose RefToMessageId matches arrives
 * asynchronously. Thread-safe; an entry is removed once completed or cancelled, so a waiter that gives up must
 * {@link #cancel} (nothing else would free it).
 */
public final class PendingReplies {
    private final ConcurrentMap<MessageId, CompletableFuture<EbmsMessage>> waiting = new ConcurrentHashMap<>();

    /**
     * Starts waiting for the reply to {@code id}: register before sending, so a reply that overtakes the HTTP
     * response is not lost.
     *
     * @throws IllegalStateException when someone already waits for a reply to {@code id}
     */
    public CompletableFuture<EbmsMessage> register(MessageId id) {
        Objects.requireNonNull(id, "id");
        CompletableFuture<EbmsMessage> reply = new CompletableFuture<>();
        if (waiting.putIfAbsent(id, reply) != null) {
            throw new IllegalStateException("a reply to " + id + " is already awaited");
        }
        return reply;
    }

    /** Hands over the reply to {@code refToMessageId}; {@code false} when nobody waits for it (any more). */
    public boolean complete(MessageId refToMessageId, EbmsMessage reply) {
        if (refToMessageId == null) {
            return false;
        }
        CompletableFuture<EbmsMessage> waiter = waiting.remove(refToMessageId);
        return waiter != null && waiter.complete(reply);
    }

    /** Stops waiting for the reply to {@code id} (timed out, or answered synchronously); harmless when done. */
    public void cancel(MessageId id) {
        CompletableFuture<EbmsMessage> waiter = waiting.remove(id);
        if (waiter != null) {
            waiter.cancel(false);
        }
    }

    /** How many replies are awaited now (for metrics and tests). */
    public int size() {
        return waiting.size();
    }
}
