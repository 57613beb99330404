package org.ebrelay.boot.bench;

import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.QueryMessages;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Finds out when submitted messages are COMPLETE by asking the sending node's store ({@link QueryMessages#find})
 * on one thread ({@value #THREAD}): first {@code interval} after the submission, then every {@code interval} or
 * an eighth of the message's age, whichever is longer. A stand-in until the Gateway lets the benchmark register an
 * {@code OutboundListener}: it costs a store query per check (its thread's CPU is reported apart) and rounds each
 * latency up to the next check (by at most the interval or an eighth).
 */
final class CompletionPoller implements AutoCloseable {
    static final String THREAD = "bench-poller";
    /** A check comes at most this fraction of a message's age after the previous one (rounding up <= 1/8). */
    private static final long RELATIVE_STEP = 8;

    /** Receives a completion: the message's number and the moment it was seen COMPLETE. */
    interface Sink {
        void complete(int index, long atNanos);
    }

    private record Watch(int index, String messageId, long submittedNanos, long dueNanos) {
    }

    private final QueryMessages query;
    private final long intervalNanos;
    private final Sink sink;
    private final ConcurrentLinkedQueue<Watch> added = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    CompletionPoller(QueryMessages query, Duration interval, Sink sink) {
        this.query = query;
        this.intervalNanos = interval.toNanos();
        this.sink = sink;
        this.thread = new Thread(this::run, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching a message the node accepted under {@code messageId}. */
    void watch(int index, String messageId) {
        long now = System.nanoTime();
        added.add(new Watch(index, messageId, now, now + intervalNanos));
        LockSupport.unpark(thread);
    }

    private void run() {
        PriorityQueue<Watch> due = new PriorityQueue<>(Comparator.comparingLong(Watch::dueNanos));
        while (running) {
            for (Watch w = added.poll(); w != null; w = added.poll()) {
                due.add(w);
            }
            long now = System.nanoTime();
            while (!due.isEmpty() && due.peek().dueNanos() <= now) {
                Watch w = due.poll();
                if (isComplete(w.messageId())) {
                    sink.complete(w.index(), now);
                } else {
                    // the longer a message takes, the less often it is asked about: checks stay few per message
                    long wait = Math.max(intervalNanos, (now - w.submittedNanos()) / RELATIVE_STEP);
                    due.add(new Watch(w.index(), w.messageId(), w.submittedNanos(), now + wait));
                }
                now = System.nanoTime();
            }
            long sleep = due.isEmpty() ? intervalNanos : due.peek().dueNanos() - System.nanoTime();
            if (sleep > 0) {
                LockSupport.parkNanos(sleep);
            }
        }
    }

    private boolean isComplete(String messageId) {
        try {
            List<MessageView> found = query.find(messageId);
            return !found.isEmpty() && "COMPLETE".equals(found.get(0).state());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
