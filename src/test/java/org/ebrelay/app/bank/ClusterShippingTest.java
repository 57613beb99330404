package org.ebrelay.app.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ebrelay.app.TestClock;
import org.junit.jupiter.api.Test;

/** Nodes of a cluster sharing one event log: each event reaches the bank once, under the node that wrote it. */
class ClusterShippingTest {
    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");
    private static final BankShipper.Settings SETTINGS = new BankShipper.Settings(4, Duration.ofSeconds(1),
            Duration.ofSeconds(10), 10, 5);

    final TestClock clock = new TestClock(T0);
    final SharedLog log = new SharedLog();
    final ClusterBank bank = new ClusterBank();
    final Writers writers = new Writers();

    @Test
    void eachNodeShipsTheEventsItWroteUnderItsOwnIdAndNoOthers() {
        BankShipper a = node("node-a");
        BankShipper b = node("node-b");
        log.append("node-a", "node-b", "node-a", "node-a", "node-b", "node-b", "node-a");

        a.runOnce();
        b.runOnce();

        assertThat(bank.events).containsOnlyKeys("node-a", "node-b");
        assertThat(bank.events.get("node-a").keySet()).containsExactly(1L, 3L, 4L, 7L);
        assertThat(bank.events.get("node-b").keySet()).containsExactly(2L, 5L, 6L);
        assertThat(bank.received).as("nothing shipped twice").hasSize(7);
        assertThat(bank.cursor).containsEntry("node-a", 7L).containsEntry("node-b", 7L);
    }

    @Test
    void aMessageWhoseEventsTwoNodesWroteBelongsToTheNodeOfItsFirstEvent() {
        BankShipper a = node("node-a");
        BankShipper b = node("node-b");
        log.append("m1", "node-a", "node-a", "node-b");

        a.runOnce();
        b.runOnce();

        assertThat(bank.homes).containsEntry("m1", Set.of("node-a"));
    }

    @Test
    void theRestOfADeadNodesEventsIsShippedUnderItsIdByOneSurvivorOnly() {
        BankShipper a = node("node-a");
        BankShipper b = node("node-b");
        BankShipper c = node("node-c");
        log.append("node-a", "node-b", "node-c");
        a.runOnce();
        b.runOnce();
        c.runOnce();
        log.append("node-b", "node-b", "node-a", "node-c", "node-b");
        writers.alive.remove("node-b");

        a.runOnce();
        c.runOnce();

        assertThat(bank.events.get("node-b").keySet()).containsExactly(2L, 4L, 5L, 8L);
        assertThat(bank.received).as("nothing shipped twice").hasSize(8);
        assertThat(bank.onBehalf).as("shipped by one survivor, not counted as node-b's contact")
                .containsOnly("node-a");
        assertThat(writers.rows).as("node-b's part is banked to the end: forgotten").doesNotContainKey("node-b");
    }

    @Test
    void aNodeThatReturnsTakesItsPartBackAndShipsFromTheBanksCursor() {
        BankShipper a = node("node-a");
        BankShipper b = node("node-b");
        log.append("node-b", "node-a");
        writers.alive.remove("node-b");
        writers.holdBack = true;
        a.runOnce();
        assertThat(writers.rows.get("node-b").shippedBy()).isEqualTo("node-a");

        writers.alive.add("node-b");
        log.append("node-b");
        b.runOnce();
        a.runOnce();

        assertThat(writers.rows.get("node-b").shippedBy()).as("taken back").isNull();
        assertThat(bank.events.get("node-b").keySet()).containsExactly(1L, 3L);
        assertThat(bank.received).hasSize(3);
    }

    @Test
    void aNewNodeStartsAfterTheEventsWrittenBeforeItJoined() {
        log.append("node-a", "node-a", "node-a");
        BankShipper late = node("node-late");
        log.append("node-late");

        late.runOnce();

        assertThat(bank.batches).extracting(FeedBatch::node).containsOnly("node-late");
        assertThat(bank.batches.get(0).events()).extracting(FeedEvent::sequence).containsExactly(4L);
    }

    private BankShipper node(String name) {
        writers.register(name, clock.instant());
        writers.alive.add(name);
        return new BankShipper(name, log, bank, () -> new NodeHello("http://" + name, "dev", List.of()), null,
                clock, SETTINGS, writers, NodeNotes.NONE);
    }

    /** One event log written by several nodes. The first entry of {@link #append} may name a message key. */
    static final class SharedLog implements BankOutbox {
        final TreeMap<Long, LogEntry> entries = new TreeMap<>();

        void append(String... writers) {
            String key = writers[0].startsWith("m") ? writers[0] : null;
            for (String writer : writers) {
                if (writer.equals(key)) {
                    continue;
                }
                long seq = entries.size() + 1;
                entries.put(seq, new LogEntry(writer, new FeedEvent(seq, key == null ? "k" + seq : key, T0,
                        "NOTE", null, null, null)));
            }
        }

        long last() {
            return entries.isEmpty() ? 0 : entries.lastKey();
        }

        @Override
        public List<LogEntry> entriesAfter(long afterSequence, int limit) {
            return entries.tailMap(afterSequence, false).values().stream().limit(limit).toList();
        }

        @Override
        public List<FeedMessage> snapshots(List<String> keys, long snapshotSequence) {
            return keys.stream().map(k -> new FeedMessage(k, "OUTBOUND", "QUEUED", "cpa", "c", "m-" + k, null,
                    ":A", ":B", "s", "", "a", false, 0, T0, T0, null, snapshotSequence, List.of(), null, null,
                    home(k))).toList();
        }

        private String home(String key) {
            return entries.values().stream().filter(e -> e.event().key().equals(key)).findFirst()
                    .map(LogEntry::writer).orElse(null);
        }
    }

    /** A bank keeping each node's events by sequence and its cursor. */
    static final class ClusterBank implements BankChannel {
        final Map<String, TreeMap<Long, FeedEvent>> events = new HashMap<>();
        final Map<String, Long> cursor = new HashMap<>();
        final Map<String, Set<String>> homes = new HashMap<>();
        final List<FeedEvent> received = new ArrayList<>();
        final List<FeedBatch> batches = new ArrayList<>();
        final Set<String> onBehalf = new HashSet<>();

        @Override
        public long hello(String node, NodeHello hello) {
            return cursor.getOrDefault(node, 0L);
        }

        @Override
        public long feed(FeedBatch batch) {
            if (!batch.events().isEmpty()) {
                batches.add(batch);
            }
            if (batch.onBehalf() && !batch.events().isEmpty()) {
                onBehalf.add(batch.shippedBy());
            }
            for (FeedEvent e : batch.events()) {
                if (events.computeIfAbsent(batch.node(), n -> new TreeMap<>()).put(e.sequence(), e) == null) {
                    received.add(e);
                }
            }
            batch.messages().forEach(m -> homes.computeIfAbsent(m.key(), k -> new HashSet<>())
                    .add(m.home() == null ? batch.node() : m.home()));
            return cursor.merge(batch.node(), batch.upTo(), Math::max);
        }

        @Override
        public List<WorkItem> work(String node, int limit) {
            return List.of();
        }

        @Override
        public void report(String node, long requestId, WorkOutcome outcome) {
        }

        @Override
        public void cpas(String node, List<CpaReport> cpas) {
        }
    }

    /** The writers' rows; {@link #alive} stands in for the cluster's check-ins. */
    final class Writers implements EventWriters {
        final Map<String, Writer> rows = new HashMap<>();
        final Set<String> alive = new HashSet<>();
        /** Keeps a finished part's row (to watch who holds it). */
        boolean holdBack;

        @Override
        public void register(String node, Instant now) {
            Writer known = rows.get(node);
            rows.put(node, new Writer(node, known == null ? log.last() : known.startSequence(), null));
        }

        @Override
        public Writer writer(String node) {
            return rows.get(node);
        }

        @Override
        public List<Writer> all() {
            return List.copyOf(rows.values());
        }

        @Override
        public Set<String> alive(Instant now) {
            return Set.copyOf(alive);
        }

        @Override
        public boolean takeOver(String node, String expectedShipper, String by, Instant now) {
            Writer row = rows.get(node);
            if (row == null || !java.util.Objects.equals(row.shippedBy(), expectedShipper)) {
                return false;
            }
            rows.put(node, new Writer(node, row.startSequence(), by));
            return true;
        }

        @Override
        public void finished(String node, String by) {
            if (!holdBack && rows.containsKey(node) && by.equals(rows.get(node).shippedBy())) {
                rows.remove(node);
            }
        }
    }
}
