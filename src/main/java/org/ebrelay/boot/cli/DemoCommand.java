package org.ebrelay.boot.cli;

import org.ebrelay.boot.demo.Demo;
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

/** {@code ebrelay demo}: a hospital and a laboratory node exchanging HL7 v2 messages on loopback. */
@Command(name = "demo",
        description = {"Starts two nodes on loopback (a hospital and a laboratory under cpa/demo-hospital-lab.xml),",
                "sends HL7 v2 orders and results both ways, takes the laboratory down for a while so retries",
                "show, brings it back, checks that every message completed and was delivered exactly once,",
                "then keeps both nodes running until Ctrl-C (or ends, with --no-wait).",
                "Exit codes: 0 everything completed, 1 it did not or a node could not start, 2 wrong command line."})
public final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--hospital-port", paramLabel = "PORT", defaultValue = "8081",
            description = "The hospital node's port (default ${DEFAULT-VALUE}).")
    int hospitalPort;

    @Option(names = "--lab-port", paramLabel = "PORT", defaultValue = "8082",
            description = "The laboratory node's port (default ${DEFAULT-VALUE}).")
    int labPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data/demo",
            description = "Holds the nodes' data in DIR/hospital and DIR/lab (default ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--keep", description = "Keep the nodes' data from an earlier run (default: wiped at start).")
    boolean keep;

    @Option(names = "--no-wait", description = "End after the summary instead of keeping the nodes running.")
    boolean noWait;

    @Option(names = "--outage", paramLabel = "SECONDS", defaultValue = "8",
            description = "How long the laboratory stays down (default ${DEFAULT-VALUE}).")
    int outageSeconds;

    @Option(names = "--cpa", paramLabel = "FILE",
            description = "The demo CPA (default: cpa/" + DemoCpa.FILE_NAME + " of this checkout).")
    Path cpaFile;

    @Option(names = "--plain", description = "Plain output, no live table (the default when not on a terminal).")
    boolean plain;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<Path> cpa = cpaFile != null ? Optional.of(cpaFile) : DemoCpa.locate();
        if (cpa.isEmpty()) {
            err.println("ebrelay demo: cannot find cpa/" + DemoCpa.FILE_NAME + ": run it from the checkout, or give --cpa FILE");
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        if (outageSeconds < 1 || outageSeconds > 60) {
            err.println("ebrelay demo: --outage must be between 1 and 60 seconds");
            err.flush();
            return ExitCodes.UNREADABLE;
        }
        boolean ansi = !plain && System.console() != null;
        Demo.Options options = new Demo.Options(cpa.get(), dataDir, hospitalPort, labPort,
                Duration.ofSeconds(outageSeconds), !keep, !noWait, ansi);
        try {
            return new Demo(options, out, Clock.systemUTC()).run() ? ExitCodes.OK : ExitCodes.PROBLEMS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.PROBLEMS;
        } catch (Exception e) {
            err.println("ebrelay demo: " + e.getMessage());
            err.flush();
            return ExitCodes.PROBLEMS;
        }
    }
}
