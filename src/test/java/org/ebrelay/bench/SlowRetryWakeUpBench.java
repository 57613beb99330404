package org.ebrelay.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.DatabaseSettings;
import org.ebrelay.adapter.jdbc.Durability;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.NodeId;

/**
 * The cost of one scheduling wake-up (the next due time, then claiming 1,000 due messages) with 10,000 and with
 * 1,000,000 messages waiting in SLOW_RETRY on H2 (issue 4): the wake-up should cost the same. Rows are inserted by
 * INSERT ... SELECT over SYSTEM_RANGE in batches of 100,000. Not a test: a measurement.
 *
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ebrelay.bench.SlowRetryWakeUpBench [pending...]
 * </pre>
 */
public final class SlowRetryWakeUpBench {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final int DUE = 1_000;
    private static final int RUNS = 7;
    private static final String INSERT = "INSERT INTO outbound_messages (id, cpa_id, conversation_id, message_id,"
            + " message_timestamp, hl7_id, from_party_type, from_party_value, to_party_type, to_party_value,"
            + " service_type, service_value, action, ack_requested, duplicate_elimination, sync_reply, retries,"
            + " retry_interval_ms, persist_duration_ms, endpoint_url, soap_action, state,"
            + " next_attempt_at, attempts, sequence_attempts, last_attempt_end, slow_retry_rounds, created_at, updated_at)"
            + " SELECT ? || X, 'urn:cpa:bench', 'conv-' || X, 'mid-' || ? || X || '@bench', ?, 'HL7-' || X,"
            + " 'urn:oid:1', 'RGH', 'urn:oid:1', 'NRL', '', 'lab', 'OML_O21', TRUE, TRUE, TRUE, 4, 2000, 3600000,"
            + " 'http://127.0.0.1:9/ebms', '\"ebXML\"',"
            + " 'SLOW_RETRY', CAST(? AS BIGINT) + MOD(X, 86400000), 5, 5, ?, 3, ?, ? FROM SYSTEM_RANGE(1, ?)";

    /** The package of each message, in its own table (V8). */
    private static final String INSERT_WIRE = "INSERT INTO outbound_wire (message_key, content_type, wire)"
            + " SELECT ? || X, 'text/xml', CAST(REPEAT('x', 1024) AS VARBINARY) FROM SYSTEM_RANGE(1, ?)";

    private SlowRetryWakeUpBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 1_000_000);
        }
        System.out.printf("%12s %10s %14s %14s %16s %14s%n", "pending", "due", "median ms", "max ms",
                "allocated MB", "heap after MB");
        for (int pending : sizes) {
            run(pending);
        }
    }

    private static void run(int pending) throws Exception {
        Path dir = Files.createTempDirectory("ebrelay-slowretry-bench");
        try (Database database = Database.open(DatabaseSettings.h2File(dir, Durability.COMMIT))) {
            insert(database, "w", pending, NOW.plus(Duration.ofMinutes(1)).toEpochMilli());
            insert(database, "d", DUE, NOW.minus(Duration.ofDays(1)).toEpochMilli());
            JdbcMessageStore store = new JdbcMessageStore(database);
            List<Long> millis = new ArrayList<>();
            long allocated = 0;
            for (int run = 0; run < RUNS; run++) {
                makeDueAgain(database);
                System.gc();
                long allocatedBefore = allocatedBytes();
                long start = System.nanoTime();
                store.nextDueTime();
                List<ClaimedMessage> claimed = store.claimDue(NodeId.of("bench"), NOW, NOW.plusSeconds(120), DUE);
                millis.add((System.nanoTime() - start) / 1_000_000);
                allocated = allocatedBytes() - allocatedBefore;
                if (claimed.size() != DUE) {
                    throw new IllegalStateException("claimed " + claimed.size() + " of " + DUE);
                }
            }
            System.gc();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("%12d %10d %14d %14d %16.1f %14.1f%n", pending, DUE, sorted.get(RUNS / 2),
                    sorted.get(RUNS - 1), allocated / 1e6, memory.getHeapMemoryUsage().getUsed() / 1e6);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void insert(Database database, String prefix, int count, long due) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            for (int from = 0; from < count; from += 100_000) {
                int batch = Math.min(100_000, count - from);
                try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    insert.setString(1, prefix + from + "-");
                    insert.setString(2, prefix + from + "-");
                    insert.setLong(3, NOW.minus(Duration.ofDays(1)).toEpochMilli());
                    insert.setLong(4, due);
                    insert.setLong(5, NOW.minus(Duration.ofHours(2)).toEpochMilli());
                    insert.setLong(6, NOW.minus(Duration.ofDays(1)).toEpochMilli());
                    insert.setLong(7, NOW.minus(Duration.ofHours(2)).toEpochMilli());
                    insert.setInt(8, batch);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement(INSERT_WIRE)) {
                    insert.setString(1, prefix + from + "-");
                    insert.setInt(2, batch);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** The 1,000 claimed messages back in SLOW_RETRY, due a day ago. */
    private static void makeDueAgain(Database database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement reset = connection.prepareStatement("UPDATE outbound_messages SET state = 'SLOW_RETRY',"
                     + " claim_node = NULL, claim_until = NULL, next_attempt_at = ? WHERE id LIKE 'd%'")) {
            reset.setLong(1, NOW.minus(Duration.ofDays(1)).toEpochMilli());
            reset.executeUpdate();
        }
    }

    /** Bytes allocated by every live thread so far (the store's writes run on its writer thread). */
    private static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            total += Math.max(0, threads.getThreadAllocatedBytes(id));
        }
        return total;
    }
}
