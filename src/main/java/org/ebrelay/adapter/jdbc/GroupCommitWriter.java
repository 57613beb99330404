package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread takes the units of work callers queue, runs as many as are waiting in ONE transaction,
 * commits once (then runs the after-commit step, e.g. an fsync), and only then completes each caller's future.
 * A durable commit costs about the same for one unit as for a hundred, so concurrent callers share it.
 *
 * <p>If a unit throws, the transaction is rolled back and the units are run again one by one, each in its own
 * transaction, so one bad unit does not fail the others. Units must therefore touch nothing but the connection
 * (they may run twice; only the committed run counts).
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /** A unit of work: reads and writes through the connection; must not commit, roll back or close it. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private static final class Unit<T> {
        final Work<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;
        Throwable failure;

        Unit(Work<T> work) {
            this.work = work;
        }

        /** Runs the work; any throwable (even an Error) is the unit's failure, never the writer's. */
        boolean run(Connection connection) {
            try {
                result = work.apply(connection);
                return true;
            } catch (Throwable e) {
                result = null;
                failure = e;
                return false;
            }
        }

        void finish() {
            if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(result);
            }
        }
    }

    private static final Unit<Void> STOP = new Unit<>(c -> null);

    private final DataSource dataSource;
    private final Work<Void> afterCommit;
    private final int maxBatch;
    private final long lingerNanos;
    private int lastGroupSize;
    private final BlockingQueue<Unit<?>> queue;
    private final Thread thread;
    private volatile boolean closed;
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong units = new AtomicLong();

    /**
     * @param afterCommit run on the same connection after each successful commit, before callers are answered
     *                    (an fsync); a failure there fails the whole group
     */
    GroupCommitWriter(DataSource dataSource, Work<Void> afterCommit, int maxBatch, int queueCapacity) {
        this(dataSource, afterCommit, maxBatch, queueCapacity, Duration.ZERO);
    }

    /** @param linger how long a commit under load may wait for more units to join it (see {@link #gatherMore}) */
    GroupCommitWriter(DataSource dataSource, Work<Void> afterCommit, int maxBatch, int queueCapacity,
                      Duration linger) {
        this.dataSource = dataSource;
        this.afterCommit = afterCommit;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::loop, "ebrelay-db-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues {@code work}; the future completes once its transaction is committed (or failed). */
    <T> CompletableFuture<T> submit(Work<T> work) {
        Unit<T> unit = new Unit<>(work);
        if (closed) {
            unit.future.completeExceptionally(new IllegalStateException("the database writer is closed"));
            return unit.future;
        }
        try {
            queue.put(unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unit.future.completeExceptionally(e);
        }
        return unit.future;
    }

    private void loop() {
        WriterThreadFileSystem.runIoInPlaceOnThisThread();
        List<Unit<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue; // only close() stops the writer, through STOP
            }
            queue.drainTo(batch, maxBatch - 1);
            if (lastGroupSize > 1) {
                gatherMore(batch);
            }
            lastGroupSize = batch.size();
            boolean stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                process(batch);
            }
            batch.clear();
            if (stop) {
                return;
            }
        }
    }

    /**
     * Under load (the last group was not alone) a commit waits up to {@code linger} for more units to share it: a
     * commit costs H2 about the same for one unit as for ten, so bigger groups mean fewer commits. A lone caller
     * (low load) is committed at once, without the wait.
     */
    private void gatherMore(List<Unit<?>> batch) {
        long until = System.nanoTime() + lingerNanos;
        try {
            for (long left = lingerNanos; left > 0 && batch.size() < maxBatch; left = until - System.nanoTime()) {
                Unit<?> more = queue.poll(left, TimeUnit.NANOSECONDS);
                if (more == null) {
                    return;
                }
                batch.add(more);
                queue.drainTo(batch, maxBatch - batch.size());
            }
        } catch (InterruptedException e) {
            // only close() stops the writer, through STOP: commit what there is
        }
    }

    private void process(List<Unit<?>> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!runTogether(connection, batch)) {
                    runOneByOne(connection, batch);
                }
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (Throwable e) {
            LOG.error("group commit of {} units failed", batch.size(), e);
            for (Unit<?> unit : batch) {
                unit.result = null;
                unit.failure = unit.failure != null ? unit.failure : e;
            }
        }
        batch.forEach(Unit::finish);
    }

    /** Runs every unit in one transaction; false (rolled back) when one of them failed. */
    private boolean runTogether(Connection connection, List<Unit<?>> batch) throws SQLException {
        for (Unit<?> unit : batch) {
            if (!unit.run(connection)) {
                connection.rollback();
                if (batch.size() == 1) {
                    return true;
                }
                LOG.debug("a unit of a group of {} failed; running them one by one", batch.size(), unit.failure);
                unit.failure = null;
                return false;
            }
        }
        connection.commit();
        afterCommit.apply(connection);
        groups.incrementAndGet();
        units.addAndGet(batch.size());
        return true;
    }

    private void runOneByOne(Connection connection, List<Unit<?>> batch) throws SQLException {
        boolean committed = false;
        for (Unit<?> unit : batch) {
            if (!unit.run(connection)) {
                connection.rollback();
                continue;
            }
            try {
                connection.commit();
                committed = true;
                groups.incrementAndGet();
                units.incrementAndGet();
            } catch (SQLException e) {
                unit.result = null;
                unit.failure = e;
                connection.rollback();
            }
        }
        if (committed) {
            afterCommit.apply(connection);
        }
    }

    /** Transactions committed so far. */
    long groupsCommitted() {
        return groups.get();
    }

    /** Units of work committed so far (units / groups = the average group size). */
    long unitsCommitted() {
        return units.get();
    }

    /** Finishes the queued work, then stops the thread; later submissions fail. */
    @Override
    public void close() {
        closed = true;
        try {
            queue.put(STOP);
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Unit<?>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Unit<?> unit : left) {
            unit.future.completeExceptionally(new IllegalStateException("the database writer is closed"));
        }
    }
}
