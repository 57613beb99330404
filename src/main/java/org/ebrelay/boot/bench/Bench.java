package org.ebrelay.boot.bench;

import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.LoopbackPorts;
import org.ebrelay.boot.demo.DemoNodes;
import org.ebrelay.boot.demo.DemoParty;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ebrelay bench}: the end-to-end benchmark. Two nodes of the demo CPA in this JVM on loopback (durable H2),
 * HL7 v2 orders submitted to the hospital over its REST API, each timed until the hospital has the laboratory's
 * Acknowledgment (COMPLETE). A warm-up run first, then the measured one; CPU is the whole process: both nodes
 * and the load.
 */
public final class Bench {
    /** How long a paced run's warm-up ends at the measured rate. */
    static final Duration PACED_WARMUP = Duration.ofSeconds(40);

    /**
     * @param rate     messages per second for a paced run; 0 for a closed loop at {@code concurrency}
     * @param client   {@code jetty} or {@code jdk}: the HTTP client of the load
     * @param dataDir  where the nodes keep their databases; null: a temporary directory, deleted afterwards
     * @param signed   {@code none}, {@code messages} (signed messages, unsigned acks) or {@code acks} (both signed)
     */
    public record Options(int messages, int warmup, int concurrency, double rate, String durability, String client,
                          int payloadBytes, Path cpaFile, Path dataDir, Duration timeLimit, String signed) {
        public Options(int messages, int warmup, int concurrency, double rate, String durability, String client,
                       int payloadBytes, Path cpaFile, Path dataDir, Duration timeLimit) {
            this(messages, warmup, concurrency, rate, durability, client, payloadBytes, cpaFile, dataDir, timeLimit,
                    SignedRun.NONE);
        }
    }

    private final Options options;
    private final PrintWriter out;
    private final Clock clock;

    private PostgresNodes postgres;
    private int hospitalNodes = 1;
    private boolean bank = true;
    private Duration settleLimit = Duration.ZERO;

    public Bench(Options options, PrintWriter out, Clock clock) {
        this.options = options;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Runs the nodes on a PostgreSQL server instead of H2 ({@code serverUrl} ends in {@code /}; each party gets a
     * fresh database), with {@code hospitalNodes} hospital nodes sharing theirs as a cluster, the load spread over
     * them.
     */
    public Bench onPostgres(String serverUrl, String user, String password, int hospitalNodes) {
        this.postgres = new PostgresNodes(serverUrl, user, password);
        this.hospitalNodes = hospitalNodes;
        return this;
    }

    /**
     * After the warm-up, waits up to {@code limit} for the JIT compiler to go idle (its total compilation time
     * unchanged for a second) before measuring: the state a node that has run for a while is in.
     */
    public Bench settleFor(Duration limit) {
        this.settleLimit = limit;
        return this;
    }

    /** Runs the nodes without their in-node Message Bank (to measure what the bank costs). */
    public Bench withoutBank() {
        this.bank = false;
        return this;
    }

    /** Runs warm-up and measurement and prints the report; true when every measured message completed. */
    public boolean run() throws Exception {
        Path dataDir = options.dataDir() != null ? options.dataDir() : Files.createTempDirectory("ebrelay-bench");
        SignedRun signing = SignedRun.prepare(options.signed(), options.cpaFile(), dataDir);
        // On PostgreSQL the nodes start without signing keys: the two options are not combined yet.
        DemoNodes.GatewayStarter base = postgres == null ? signing.starter() : postgres.starter(hospitalNodes > 1);
        DemoNodes.GatewayStarter starter = bank ? base
                : (config, nodeClock) -> base.start(config.withBank(config.bank().off()), nodeClock);
        List<Gateway> moreHospitals = new ArrayList<>();
        try (DemoNodes nodes = DemoNodes.start(new DemoNodes.Settings(signing.cpaFile(), dataDir,
                LoopbackPorts.next(), LoopbackPorts.next(), options.durability(), true), clock, starter);
             RestSubmitter client = RestSubmitter.create(options.client(), options.concurrency())) {
            Payloads payloads = new Payloads(runTag(), options.payloadBytes(), clock.instant());
            int total = options.warmup() + options.messages();
            List<URI> submitUris = new ArrayList<>(List.of(submitUri(nodes.node(DemoParty.HOSPITAL))));
            for (int n = 2; n <= hospitalNodes; n++) {
                Gateway another = postgres.startAnotherNode(nodes.config(DemoParty.HOSPITAL), n,
                        LoopbackPorts.next(), clock);
                moreHospitals.add(another);
                submitUris.add(submitUri(another));
            }
            LoadDriver driver = new LoadDriver(client, submitUris, payloads, total);
            nodes.node(DemoParty.HOSPITAL).addOutboundListener(driver);
            moreHospitals.forEach(node -> node.addOutboundListener(driver));
            out.printf("signed: %s; warm-up: %d messages ...%n", options.signed(), options.warmup());
            out.flush();
            if (!warmUp(driver)) {
                out.println("the warm-up did not complete in time");
                return false;
            }
            settle();
            Database.WriteCounts hospitalBefore = nodes.node(DemoParty.HOSPITAL).storeWrites();
            Database.WriteCounts labBefore = nodes.node(DemoParty.LAB).storeWrites();
            BenchReport report = measure(driver, nodes, payloads);
            report.print(out);
            driver.refusalReasons().forEach((reason, count) ->
                    out.printf(Locale.ROOT, "refused:     %d x %s (warm-up included)%n", count, reason));
            printWrites("hospital", hospitalBefore, nodes.node(DemoParty.HOSPITAL).storeWrites());
            printWrites("lab", labBefore, nodes.node(DemoParty.LAB).storeWrites());
            return report.allCompleted();
        } finally {
            moreHospitals.forEach(Gateway::close);
            if (options.dataDir() == null) {
                deleteQuietly(dataDir);
            }
        }
    }

    /**
     * The warm-up runs as a closed loop, the fastest way through the compiler's work. A paced run ends it with up to
     * {@link #PACED_WARMUP} at the measured rate: the paced load runs code the closed loop does not (the scheduler,
     * other queue depths), and without this the compiler spent 12-16 s of a 40 s measurement on it.
     */
    private boolean warmUp(LoadDriver driver) throws InterruptedException {
        int paced = options.rate() > 0
                ? (int) Math.min(options.warmup(), Math.ceil(options.rate() * PACED_WARMUP.toSeconds())) : 0;
        int closed = options.warmup() - paced;
        return (closed == 0 || driver.closedLoop(0, closed, options.concurrency(), options.timeLimit()))
                && (paced == 0 || driver.paced(closed, options.warmup(), options.rate(), options.timeLimit()));
    }

    private void settle() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (settleLimit.isZero() || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long start = System.nanoTime();
        long deadline = start + settleLimit.toNanos();
        long compiled = jit.getTotalCompilationTime();
        int quietPolls = 0;
        while (quietPolls < 4 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = jit.getTotalCompilationTime();
            quietPolls = now == compiled ? quietPolls + 1 : 0;
            compiled = now;
        }
        out.printf(Locale.ROOT, quietPolls >= 4 ? "settle: the compiler went idle %.1f s after the warm-up%n"
                : "settle: the compiler was still at work after %.1f s; measuring anyway%n",
                (System.nanoTime() - start) / 1e9);
        out.flush();
    }

    private BenchReport measure(LoadDriver driver, DemoNodes nodes, Payloads payloads) throws InterruptedException {
        int from = options.warmup();
        int to = from + options.messages();
        int refusedBefore = driver.refused();
        CpuMeter.Snapshot before = CpuMeter.snapshot();
        boolean ended = options.rate() > 0
                ? driver.paced(from, to, options.rate(), options.timeLimit())
                : driver.closedLoop(from, to, options.concurrency(), options.timeLimit());
        long last = driver.lastCompletion(from, to);
        CpuMeter.Snapshot after = CpuMeter.snapshot();
        long[] latencies = driver.latencies(from, to);
        long wall = (ended && last != 0 ? last : after.wallNanos()) - before.wallNanos();
        String mode = options.rate() > 0 ? String.format(Locale.ROOT, "paced at %.0f messages/s", options.rate())
                : options.concurrency() + " concurrent submitters (closed loop)";
        String setup = String.format(Locale.ROOT, "ebrelay bench: %d messages after %d warm-up, %d-byte HL7 v2 "
                        + "payload, %s, REST API with the %s client, durability %s, %s, the nodes and the load in one JVM",
                options.messages(), options.warmup(), payloads.size(), mode, options.client(), options.durability(),
                postgres == null ? "H2" : "PostgreSQL, " + hospitalNodes + " hospital node(s)");
        return new BenchReport(setup, options.messages(), latencies.length, driver.refused() - refusedBefore, wall,
                after.processNanos() - before.processNanos(), after.gcMillis() - before.gcMillis(),
                after.jitMillis() - before.jitMillis(), latencies,
                driver.answerTimes(from, to), CpuMeter.difference(before, after), driver.latePacing());
    }

    /** Store transactions and units of work per measured message: how well the group commit groups. */
    private void printWrites(String node, Database.WriteCounts before, Database.WriteCounts after) {
        double transactions = (after.transactions() - before.transactions()) / (double) options.messages();
        double units = (after.units() - before.units()) / (double) options.messages();
        long bytes = after.bytesWritten() - before.bytesWritten();
        String written = before.bytesWritten() < 0 || after.bytesWritten() < 0 || transactions == 0 ? ""
                : String.format(Locale.ROOT, ", %.0f KB written per commit",
                        bytes / 1024.0 / (after.transactions() - before.transactions()));
        out.printf(Locale.ROOT, "store:       %-8s %.2f commits and %.2f units of work per message (%.1f units per commit%s)%n",
                node, transactions, units, transactions == 0 ? 0 : units / transactions, written);
    }

    private static URI submitUri(Gateway hospital) {
        return URI.create(hospital.baseUri() + "/api/messages?cpa=" + encode(DemoParty.CPA_ID)
                + "&action=" + DemoParty.HOSPITAL.action() + "&to=" + encode(DemoParty.LAB.partyId()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String runTag() {
        return Long.toString(clock.millis() / 1000, 36).toUpperCase(Locale.ROOT);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
