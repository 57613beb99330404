package org.ebrelay.boot.demo;

import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The hospital and the laboratory of the demo CPA ({@code cpa/demo-hospital-lab.xml}) as two nodes in this JVM on
 * loopback, each acting for its own party, each with its own data directory and a temporary CPA directory holding
 * only a copy of the demo CPA whose endpoints point at the chosen ports. Used by {@code ebrelay demo} and
 * {@code ebrelay bench}. A node can be stopped and started again on the same port and data directory.
 */
public final class DemoNodes implements AutoCloseable {
    /**
     * @param cpaFile    the demo CPA to copy
     * @param dataDir    holds {@code hospital/} and {@code lab/}
     * @param durability the storage durability setting ({@code commit} or {@code fsync})
     * @param wipe       delete both nodes' data directories before starting (never {@code dataDir} itself)
     */
    public record Settings(Path cpaFile, Path dataDir, int hospitalPort, int labPort, String durability,
                           boolean wipe) {
        int port(DemoParty party) {
            return party == DemoParty.HOSPITAL ? hospitalPort : labPort;
        }
    }

    private final Settings settings;
    private final Clock clock;
    private final GatewayStarter starter;
    private final Path cpaCopies;
    private final Map<DemoParty, GatewayConfig> configs = new EnumMap<>(DemoParty.class);
    private final Map<DemoParty, Gateway> running = new EnumMap<>(DemoParty.class);

    /** Starts a node; {@link Gateway#start} unless a caller needs to wire more (the bench's completion hook). */
    @FunctionalInterface
    public interface GatewayStarter {
        Gateway start(GatewayConfig config, Clock clock) throws Exception;
    }

    private DemoNodes(Settings settings, Clock clock, GatewayStarter starter, Path cpaCopies) {
        this.settings = settings;
        this.clock = clock;
        this.starter = starter;
        this.cpaCopies = cpaCopies;
    }

    /** Prepares the directories and starts both nodes; on failure nothing is left running. */
    public static DemoNodes start(Settings settings, Clock clock, GatewayStarter starter) throws Exception {
        String cpa = rewriteEndpoints(Files.readString(settings.cpaFile(), StandardCharsets.UTF_8), settings);
        DemoNodes nodes = new DemoNodes(settings, clock, starter, Files.createTempDirectory("ebrelay-demo-cpa"));
        try {
            for (DemoParty party : DemoParty.values()) {
                nodes.configs.put(party, nodes.prepare(party, cpa));
            }
            for (DemoParty party : DemoParty.values()) {
                nodes.startNode(party);
            }
            return nodes;
        } catch (Exception | Error e) {
            nodes.close();
            throw e;
        }
    }

    /** The CPA text with the two loopback endpoints moved to the chosen ports. */
    static String rewriteEndpoints(String cpa, Settings settings) {
        String result = cpa;
        for (DemoParty party : DemoParty.values()) {
            String original = "http://127.0.0.1:" + party.cpaPort() + "/ebms";
            if (!result.contains(original)) {
                throw new IllegalArgumentException(settings.cpaFile() + " has no endpoint " + original
                        + ": is it the demo CPA?");
            }
            result = result.replace(original, "http://127.0.0.1:" + settings.port(party) + "/ebms");
        }
        return result;
    }

    private GatewayConfig prepare(DemoParty party, String cpa) throws IOException {
        Path data = settings.dataDir().resolve(party.dirName());
        if (settings.wipe()) {
            deleteTree(data);
        }
        Files.createDirectories(data);
        Path cpaDir = Files.createDirectories(cpaCopies.resolve(party.dirName()));
        Files.writeString(cpaDir.resolve("demo-hospital-lab.xml"), cpa, StandardCharsets.UTF_8);
        GatewayConfig.Http http = GatewayConfig.Http.defaults();
        return new GatewayConfig(new GatewayConfig.Node(party.dirName(), List.of(party.partyId())),
                new GatewayConfig.Http("127.0.0.1", settings.port(party), null, http.maxMessageBytes(),
                        Duration.ofSeconds(2), Duration.ofSeconds(10), null),
                new GatewayConfig.Storage(data, null, settings.durability()),
                new GatewayConfig.Cpa(cpaDir), GatewayConfig.Reliability.defaults(),
                GatewayConfig.Delivery.defaults(), GatewayConfig.Pacing.defaults());
    }

    /** The running node, or null while it is stopped. */
    public synchronized Gateway node(DemoParty party) {
        return running.get(party);
    }

    public GatewayConfig config(DemoParty party) {
        return configs.get(party);
    }

    /** Starts a stopped node again: same port, same data directory, same CPA copy. */
    public synchronized void startNode(DemoParty party) throws Exception {
        if (!running.containsKey(party)) {
            running.put(party, starter.start(configs.get(party), clock));
        }
    }

    /** Stops one node (its web server, dispatcher and database), as if it went down. */
    public void stopNode(DemoParty party) {
        Gateway gateway;
        synchronized (this) {
            gateway = running.remove(party);
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    /** Stops both nodes and removes the temporary CPA copies; the data directories stay for a look afterwards. */
    @Override
    public void close() {
        for (DemoParty party : DemoParty.values()) {
            try {
                stopNode(party);
            } catch (RuntimeException e) {
                System.err.println("ebrelay: stopping the " + party.displayName() + " node failed: " + e);
            }
        }
        try {
            deleteTree(cpaCopies);
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
