package org.ebrelay.boot.cli;

import org.ebrelay.boot.bench.Bench;
import org.ebrelay.boot.bench.MllpBench;
import org.ebrelay.boot.demo.DemoCpa;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code ebrelay bench}: the end-to-end benchmark (docs/BENCHMARKS.md). */
@Command(name = "bench",
        description = {"The end-to-end benchmark: starts a hospital and a laboratory node in this JVM on loopback",
                "(durable H2), submits HL7 v2 orders to the hospital over its REST API and times each until it is",
                "COMPLETE (acknowledged by the laboratory). Reports messages/s, p50/p99 latency and CPU per message.",
                "Exit codes: 0 every message completed, 1 some did not (or a node could not start), 2 wrong command line."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-n", "--messages"}, paramLabel = "N", defaultValue = "20000",
            description = "Messages measured (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "60000",
            description = "Messages sent first and not measured (default ${DEFAULT-VALUE}: on 2 cores the JIT compiler"
                    + " needs about a minute of CPU under this load, spread over the first minutes; the report says"
                    + " how long it was still compiling during the measurement).")
    int warmup;

    @Option(names = {"-c", "--concurrency"}, paramLabel = "C", defaultValue = "32",
            description = "Concurrent submitters, each waiting for its message to be COMPLETE before the next "
                    + "(default ${DEFAULT-VALUE}); with --rate, the client's connection count.")
    int concurrency;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "Submit R messages/s on a fixed schedule instead (open loop; latency from the schedule).")
    double rate;

    @Option(names = "--durability", paramLabel = "MODE", defaultValue = "commit",
            description = "commit (survives kill -9) or fsync (also power loss); default ${DEFAULT-VALUE}.")
    String durability;

    @Option(names = "--mllp", description = "Measure the MLLP path instead: HAPI MLLP senders -> hospital node -> "
            + "laboratory node -> a HAPI MLLP receiver (closed loop at --concurrency; --rate does not apply).")
    boolean mllp;

    @Option(names = "--client", paramLabel = "KIND", defaultValue = "jetty",
            description = "The load's HTTP client: jetty or jdk (default ${DEFAULT-VALUE}).")
    String client;

    @Option(names = "--payload-bytes", paramLabel = "BYTES", defaultValue = "2048",
            description = "Size of the HL7 v2 payload (default ${DEFAULT-VALUE}).")
    int payloadBytes;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep the nodes' databases in DIR/hospital and DIR/lab (default: a temporary directory, deleted).")
    Path dataDir;

    @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "0",
            description = "After the warm-up, wait up to this long for the JIT compiler to go idle before measuring"
                    + " (default ${DEFAULT-VALUE}: measure at once). On 2 cores the compiler competes with the load"
                    + " for CPU, so hot code can wait minutes in its queue; the report says how long it took.")
    int settleSeconds;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "600",
            description = "Give up on a phase after this long (default ${DEFAULT-VALUE}).")
    int timeLimitSeconds;

    @Option(names = "--postgres", paramLabel = "URL",
            description = "Run the nodes on this PostgreSQL server (jdbc:postgresql://HOST:PORT/), each party on a"
                    + " fresh database of its own (ebrelay_bench_hospital, ebrelay_bench_lab), instead of H2.")
    String postgresUrl;

    @Option(names = "--postgres-user", paramLabel = "USER", defaultValue = "postgres",
            description = "The PostgreSQL user (default ${DEFAULT-VALUE}); it must be allowed to create databases.")
    String postgresUser;

    @Option(names = "--postgres-password", paramLabel = "PASSWORD", defaultValue = "",
            description = "The PostgreSQL user's password (default: none).")
    String postgresPassword;

    @Option(names = "--hospital-nodes", paramLabel = "N", defaultValue = "1",
            description = "With --postgres: N hospital nodes sharing one database as a cluster, the load spread"
                    + " over them (default ${DEFAULT-VALUE}).")
    int hospitalNodes;

    @Option(names = "--no-bank",
            description = "Run the nodes without their in-node Message Bank (by default each node hosts one and"
                    + " ships every message and event to it).")
    boolean noBank;

    @Option(names = "--signed", paramLabel = "WHAT", defaultValue = "none",
            description = "XML signatures: none, messages (signed messages, unsigned acks) or acks (signed messages"
                    + " and signed acks), with a fresh RSA-2048 key per node (default ${DEFAULT-VALUE}).")
    String signed;

    @Option(names = "--cpa", paramLabel = "FILE",
            description = "The demo CPA (default: cpa/" + DemoCpa.FILE_NAME + " of this checkout).")
    Path cpaFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String problem = problem();
        if (problem != null) {
            err.println("ebrelay bench: " + problem);
            err.flush();
            return ExitCodes.UNREADABLE;
        }
        Optional<Path> cpa = cpaFile != null ? Optional.of(cpaFile) : DemoCpa.locate();
        if (cpa.isEmpty()) {
            err.println("ebrelay bench: cannot find cpa/" + DemoCpa.FILE_NAME + ": run it from the checkout, or give --cpa FILE");
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        Bench.Options options = new Bench.Options(messages, warmup, concurrency, rate, durability, client,
                payloadBytes, cpa.get(), dataDir, Duration.ofSeconds(timeLimitSeconds), signed);
        try {
            Bench bench = new Bench(options, spec.commandLine().getOut(), Clock.systemUTC());
            if (noBank) {
                bench.withoutBank();
            }
            bench.settleFor(Duration.ofSeconds(settleSeconds));
            if (postgresUrl != null) {
                bench.onPostgres(postgresUrl.endsWith("/") ? postgresUrl : postgresUrl + "/", postgresUser,
                        postgresPassword, hospitalNodes);
            }
            boolean completed = mllp ? new MllpBench(options, spec.commandLine().getOut()).run() : bench.run();
            return completed ? ExitCodes.OK : ExitCodes.PROBLEMS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.PROBLEMS;
        } catch (Exception e) {
            err.println("ebrelay bench: " + e.getMessage());
            err.flush();
            return ExitCodes.PROBLEMS;
        }
    }

    private String problem() {
        if (messages < 1 || warmup < 0 || concurrency < 1 || rate < 0 || payloadBytes < 512 || timeLimitSeconds < 1
                || settleSeconds < 0) {
            return "--messages and --concurrency must be at least 1, --warmup and --rate at least 0, "
                    + "--payload-bytes at least 512, --time-limit at least 1, --settle at least 0";
        }
        if (hospitalNodes < 1 || hospitalNodes > 1 && postgresUrl == null) {
            return "--hospital-nodes is at least 1, and more than 1 needs --postgres";
        }
        if (!durability.equals("commit") && !durability.equals("fsync")) {
            return "--durability is commit or fsync";
        }
        if (!client.equals("jetty") && !client.equals("jdk")) {
            return "--client is jetty or jdk";
        }
        return null;
    }
}
