package org.ebrelay.app.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ebrelay.app.TestClock;
import org.junit.jupiter.api.Test;

class BankShipperTest {
    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    final TestClock clock = new TestClock(T0);
    final FakeOutbox outbox = new FakeOutbox();
    final FakeBank bank = new FakeBank();
    final BankShipper shipper = new BankShipper("node-a", outbox, bank, () -> new NodeHello("http://a", "dev",
            List.of()), null, clock, new BankShipper.Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 10,
            5));

    @Test
    void shipsTheWholeLogInBatchesWithASnapshotOfEachMessage() {
        outbox.append(1, 2, 3, 4, 5);

        assertThat(shipper.runOnce()).isEqualTo(5);

        assertThat(bank.events.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(bank.batches).extracting(FeedBatch::upTo).containsExactly(3L, 5L);
        assertThat(bank.batches.get(0).messages()).extracting(FeedMessage::snapshotSequence).containsOnly(3L);
    }

    @Test
    void aBankThatIsDownLosesNothingAndGetsNothingTwiceWhenItReturns() {
        outbox.append(1, 2);
        shipper.runOnce();
        bank.down = true;
        outbox.append(3, 4);
        shipper.runOnce();
        bank.down = false;
        outbox.append(5);

        shipper.runOnce();

        assertThat(bank.events.keySet()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(bank.received).as("every event sent once").hasSize(5);
    }

    @Test
    void aBankThatLostItsCopyGetsTheLogAgainFromWhereItSaysItIs() {
        outbox.append(1, 2, 3);
        shipper.runOnce();
        bank.events.clear();
        bank.down = true;
        shipper.runOnce();
        bank.down = false;

        shipper.runOnce();

        assertThat(bank.events.keySet()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aHoleInTheSequenceHoldsBackLaterEventsUntilFilledOrWaitedFor() {
        outbox.append(1, 3);
        shipper.runOnce();
        assertThat(bank.events.keySet()).containsExactly(1L);

        outbox.append(2);
        shipper.runOnce();
        assertThat(bank.events.keySet()).as("the hole was filled").containsExactly(1L, 2L, 3L);

        outbox.append(5);
        shipper.runOnce();
        clock.advance(Duration.ofSeconds(10));
        shipper.runOnce();
        assertThat(bank.events.keySet()).as("4 never came: skipped after gapWait").containsExactly(1L, 2L, 3L, 5L);
        assertThat(shipper.cursor()).isEqualTo(5);
    }

    @Test
    void theCpasAreToldOnceAndAgainOnlyWhenTheyChangeOrTheBankWasAway() {
        FakeCpas cpas = new FakeCpas();
        shipper.shipCpas(new CpaShipping(cpas));

        shipper.runOnce();
        shipper.runOnce();
        assertThat(bank.cpaSets).hasSize(1);
        assertThat(cpas.built).as("nothing built while nothing changed").isEqualTo(1);

        cpas.state = "REJECTED_EDIT";
        shipper.runOnce();
        assertThat(bank.cpaSets).extracting(set -> set.get(0).state()).containsExactly("ACTIVE", "REJECTED_EDIT");

        bank.down = true;
        shipper.runOnce();
        bank.down = false;
        shipper.runOnce();
        assertThat(bank.cpaSets).as("told again: the bank may have lost it").hasSize(3);
    }

    @Test
    void aChangeTheBankCouldNotTakeIsToldWhenItIsBack() {
        FakeCpas cpas = new FakeCpas();
        shipper.shipCpas(new CpaShipping(cpas));
        bank.down = true;
        shipper.runOnce();
        bank.down = false;

        shipper.runOnce();

        assertThat(bank.cpaSets).hasSize(1);
    }

    /** An event log held in memory. */
    static final class FakeOutbox implements BankOutbox {
        final TreeMap<Long, FeedEvent> log = new TreeMap<>();

        void append(long... sequences) {
            for (long s : sequences) {
                log.put(s, new FeedEvent(s, "k" + s, T0, "SUBMITTED", null, "QUEUED", null));
            }
        }

        @Override
        public List<LogEntry> entriesAfter(long afterSequence, int limit) {
            return log.tailMap(afterSequence, false).values().stream().limit(limit)
                    .map(e -> new LogEntry(null, e)).toList();
        }

        @Override
        public List<FeedMessage> snapshots(List<String> keys, long snapshotSequence) {
            return keys.stream().map(k -> new FeedMessage(k, "OUTBOUND", "QUEUED", "cpa", "c", "m-" + k, null,
                    ":A", ":B", "s", "", "a", false, 0, T0, T0, null, snapshotSequence, List.of(), null)).toList();
        }
    }

    @Test
    void notesOutsideTheMessagesAreShippedOnceAndKeptWhileTheBankIsDown() {
        List<NodeNote> kept = new ArrayList<>();
        NodeNotes notes = new NodeNotes() {
            @Override
            public void add(NodeNote note) {
                kept.add(new NodeNote(kept.size() + 1, note.kind(), note.at(), note.actor(), note.action(),
                        note.subject(), note.detail(), note.remote(), note.size(), note.firstBytes(), note.repeats()));
            }

            @Override
            public List<NodeNote> pending(int limit) {
                return List.copyOf(kept.subList(0, Math.min(limit, kept.size())));
            }

            @Override
            public void shipped(List<NodeNote> shipped) {
                kept.removeAll(shipped);
            }
        };
        BankShipper withNotes = new BankShipper("node-a", outbox, bank, () -> new NodeHello("http://a", "dev",
                List.of()), null, clock, new BankShipper.Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(10),
                10, 5), null, notes);
        notes.add(NodeNote.audit(T0, "token ops (operator)", "ABANDON", "m1@a", "reason: gone"));
        bank.down = true;
        withNotes.runOnce();
        assertThat(kept).as("kept while the bank is down").hasSize(1);
        bank.down = false;

        withNotes.runOnce();
        withNotes.runOnce();

        assertThat(bank.batches).flatExtracting(FeedBatch::notes).extracting(NodeNote::action)
                .containsExactly("ABANDON");
        assertThat(kept).as("forgotten once the bank has it").isEmpty();
    }

    /** A bank that keeps events by sequence and can be down. */
    static final class FakeBank implements BankChannel {
        final TreeMap<Long, FeedEvent> events = new TreeMap<>();
        final List<FeedEvent> received = new ArrayList<>();
        final List<FeedBatch> batches = new ArrayList<>();
        final List<List<CpaReport>> cpaSets = new ArrayList<>();
        boolean down;

        private void check() {
            if (down) {
                throw new BankUnavailable("down", null);
            }
        }

        private long last() {
            return events.isEmpty() ? 0 : events.lastKey();
        }

        @Override
        public long hello(String node, NodeHello hello) {
            check();
            return last();
        }

        @Override
        public long feed(FeedBatch batch) {
            check();
            batches.add(batch);
            received.addAll(batch.events());
            batch.events().forEach(e -> events.put(e.sequence(), e));
            return batch.upTo();
        }

        @Override
        public List<WorkItem> work(String node, int limit) {
            check();
            return List.of();
        }

        @Override
        public void report(String node, long requestId, WorkOutcome outcome) {
            check();
        }

        @Override
        public void cpas(String node, List<CpaReport> cpas) {
            check();
            cpaSets.add(cpas);
        }
    }

    /** CPAs whose state the test sets; counts how often the reports were built. */
    static final class FakeCpas implements CpaShipping.Source {
        String state = "ACTIVE";
        int built;

        @Override
        public String fingerprint() {
            return state;
        }

        @Override
        public List<CpaReport> reports() {
            built++;
            return List.of(new CpaReport("cpa-1", state, 1, "abc", "{}"));
        }
    }
}
