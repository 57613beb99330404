package org.ebrelay.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;

/**
 * Replies someone on this node is waiting for, by the MessageId of the request they answer: a Pong for our Ping, a
 * StatusResponse for our StatusRequest. Whoever sends the request registers it first; the reply, whether it comes
 * back on the HTTP response or as a request of its own, completes the future.
 *
 * <p>A waiter normally cancels when it gives up; in case it does not, entries older than {@code expiry} are
 * completed with a {@link TimeoutException} and dropped whenever another entry is registered or completed, so the
 * map cannot grow without bound. Thread-safe.
 */
public final class PendingReplies {
    private final Clock clock;
    private final Duration expiry;
    private final Map<MessageId, Entry> pending = new ConcurrentHashMap<>();

    private record Entry(CompletableFuture<EbmsMessage> future, Instant registeredAt) {
    }

    /** @param expiry how long an entry is kept at most; longer than any waiter's own timeout */
    public PendingReplies(Clock clock, Duration expiry) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("expiry must be positive: " + expiry);
        }
        this.expiry = expiry;
    }

    /**
     * Starts waiting for the reply to {@code requestId}.
     *
     * @throws IllegalStateException when someone already waits for that id
     */
    public CompletableFuture<EbmsMessage> register(MessageId requestId) {
        expireOverdue();
        CompletableFuture<EbmsMessage> future = new CompletableFuture<>();
        Entry entry = new Entry(future, clock.instant());
        if (pending.putIfAbsent(requestId, entry) != null) {
            throw new IllegalStateException("a reply to " + requestId + " is awaited already");
        }
        // However it ends (reply, cancel, caller's own timeout), the entry goes.
        future.whenComplete((reply, failure) -> pending.remove(requestId, entry));
        return future;
    }

    /** Hands over the reply to {@code requestId}; {@code false} when nobody waits for it (late, or never asked). */
    public boolean complete(MessageId requestId, EbmsMessage reply) {
        expireOverdue();
        Entry entry = pending.remove(requestId);
        return entry != null && entry.future().complete(reply);
    }

    /** Stops waiting for the reply to {@code requestId}; a reply arriving later is then ignored. */
    public void cancel(MessageId requestId) {
        Entry entry = pending.remove(requestId);
        if (entry != null) {
            entry.future().cancel(false);
        }
    }

    /** How many replies are awaited. */
    public int size() {
        return pending.size();
    }

    /** Completes and drops the entries registered more than {@code expiry} ago; returns how many. */
    public int expireOverdue() {
        Instant limit = clock.instant().minus(expiry);
        int expired = 0;
        for (Map.Entry<MessageId, Entry> e : pending.entrySet()) {
            if (e.getValue().registeredAt().isBefore(limit) && pending.remove(e.getKey(), e.getValue())) {
                e.getValue().future().completeExceptionally(
                        new TimeoutException("no reply to " + e.getKey() + " within " + expiry));
                expired++;
            }
        }
        return expired;
    }
}
