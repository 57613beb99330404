package org.ebrelay.app.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The runs of a pusher (deliveries, notices): each run pushes what the store says is due, a batch at a time. Safe to
 * start from several threads: one run at a time; a call made while another runs returns at once and makes the
 * running one look again, so nothing stored meanwhile waits for the next sweep.
 *
 * @param <T> what is pushed
 */
public final class DuePushes<T> {
    /** The store's query: at most {@code limit} items due at {@code now}. */
    @FunctionalInterface
    public interface DueQuery<T> {
        List<T> due(Instant now, int limit);
    }

    private final int batch;
    private final DueQuery<T> query;
    private final Function<T, String> id;
    private final Consumer<T> push;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();

    /** @param id identifies an item, so that one pushed in this run and due again at once is not pushed twice */
    public DuePushes(int batch, DueQuery<T> query, Function<T, String> id, Consumer<T> push, Clock clock) {
        this.batch = batch;
        this.query = query;
        this.id = id;
        this.push = push;
        this.clock = clock;
    }

    /** Pushes every item due now; returns how many pushes this call made. Blocks on each push. */
    public int pushDue() {
        requested.set(true);
        int pushed = 0;
        while (requested.get() && running.tryLock()) {
            try {
                while (requested.getAndSet(false)) {
                    pushed += runOnce();
                }
            } finally {
                running.unlock();
            }
        }
        return pushed;
    }

    private int runOnce() {
        Instant now = clock.instant();
        Set<String> seen = new HashSet<>();
        int pushed = 0;
        while (true) {
            List<T> due = query.due(now, batch);
            List<T> fresh = due.stream().filter(item -> seen.add(id.apply(item))).toList();
            fresh.forEach(push);
            pushed += fresh.size();
            // look again while anything new was pushed: a full batch may hide more, and a push may make another item
            // due at once (a delivered ordered message releases the next of its conversation); one already pushed
            // coming back (a zero RetryInterval) waits for the next call
            if (fresh.isEmpty()) {
                return pushed;
            }
        }
    }
}
