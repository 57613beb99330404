package org.ebrelay.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.boot.LoopbackPorts;

/**
 * One node of a test: its name, the party it acts for, its port, and its directories under a test's temporary root
 * ({@code <name>-data} for H2, {@code <name>-cpa} holding only the demo CPA). The same setup starts an in-process
 * {@link Gateway} or is written as the YAML file of an {@code ebrelay serve} process.
 */
record TestNode(Path root, String name, String party, int port, Duration responseTimeout,
                GatewayConfig.Reliability reliability) {
    static TestNode hospital(Path root, int port) {
        return new TestNode(root, "hospital", DemoCpa.HOSPITAL, port, Duration.ofSeconds(10),
                GatewayConfig.Reliability.defaults());
    }

    static TestNode lab(Path root, int port) {
        return new TestNode(root, "lab", DemoCpa.LAB, port, Duration.ofSeconds(10),
                GatewayConfig.Reliability.defaults());
    }

    TestNode withResponseTimeout(Duration timeout) {
        return new TestNode(root, name, party, port, timeout, reliability);
    }

    /** Other reliability settings (slow retry, MessageId regeneration) for the in-process node. */
    TestNode withReliability(GatewayConfig.Reliability settings) {
        return new TestNode(root, name, party, port, responseTimeout, settings);
    }

    Path dataDir() {
        return root.resolve(name + "-data");
    }

    Path cpaDir() {
        return root.resolve(name + "-cpa");
    }

    /** Writes this CPA as the only one the node loads. */
    TestNode withCpa(DemoCpa cpa) {
        cpa.writeInto(cpaDir());
        return this;
    }

    Gateway start() {
        return Gateway.start(config(), Clock.systemUTC());
    }

    /** Starts it with its configuration changed. */
    Gateway start(java.util.function.UnaryOperator<GatewayConfig> change) {
        return Gateway.start(change.apply(config()), Clock.systemUTC());
    }

    GatewayConfig config() {
        GatewayConfig defaults = GatewayConfig.defaults();
        return new GatewayConfig(
                new GatewayConfig.Node(name, List.of(party)),
                new GatewayConfig.Http("127.0.0.1", port, null, defaults.http().maxMessageBytes(),
                        Duration.ofSeconds(5), responseTimeout, null, true), // strict: our own wire output is schema-checked
                new GatewayConfig.Storage(dataDir(), null, "commit"),
                new GatewayConfig.Cpa(cpaDir()),
                reliability,
                GatewayConfig.Delivery.defaults());
    }

    /** The same settings in the form of {@code conf/ebrelay.yaml}. */
    String yaml() {
        return "node:\n"
                + "  id: " + name + "\n"
                + "  parties: [\"" + party + "\"]\n"
                + "http:\n"
                + "  host: 127.0.0.1\n"
                + "  port: " + port + "\n"
                + "  connectTimeout: PT5S\n"
                + "  responseTimeout: " + responseTimeout + "\n"
                + "storage:\n"
                + "  dataDir: \"" + dataDir().toAbsolutePath() + "\"\n"
                + "  durability: commit\n"
                + "cpa:\n"
                + "  dir: \"" + cpaDir().toAbsolutePath() + "\"\n";
    }

    /** A port nobody listens on right now (loopback). */
    static int freePort() {
        return LoopbackPorts.next();
    }
}
