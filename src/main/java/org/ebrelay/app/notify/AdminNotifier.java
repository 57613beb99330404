package org.ebrelay.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the administrator notices the {@link AlertAggregator} makes due, on a thread of its own: the dispatcher's
 * threads only take a short lock to count an event. A channel that fails (SMTP down, webhook refusing) is logged and
 * tried again with the same notice one digest interval later; at most {@value #MAX_UNSENT} unsent notices are kept
 * (the application's notices are in the database and do not depend on this).
 */
public final class AdminNotifier implements AutoCloseable {
    static final int MAX_UNSENT = 100;
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.notifications");

    private final AlertAggregator aggregator;
    private final List<AdminChannel> channels;
    private final Clock clock;
    private final Duration retryAfter;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Partner> inOutage = ConcurrentHashMap.newKeySet();
    private final Deque<Unsent> unsent = new ArrayDeque<>();
    private ScheduledExecutorService sender;

    private record Unsent(AdminChannel channel, AdminNotice notice, Instant retryAt) {
    }

    /** @param retryAfter how long a notice a channel failed to take waits before the next try (the digest interval) */
    public AdminNotifier(AlertAggregator aggregator, List<AdminChannel> channels, Clock clock, Duration retryAfter) {
        this.aggregator = aggregator;
        this.channels = List.copyOf(channels);
        this.clock = clock;
        this.retryAfter = retryAfter;
    }

    /** Counts one failure event; quick. */
    public void problem(Partner partner, AdminNotice.Example event) {
        lock.lock();
        try {
            aggregator.problem(partner, event, clock.instant());
            if (aggregator.inOutage(partner)) {
                inOutage.add(partner);
            }
        } finally {
            lock.unlock();
        }
    }

    /** A message to {@code partner} completed. A set lookup unless that partner is in an outage. */
    public void recovered(Partner partner) {
        if (!inOutage.contains(partner)) {
            return;
        }
        lock.lock();
        try {
            aggregator.recovered(partner, clock.instant());
            inOutage.remove(partner);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a notice about the node itself (not counted, not aggregated) to every channel now; a channel that fails
     * gets it again later, as any notice.
     */
    public synchronized void announce(AdminNotice notice) {
        Instant now = clock.instant();
        log.info("administrator notice {}", notice.type());
        for (AdminChannel channel : channels) {
            send(channel, notice, now);
        }
    }

    /** Checks for due notices every {@code tick} on a thread of its own. */
    public void start(Duration tick) {
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ebrelay-admin-notices");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::runQuietly, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.error("sending administrator notices failed; trying again on the next tick", e);
        }
    }

    /**
     * Sends what is due now, and retries what failed before when its time has come.
     *
     * @return how many notices were handed to a channel
     */
    public synchronized int sendDue() {
        Instant now = clock.instant();
        List<AdminNotice> due;
        lock.lock();
        try {
            due = aggregator.due(now);
        } finally {
            lock.unlock();
        }
        int sent = retryUnsent(now);
        for (AdminNotice notice : due) {
            log.info("administrator notice {} for {}: {} event(s)", notice.type(), notice.partner(), notice.total());
            for (AdminChannel channel : channels) {
                sent += send(channel, notice, now) ? 1 : 0;
            }
        }
        return sent;
    }

    private int retryUnsent(Instant now) {
        List<Unsent> ready = new ArrayList<>();
        for (Iterator<Unsent> i = unsent.iterator(); i.hasNext(); ) {
            Unsent u = i.next();
            if (!now.isBefore(u.retryAt())) {
                ready.add(u);
                i.remove();
            }
        }
        int sent = 0;
        for (Unsent u : ready) {
            sent += send(u.channel(), u.notice(), now) ? 1 : 0;
        }
        return sent;
    }

    private boolean send(AdminChannel channel, AdminNotice notice, Instant now) {
        try {
            channel.send(notice);
            return true;
        } catch (RuntimeException e) {
            Instant retryAt = now.plus(retryAfter);
            log.warn("could not send the {} notice for {} by {}: {}; trying again at {}", notice.type(),
                    notice.partner(), channel.describe(), e.toString(), retryAt);
            unsent.addLast(new Unsent(channel, notice, retryAt));
            if (unsent.size() > MAX_UNSENT) {
                Unsent dropped = unsent.removeFirst();
                log.error("dropping the unsent {} notice for {} by {}: more than {} are waiting",
                        dropped.notice().type(), dropped.notice().partner(), dropped.channel().describe(), MAX_UNSENT);
            }
            return false;
        }
    }

    /** Unsent notices waiting for their next try (for tests and metrics). */
    public synchronized int unsent() {
        return unsent.size();
    }

    @Override
    public void close() {
        if (sender != null) {
            sender.shutdownNow();
        }
    }
}
