package org.ebrelay.app.bank;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One node's part of the event log and where the bank's copy of it ends. The cursor is a position in the log's
 * sequence: every event of the part up to it is banked. On a node alone the part is the whole log; in a cluster it
 * is the events the node wrote, so a batch skips the other nodes' events and may carry none, only moving the cursor.
 *
 * <p>A hole in the sequence (a transaction still in flight on a database with concurrent writers) holds back the
 * events after it until it is filled or has waited {@code gapWait}: whose event fills it is not known before.
 */
final class LogPart {
    /** How a batch run ended. */
    record Progress(int shipped, boolean caughtUp) {
    }

    private final String node;
    private final String shippedBy;
    private final Predicate<String> written;
    private final GapWatch gaps;
    private long cursor = -1;

    /**
     * @param node      whose part: the batches go to the bank under this id
     * @param shippedBy null when {@code node} ships its own part, else the node shipping it instead
     * @param written   which writers' entries belong to the part
     */
    LogPart(String node, String shippedBy, Predicate<String> written, Clock clock, Duration gapWait) {
        this.node = node;
        this.shippedBy = shippedBy;
        this.written = written;
        this.gaps = new GapWatch(clock, gapWait);
    }

    /** The whole log, for a node alone. */
    static Predicate<String> everyWriter() {
        return writer -> true;
    }

    /** A cluster node's own part: its events and those written before nodes were recorded. */
    static Predicate<String> writtenByOrUnknown(String node) {
        return writer -> writer == null || writer.equals(node);
    }

    /** A dead node's part. */
    static Predicate<String> writtenBy(String node) {
        return node::equals;
    }

    String node() {
        return node;
    }

    boolean positioned() {
        return cursor >= 0;
    }

    /** Starts from the bank's answer, or from {@code start} when the bank has nothing of the part yet. */
    void position(long bankCursor, long start) {
        cursor = bankCursor > 0 ? bankCursor : Math.max(0, start);
    }

    /** Forgets the position: the next run asks the bank again. */
    void unposition() {
        cursor = -1;
    }

    long cursor() {
        return cursor;
    }

    /** Ships up to {@code batches} batches of {@code batchSize} entries read. */
    Progress ship(BankOutbox outbox, BankChannel channel, int batchSize, int batches) {
        int shipped = 0;
        for (int i = 0; i < batches; i++) {
            List<LogEntry> read = outbox.entriesAfter(cursor, batchSize);
            List<FeedEvent> ship = new ArrayList<>(read.size());
            long expected = cursor + 1;
            boolean heldBack = false;
            for (LogEntry entry : read) {
                if (entry.sequence() != expected && !gaps.skippable(expected)) {
                    heldBack = true;
                    break;
                }
                if (written.test(entry.writer())) {
                    ship.add(entry.event());
                }
                expected = entry.sequence() + 1;
            }
            long upTo = expected - 1;
            if (upTo == cursor) {
                return new Progress(shipped, read.isEmpty());
            }
            Set<String> keys = new LinkedHashSet<>();
            ship.forEach(e -> keys.add(e.key()));
            List<FeedMessage> snapshots = keys.isEmpty() ? List.of() : outbox.snapshots(new ArrayList<>(keys), upTo);
            cursor = channel.feed(new FeedBatch(node, upTo, snapshots, ship, List.of(), shippedBy));
            gaps.forgetUpTo(cursor);
            shipped += ship.size();
            if (read.size() < batchSize) {
                return new Progress(shipped, !heldBack);
            }
        }
        return new Progress(shipped, false);
    }
}
