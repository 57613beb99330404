package org.ebrelay.app.bank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships a node's event log to the bank, asynchronously and in batches, from a cursor: the bank's own answer to
 * where its copy ends (so a bank that lost data, or a node that shipped and crashed before hearing back, simply
 * resumes from the bank's position; the bank stores each (node, sequence) once). Each run also fetches the node's
 * work. Nothing here is on the path of a message: a bank that is down or slow only makes the bank late.
 *
 * <p>Sequence numbers are taken in commit order on one H2 node (a single writer), so a hole is a rolled-back number
 * and final at once. A database with concurrent writers (PostgreSQL) may show a hole that a transaction still in
 * flight fills a moment later: events after a hole are held back until it is filled or {@code gapWait} has passed.
 *
 * <p>In a cluster the nodes share one log: each ships the events it wrote under its own id, and a live node ships
 * what a dead node left ({@link DeadNodeParts}), so the bank gets every event once, under the node that wrote it.
 */
public final class BankShipper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.bank.shipper");

    /**
     * @param batchSize   events per batch
     * @param interval    pause between runs
     * @param gapWait     how long a hole in the sequence holds back the events after it
     * @param batchesPerRun batches shipped per run at most before the work is fetched
     * @param workLimit   work items fetched per run
     */
    public record Settings(int batchSize, Duration interval, Duration gapWait, int batchesPerRun, int workLimit) {
        public static Settings defaults() {
            return new Settings(500, Duration.ofSeconds(1), Duration.ofSeconds(10), 20, 20);
        }
    }

    private final String node;
    private final BankOutbox outbox;
    private final BankChannel channel;
    private final Supplier<NodeHello> hello;
    private final BankWork work;
    private final Clock clock;
    private final Settings settings;
    private final EventWriters writers;
    private final LogPart own;
    private final DeadNodeParts deadParts;
    private final NodeNotes notes;
    private ScheduledExecutorService executor;
    private volatile Instant lastContact;
    private volatile String lastProblem;
    private volatile CpaShipping cpas;

    /** A node alone: it ships the whole event log as its own. */
    public BankShipper(String node, BankOutbox outbox, BankChannel channel, Supplier<NodeHello> hello,
                       BankWork work, Clock clock, Settings settings) {
        this(node, outbox, channel, hello, work, clock, settings, null, NodeNotes.NONE);
    }

    /**
     * @param writers in a cluster, the writers of the shared log: the node ships the events it wrote, and the
     *                remaining events of dead nodes it takes over; null for a node alone
     * @param notes   the node's notes outside its messages (operator actions, refused requests), shipped too
     */
    public BankShipper(String node, BankOutbox outbox, BankChannel channel, Supplier<NodeHello> hello,
                       BankWork work, Clock clock, Settings settings, EventWriters writers, NodeNotes notes) {
        this.node = Objects.requireNonNull(node, "node");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.outbox = outbox;
        this.channel = channel;
        this.hello = hello;
        this.work = work;
        this.clock = clock;
        this.settings = settings;
        this.writers = writers;
        this.own = new LogPart(node, null, writers == null ? LogPart.everyWriter() : LogPart.writtenByOrUnknown(node),
                clock, settings.gapWait());
        this.deadParts = writers == null ? null : new DeadNodeParts(node, writers, clock, settings.gapWait());
    }

    /** Runs {@link #runOnce} every {@code interval} on a thread of its own. */
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ebrelay-bank-shipper");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::runQuietly, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("bank run failed: {}", e.toString());
        }
    }

    /**
     * Announces the node when needed, ships what is due, then fetches and carries out the node's work. A failure
     * leaves the cursor to the bank's answer at the next announcement: nothing is lost, nothing is doubled.
     *
     * @return events shipped in this run
     */
    public synchronized int runOnce() {
        int shipped = 0;
        try {
            long start = writers == null ? 0 : ownPart().startSequence();
            if (!own.positioned()) {
                own.position(channel.hello(node, hello.get()), start);
                if (cpas != null) {
                    cpas.forget();
                }
            }
            if (cpas != null) {
                cpas.shipIfChanged(channel, node);
            }
            shipped += own.ship(outbox, channel, settings.batchSize(), settings.batchesPerRun()).shipped();
            shipNotes();
            carryOutWork();
            if (deadParts != null) {
                shipped += deadParts.run(outbox, channel, settings.batchSize(), settings.batchesPerRun());
            }
            lastContact = clock.instant();
            lastProblem = null;
        } catch (BankChannel.BankUnavailable e) {
            own.unposition();
            if (lastProblem == null) {
                LOG.warn("the bank is not reachable; shipping resumes when it is: {}", e.getMessage());
            }
            lastProblem = e.getMessage();
        }
        return shipped;
    }

    /** This node as a writer of the cluster's log, registered again when another node took its part meanwhile. */
    private EventWriters.Writer ownPart() {
        EventWriters.Writer writer = writers.writer(node);
        if (writer == null || writer.shippedBy() != null) {
            writers.register(node, clock.instant());
            writer = writers.writer(node);
        }
        return writer;
    }

    /** The pending notes in a batch of their own; forgotten on the node once the bank has them. */
    private void shipNotes() {
        List<NodeNote> pending = notes.pending(settings.batchSize());
        if (!pending.isEmpty()) {
            channel.feed(new FeedBatch(node, own.cursor(), List.of(), List.of(), pending, null));
            notes.shipped(pending);
        }
    }

    private void carryOutWork() {
        for (WorkItem item : channel.work(node, settings.workLimit())) {
            WorkOutcome outcome;
            try {
                outcome = work.carryOut(item);
            } catch (RuntimeException e) {
                outcome = WorkOutcome.refused("failed on node " + node + ": " + e.getMessage());
            }
            channel.report(node, item.requestId(), outcome);
        }
    }

    /** Also tells the bank the node's CPAs when they change (the portal's CPA view). */
    public void shipCpas(CpaShipping shipping) {
        this.cpas = shipping;
    }

    /** Where the bank's copy of this node's event log ends, as the bank last said (-1: not known now). */
    public synchronized long cursor() {
        return own.positioned() ? own.cursor() : -1;
    }

    /** The dead nodes whose remaining events this node ships now (empty on a node alone). */
    public synchronized Set<String> deadNodesShipped() {
        return deadParts == null ? Set.of() : deadParts.held();
    }

    /** When the bank last answered a whole run, or null. */
    public Instant lastContact() {
        return lastContact;
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
