package org.ebrelay.boot.bench;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.LoopbackPorts;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.boot.demo.DemoNodes;
import org.ebrelay.boot.demo.DemoParty;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MLLP path end to end: {@code concurrency} HAPI MLLP clients (the hospital's interface engine), each sending
 * its next order once the hospital node answered AA; the hospital node routes them to the laboratory node over
 * ebXML, which delivers them over MLLP to a HAPI MLLP server (the laboratory system). Measured: orders per second
 * from the first send to the last arrival, and each order's latency from its send to its arrival.
 */
public final class MllpBench {
    private final Bench.Options options;
    private final PrintWriter out;
    private final HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile CountDownLatch arrivals;

    public MllpBench(Bench.Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
        hapi.getParserConfiguration().setIdGenerator(new UUIDGenerator());
        MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
        llp.setCharset(StandardCharsets.UTF_8);
        hapi.setLowerLayerProtocol(llp);
    }

    /** Runs warm-up and measurement and prints the report; true when every measured order arrived. */
    public boolean run() throws Exception {
        Path dataDir = Files.createTempDirectory("ebrelay-mllp-bench");
        int labSystemPort = LoopbackPorts.next();
        HL7Service labSystem = labSystem(labSystemPort);
        try (DemoNodes nodes = DemoNodes.start(new DemoNodes.Settings(options.cpaFile(), dataDir, LoopbackPorts.next(),
                LoopbackPorts.next(), options.durability(), true), java.time.Clock.systemUTC(),
                (config, clock) -> Gateway.start(config.withMllp(mllp(labSystemPort)), clock))) {
            int port = nodes.node(DemoParty.HOSPITAL).mllpListeners().get(0).port();
            out.printf("warm-up: %d orders ...%n", options.warmup());
            out.flush();
            if (!send(port, "W", options.warmup())) {
                out.println("the warm-up did not complete in time");
                return false;
            }
            sentAt.clear();
            arrivedAt.clear();
            long start = System.nanoTime();
            boolean done = send(port, "M", options.messages());
            long wall = System.nanoTime() - start;
            report(wall);
            return done;
        } finally {
            labSystem.stopAndWait();
            hapi.close();
            try (var paths = Files.walk(dataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private GatewayConfig.Mllp mllp(int labSystemPort) {
        return new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(5), Duration.ofSeconds(30),
                List.of(new GatewayConfig.MllpListener("127.0.0.1", 0)),
                List.of(new GatewayConfig.MllpRoute("orders", "RGH-HIS", null, null, null, "OML", "O21",
                        DemoParty.CPA_ID, null, DemoParty.LAB.partyId(), null, null, DemoParty.HOSPITAL.action())),
                List.of(new GatewayConfig.MllpDestination("lis", null, null, DemoParty.HOSPITAL.action(), null, null,
                        null, null, "OML", null, "127.0.0.1", labSystemPort, 10, Duration.ofSeconds(1))));
    }

    private HL7Service labSystem(int port) throws InterruptedException {
        HL7Service server = hapi.newServer(port, false);
        server.registerApplication(new ReceivingApplication<>() {
            @Override
            public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                String id = new Terser(message).get("/MSH-10");
                if (arrivedAt.putIfAbsent(id, System.nanoTime()) == null && arrivals != null) {
                    arrivals.countDown();
                }
                try {
                    return message.generateACK();
                } catch (IOException e) {
                    throw new HL7Exception(e);
                }
            }

            @Override
            public boolean canProcess(Message message) {
                return true;
            }
        });
        server.startAndWait();
        return server;
    }

    /** Sends {@code count} orders over {@code concurrency} connections; true when all arrived in time. */
    private boolean send(int port, String prefix, int count) throws Exception {
        arrivals = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(options.concurrency());
        for (int c = 0; c < options.concurrency(); c++) {
            senders.execute(() -> sendUntilDone(port, prefix, count, next));
        }
        senders.shutdown();
        return arrivals.await(options.timeLimit().toSeconds(), TimeUnit.SECONDS);
    }

    private void sendUntilDone(int port, String prefix, int count, AtomicInteger next) {
        try {
            Connection connection = hapi.newClient("127.0.0.1", port, false);
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                String id = prefix + i + "-" + Long.toString(System.nanoTime(), 36);
                sentAt.put(id, System.nanoTime());
                Message ack = connection.getInitiator().sendAndReceive(hapi.getPipeParser().parse(order(id)));
                if (!"AA".equals(new Terser(ack).get("/MSA-1"))) {
                    refused.incrementAndGet();
                }
            }
            connection.close();
        } catch (Exception e) {
            out.println("a sender stopped: " + e);
        }
    }

    private String order(String id) {
        String pad = "x".repeat(Math.max(0, options.payloadBytes() - 300));
        return "MSH|^~\\&|RGH-HIS|RGH-0001|NRL-LIS|NRL-0042|20260115103000||OML^O21^OML_O21|" + id
                + "|P|2.5.1|||AL|NE||UNICODE UTF-8\rPID|1||P" + id + "^^^RGH^MR||Doe^Jane||19800101|F\r"
                + "ORC|NW|O" + id + "^RGH\rOBR|1|O" + id + "^RGH||24331-1^Lipid panel^LN\rNTE|1||" + pad + "\r";
    }

    private void report(long wallNanos) {
        long[] latencies = arrivedAt.entrySet().stream().filter(e -> sentAt.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - sentAt.get(e.getKey())).sorted().toArray();
        out.printf(Locale.ROOT, "ebrelay bench --mllp: %d orders after %d warm-up, %d concurrent MLLP senders, "
                        + "durability %s, both nodes, the HAPI senders and the HAPI receiver in one JVM%n",
                options.messages(), options.warmup(), options.concurrency(), options.durability());
        out.printf(Locale.ROOT, "arrived:     %d of %d (%d not answered AA)%n", latencies.length,
                options.messages(), refused.get());
        out.printf(Locale.ROOT, "throughput:  %.0f orders/s (first send to last arrival)%n",
                latencies.length / (wallNanos / 1e9));
        if (latencies.length > 0) {
            out.printf(Locale.ROOT, "latency:     MLLP send to MLLP arrival p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(latencies, 0.50), percentile(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
        }
        out.flush();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
