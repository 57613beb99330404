package org.ebrelay.boot.demo;

import org.ebrelay.boot.Gateway;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/** {@code ebrelay demo}: starts the two nodes, runs the story, then keeps the nodes up until Ctrl-C. */
public final class Demo {
    /**
     * @param dataDir holds the nodes' {@code hospital/} and {@code lab/} data directories
     * @param wipe    delete those two directories first
     * @param keepRunning keep the nodes running after the story until the process is stopped
     * @param ansi    redraw a live table with terminal escape codes
     */
    public record Options(Path cpaFile, Path dataDir, int hospitalPort, int labPort, Duration outage, boolean wipe,
                          boolean keepRunning, boolean ansi) {
    }

    private final Options options;
    private final PrintWriter out;
    private final Clock clock;

    public Demo(Options options, PrintWriter out, Clock clock) {
        this.options = options;
        this.out = out;
        this.clock = clock;
    }

    /**
     * Runs the demo; true when every message completed and was delivered exactly once. With {@code keepRunning}, returns
     * only if the story failed (the nodes stop when the process does).
     *
     * @throws Exception when a node cannot start (a port in use, a bad CPA), with the reason
     */
    public boolean run() throws Exception {
        DemoMllp mllp = new DemoMllp();
        DemoNodes nodes;
        try {
            nodes = DemoNodes.start(new DemoNodes.Settings(options.cpaFile(), options.dataDir(),
                    options.hospitalPort(), options.labPort(), "commit", options.wipe()), clock,
                    (config, at) -> Gateway.start(mllp.configure(config.node().id(), config), at));
        } catch (Exception | Error e) {
            mllp.close();
            throw e;
        }
        Thread stopper = new Thread(() -> {
            nodes.close();
            mllp.close();
        }, "ebrelay-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        boolean waiting = false;
        try {
            out.printf("ebrelay demo: the hospital on %s, the laboratory on %s, under the CPA %s.%n",
                    nodes.node(DemoParty.HOSPITAL).baseUri(), nodes.node(DemoParty.LAB).baseUri(), DemoParty.CPA_ID);
            out.println();
            String runTag = Long.toString(clock.millis() / 1000, 36).toUpperCase(Locale.ROOT);
            DemoScript script = new DemoScript(nodes, new ProgressBoard(out, options.ansi(), nodes), clock,
                    options.outage(), runTag);
            boolean ok;
            try (ProgressBoard board = script.board()) {
                board.start();
                ok = script.run();
            }
            if (ok) {
                out.println();
                ok = mllp.run(nodes, out, clock, runTag);
            }
            if (ok && options.keepRunning()) {
                DemoGuide.print(out, nodes, options.dataDir(), script.orderId(DemoScript.LAST_ORDER), clock,
                        mllp::printRecipe);
                waiting = true;
                new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops both nodes
            }
            return ok;
        } finally {
            if (!waiting) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already and closes the nodes
                }
                nodes.close();
                mllp.close();
            }
        }
    }
}
