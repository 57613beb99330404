package org.ebrelay.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.ebrelay.adapter.bank.BankDatabase;
import org.ebrelay.adapter.bank.BankQuery;
import org.ebrelay.adapter.bank.JdbcMessageBank;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.FeedEvent;
import org.ebrelay.app.bank.FeedMessage;

/**
 * The Message Bank: ingest rate of node batches (as a node ships them: ~5 events per message, a snapshot with a
 * 2 KB wire), then search times over a bank filled to N messages (default 1,000,000): by HL7 id, by MessageId, a
 * time-range page, and a page deep in the range through the keyset cursor. Not a test: a measurement.
 *
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ebrelay.bench.BankBench [messages [ingested]]
 * </pre>
 */
public final class BankBench {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final byte[] WIRE = new byte[2048];

    private BankBench() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int ingested = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path dir = Files.createTempDirectory("bank-bench");
        try (BankDatabase db = BankDatabase.open(BankDatabase.h2FileUrl(dir), "sa", "", 4)) {
            JdbcMessageBank bank = new JdbcMessageBank(db, Clock.systemUTC(), JdbcMessageBank.Settings.defaults());
            ingest(bank, ingested);
            fill(db, ingested, total);
            search(bank, total);
        }
    }

    private static void ingest(JdbcMessageBank bank, int messages) {
        long seq = 0;
        long start = System.nanoTime();
        for (int m = 0; m < messages; m += 100) {
            List<FeedMessage> snapshots = new ArrayList<>();
            List<FeedEvent> events = new ArrayList<>();
            for (int i = m; i < m + 100; i++) {
                Instant at = T0.plusMillis(i * 10L);
                snapshots.add(message(i, at, seq + 5));
                for (String type : List.of("SUBMITTED", "SEND_STARTED", "SEND_ACCEPTED", "ACKNOWLEDGED", "NOTE")) {
                    events.add(new FeedEvent(++seq, "k" + i, at, type, null, null, null));
                }
            }
            bank.feed(new FeedBatch("bench-node", seq, snapshots, events));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("ingest: %d messages (%d events, 2 KB wire each) in %.1f s = %.0f messages/s%n", messages,
                seq, seconds, messages / seconds);
    }

    private static FeedMessage message(int i, Instant at, long snapshot) {
        String id = "mid-" + i + "@bench";
        return new FeedMessage("k" + i, "OUTBOUND", "COMPLETE", "cpa-bench", "conv-" + i, id, "HL7-" + i,
                "urn:x:HOSP", "urn:x:LAB" + (i % 20), "svc", "", "Order", false, 1, at, at, null, snapshot,
                List.of(new FeedMessage.FeedMessageId(id, 1, at)), new FeedMessage.FeedWire(id, "text/xml", WIRE));
    }

    /** Bulk rows (no wire, no events: they do not take part in these searches), 10 ms apart. */
    private static void fill(BankDatabase db, int from, int total) {
        long start = System.nanoTime();
        for (int first = from; first < total; first += 50_000) {
            int last = Math.min(total, first + 50_000);
            int lo = first;
            db.inTransaction(c -> {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_messages (node_id,"
                        + " message_key, direction, state, cpa_id, conversation_id, message_id, hl7_id, from_party,"
                        + " to_party, partner, partner_value, service_type, service_value, action, best_effort,"
                        + " attempts, created_at, updated_at, snapshot_seq, banked_at)"
                        + " SELECT 'bench-node', 'k' || X, 'OUTBOUND', 'COMPLETE', 'cpa-bench', 'conv-' || X,"
                        + " 'mid-' || X || '@bench', 'HL7-' || X, 'urn:x:HOSP', 'urn:x:LAB' || MOD(X, 20),"
                        + " 'urn:x:LAB' || MOD(X, 20), 'LAB' || MOD(X, 20), '', 'svc', 'Order', FALSE, 1,"
                        + " ? + X * 10, ? + X * 10, 1, 0 FROM SYSTEM_RANGE(?, ?)")) {
                    insert.setLong(1, T0.toEpochMilli());
                    insert.setLong(2, T0.toEpochMilli());
                    insert.setLong(3, lo);
                    insert.setLong(4, last - 1);
                    insert.executeUpdate();
                }
                try (PreparedStatement ids = c.prepareStatement("INSERT INTO bank_message_ids (bank_message,"
                        + " ordinal, message_id, assigned_at) SELECT id, 1, message_id, created_at FROM bank_messages"
                        + " WHERE message_key IN (SELECT 'k' || X FROM SYSTEM_RANGE(?, ?)) AND node_id = 'bench-node'")) {
                    ids.setLong(1, lo);
                    ids.setLong(2, last - 1);
                    ids.executeUpdate();
                }
                return null;
            });
        }
        System.out.printf("filled to %d messages in %.0f s%n", total, (System.nanoTime() - start) / 1e9);
    }

    private static void search(JdbcMessageBank bank, int total) {
        Random random = new Random(42);
        for (int warm = 0; warm < 20; warm++) {
            bank.search(query("HL7-" + random.nextInt(total), null, null, null), null, 50);
        }
        report("HL7 id", 50, () -> bank.search(query("HL7-" + random.nextInt(total), null, null, null), null, 50));
        report("MessageId (any of the chain)", 50, () -> bank.search(query(null, "mid-" + random.nextInt(total)
                + "@bench", null, null), null, 50));
        report("time range, first page of 50 (1 hour in the middle)", 50, () -> {
            Instant since = T0.plusMillis(random.nextInt(total) * 10L);
            bank.search(query(null, null, since, since.plus(Duration.ofHours(1))), null, 50);
        });
        report("time range, page 20 through the cursor", 20, () -> {
            Instant since = T0.plusMillis(random.nextInt(total / 2) * 10L);
            String after = null;
            for (int page = 0; page < 20; page++) {
                after = bank.search(query(null, null, since, since.plus(Duration.ofHours(1))), after, 50).next();
            }
        });
    }

    private static BankQuery query(String hl7Id, String messageId, Instant since, Instant until) {
        return new BankQuery(hl7Id, messageId, null, null, null, null, null, List.of(), null, null, since, until,
                false);
    }

    private static void report(String what, int runs, Runnable query) {
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("search by %s: median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)%n", what,
                ms[runs / 2], ms[(int) (runs * 0.95)], ms[runs - 1], runs);
    }
}
