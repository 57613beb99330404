package org.ebrelay.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 *
 * <p>In a cluster an asynchronous reply may reach another node than the one waiting: {@link Elsewhere} records each
 * request where every node sees it, takes in the replies this node cannot match, and hands this node's replies back
 * through {@link #completeHere}.
 */
public final class PendingReplies {
    private final Clock clock;
    private final Duration expiry;
    private final Map<MessageId, Entry> pending = new ConcurrentHashMap<>();
    private volatile Elsewhere elsewhere = Elsewhere.NONE;

    /** The other nodes of a cluster, as far as awaited replies go. */
    public interface Elsewhere {
        /** A node alone. */
        Elsewhere NONE = new Elsewhere() {
            @Override
            public void expect(MessageId requestId) {
            }

            @Override
            public boolean leave(MessageId requestId, EbmsMessage reply) {
                return false;
            }

            @Override
            public void forget(MessageId requestId) {
            }
        };

        /** This node waits for the reply to {@code requestId}. */
        void expect(MessageId requestId);

        /** A reply this node does not wait for: true when another node does (it is left for that node). */
        boolean leave(MessageId requestId, EbmsMessage reply);

        /** This node no longer waits for the reply to {@code requestId}. */
        void forget(MessageId requestId);
    }

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

    /** Shares the awaited replies with the other nodes of a cluster. */
    public void shareWith(Elsewhere others) {
        this.elsewhere = Objects.requireNonNull(others, "others");
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
        Elsewhere others = elsewhere;
        others.expect(requestId);
        // However it ends (reply, cancel, caller's own timeout), the entry goes.
        future.whenComplete((reply, failure) -> {
            if (pending.remove(requestId, entry)) {
                others.forget(requestId);
            }
        });
        return future;
    }

    /**
     * Hands over the reply to {@code requestId}, here or to the node of the cluster that waits for it; {@code false}
     * when nobody waits for it (late, or never asked).
     */
    public boolean complete(MessageId requestId, EbmsMessage reply) {
        return completeHere(requestId, reply) || elsewhere.leave(requestId, reply);
    }

    /** Hands over the reply to {@code requestId} if this node waits for it. */
    public boolean completeHere(MessageId requestId, EbmsMessage reply) {
        expireOverdue();
        Entry entry = pending.get(requestId);
        return entry != null && entry.future().complete(reply);
    }

    /** The requests this node waits for replies to. */
    public Set<MessageId> awaited() {
        return Set.copyOf(pending.keySet());
    }

    /** Stops waiting for the reply to {@code requestId}; a reply arriving later is then ignored. */
    public void cancel(MessageId requestId) {
        Entry entry = pending.get(requestId);
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
            if (e.getValue().registeredAt().isBefore(limit) && e.getValue().future().completeExceptionally(
                    new TimeoutException("no reply to " + e.getKey() + " within " + expiry))) {
                expired++;
            }
        }
        return expired;
    }
}
