package org.ebrelay.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.DatabaseSettings;
import org.ebrelay.adapter.jdbc.Durability;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;

/**
 * Commits per second of single message inserts (message row + MessageId chain row + event, 2 KB wire) through the
 * store's group-commit writer, by number of concurrent callers and durability. Not a test: a measurement.
 *
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.ebrelay.bench.GroupCommitBench [seconds [commit|fsync [callers]]]
 * </pre>
 */
public final class GroupCommitBench {
    private static final byte[] WIRE = "x".repeat(2048).getBytes(StandardCharsets.UTF_8);
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final AtomicLong KEYS = new AtomicLong();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private GroupCommitBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        System.out.printf("%-8s %8s %12s %12s %10s %14s%n", "mode", "callers", "commits/s", "groups/s",
                "avg group", "CPU us/commit");
        List<Durability> modes = args.length > 1 ? List.of(Durability.fromSetting(args[1]))
                : List.of(Durability.values());
        for (Durability durability : modes) {
            int[] counts = args.length > 2 ? new int[] {Integer.parseInt(args[2])} : new int[] {1, 8, 32};
            for (int callers : counts) {
                run(durability, callers, seconds);
            }
        }
    }

    private static void run(Durability durability, int callers, int seconds) throws Exception {
        Path dir = Files.createTempDirectory("ebrelay-bench");
        DatabaseSettings settings = DatabaseSettings.h2File(dir, durability);
        String extra = System.getProperty("bench.urlSuffix", "");
        try (Database database = Database.open(new DatabaseSettings(settings.jdbcUrl() + extra, settings.user(),
                settings.password(), settings.poolSize(), durability))) {
            MessageStore store = new JdbcMessageStore(database);
            measure(store, callers, Math.max(3, seconds / 2)); // warm-up
            Database.WriteCounts before = database.writeCounts();
            long cpuBefore = PROCESS.getProcessCpuTime();
            long inserted = measure(store, callers, seconds);
            long cpu = PROCESS.getProcessCpuTime() - cpuBefore;
            Database.WriteCounts after = database.writeCounts();
            long groups = after.transactions() - before.transactions();
            System.out.printf("%-8s %8d %12.0f %12.0f %10.1f %14.0f%n", durability.settingValue(), callers,
                    inserted / (double) seconds, groups / (double) seconds, inserted / (double) Math.max(1, groups),
                    cpu / 1000.0 / Math.max(1, inserted));
        } finally {
            delete(dir);
        }
    }

    /** Inserts from {@code callers} threads for {@code seconds}; returns how many inserts were answered. */
    private static long measure(MessageStore store, int callers, int seconds) throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    store.insert(message("b" + KEYS.incrementAndGet()));
                    answered.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return answered.get();
    }

    private static SubmittedMessage message(String key) {
        MessageHeading heading = new MessageHeading(CpaId.of("cpa-bench"), ConversationId.of("conv-" + key),
                MessageId.of(key + "@bench.example"), "HL7-" + key, PartyId.of("urn:oid:1.2", "A"),
                PartyId.of("urn:oid:1.2", "B"), Service.of(null, "urn:bench"), "ORU_R01", T0);
        return new SubmittedMessage(InternalId.of(key), heading,
                new DeliveryTerms(true, true, true, 3, Duration.ofSeconds(30), Duration.ofHours(1)), null, null,
                "http://127.0.0.1:8081/ebms", "\"ebXML\"", new WireBytes("multipart/related; boundary=b", WIRE), T0,
                T0);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
