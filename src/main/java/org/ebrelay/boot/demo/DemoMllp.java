package org.ebrelay.boot.demo;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLLPReader;
import ca.uhn.hl7v2.llp.MinLLPWriter;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.impl.ApplicationRouterImpl;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import org.ebrelay.boot.LoopbackPorts;
import org.ebrelay.boot.config.GatewayConfig;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The MLLP path of the demo: the hospital's interface engine and the laboratory's LIS as HAPI MLLP systems on
 * loopback. The engine sends orders to the hospital node's MLLP port; the laboratory node delivers them to the LIS
 * over MLLP; the LIS's application ACK goes back through ebXML to the engine's return port, which also gets the
 * laboratory's results.
 */
final class DemoMllp implements AutoCloseable {
    /** MSH-3 of the orders sent over MLLP: the laboratory's LIS destination takes these (API orders stay put). */
    static final String ENGINE = "RGH-ENGINE";
    private static final int ORDERS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HapiContext context = new DefaultHapiContext(ValidationContextFactory.noValidation());
    private final Engine engine;
    private final LocalSystem lis;

    DemoMllp() throws IOException, InterruptedException {
        context.getParserConfiguration().setIdGenerator(new UUIDGenerator()); // HAPI would write ./id_file
        MinLowerLayerProtocol llp = new MinLowerLayerProtocol(true);
        llp.setCharset(StandardCharsets.UTF_8);
        context.setLowerLayerProtocol(llp);
        engine = new Engine(context, LoopbackPorts.next());
        lis = new LocalSystem(context, LoopbackPorts.next());
    }

    /** The node's configuration with its MLLP part: a listener and a route at the hospital, the LIS at the lab. */
    GatewayConfig configure(String nodeId, GatewayConfig config) {
        GatewayConfig.Mllp defaults = GatewayConfig.Mllp.defaults();
        if (DemoParty.HOSPITAL.dirName().equals(nodeId)) {
            return config.withMllp(new GatewayConfig.Mllp(defaults.charset(), defaults.connectTimeout(),
                    Duration.ofSeconds(10), List.of(new GatewayConfig.MllpListener("127.0.0.1", 0)),
                    List.of(new GatewayConfig.MllpRoute("engine-orders", ENGINE, null, null, null, "OML", "O21",
                            DemoParty.CPA_ID, null, DemoParty.LAB.partyId(), null, null, DemoParty.HOSPITAL.action())
                            .returningTo("engine")),
                    // the engine also gets the laboratory's results over MLLP; ACKs reach it as answers to its orders
                    List.of(new GatewayConfig.MllpDestination("engine", DemoParty.CPA_ID, null,
                            DemoParty.LAB.action(), null, null, null, null, null, null, "127.0.0.1", engine.port, 10,
                            Duration.ofSeconds(2)))));
        }
        return config.withMllp(new GatewayConfig.Mllp(defaults.charset(), defaults.connectTimeout(),
                Duration.ofSeconds(10), List.of(), List.of(),
                List.of(new GatewayConfig.MllpDestination("lis", DemoParty.CPA_ID, null, DemoParty.HOSPITAL.action(),
                        ENGINE, null, null, null, "OML", null, "127.0.0.1", lis.port, 10, Duration.ofSeconds(2),
                        true, DemoParty.LAB.action()))));
    }

    /** Sends the orders over MLLP and waits for them at the LIS and for their ACKs at the engine. */
    boolean run(DemoNodes nodes, PrintWriter out, Clock clock, String runTag) throws Exception {
        int port = mllpPort(nodes);
        out.printf("4. Over MLLP: the hospital's interface engine sends %d orders to its node's MLLP port %d;%n"
                + "   the laboratory node delivers them to the LIS (HAPI MLLP on port %d), whose application ACKs%n"
                + "   come back through ebXML to the engine's return port %d.%n", ORDERS, port, lis.port, engine.port);
        for (int n = 1; n <= ORDERS; n++) {
            String id = String.format("MLLP-%s-%02d", runTag, n);
            String er7 = order(id, runTag, n, clock);
            Connection connection = context.newClient("127.0.0.1", port, false);
            try {
                Message ack = connection.getInitiator().sendAndReceive(context.getPipeParser().parse(er7));
                out.printf("   %s sent over MLLP: the hospital node answered %s%n", id, new Terser(ack).get("/MSA-1"));
            } finally {
                connection.close();
            }
        }
        out.flush();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline && (lis.count(runTag) < ORDERS || engine.count(runTag) < ORDERS)) {
            Thread.sleep(100);
        }
        out.printf("   the LIS received %d of %d orders over MLLP; the engine received %d application ACKs"
                + " (MSA-2 = the order's MSH-10)%n", lis.count(runTag), ORDERS, engine.count(runTag));
        out.flush();
        return lis.count(runTag) == ORDERS && engine.count(runTag) == ORDERS;
    }

    /** How to send one yourself, for the guide. */
    void printRecipe(DemoNodes nodes, PrintWriter out) {
        out.printf("  MLLP: the hospital node takes HL7 v2 on 127.0.0.1:%d (OML^O21 from MSH-3 %s goes to the LIS%n"
                + "        on port %d, its ACK back to the engine on port %d), e.g. with netcat:%n", mllpPort(nodes),
                ENGINE, lis.port, engine.port);
        String order = "MSH|^~\\\\&|" + ENGINE + "|RGH-0001|NRL-LAB|NRL-0042|20260101000000||OML^O21^OML_O21|TRY-1|P"
                + "|2.5.1|||AL|NE\\rPID|1||MRN1^^^RGH^MR||Doe^Jane\\r";
        out.printf("  printf '\\x0b%s\\x1c\\r' | nc -q 2 127.0.0.1 %d%n", order, mllpPort(nodes));
    }

    private static int mllpPort(DemoNodes nodes) {
        return nodes.node(DemoParty.HOSPITAL).mllpListeners().get(0).port();
    }

    private static String order(String id, String runTag, int n, Clock clock) {
        String er7 = new String(Hl7Samples.order(id, "PLC-" + runTag + "-M" + n, n, clock.instant()),
                StandardCharsets.UTF_8);
        return er7.replaceFirst("\\|RGH-LIS\\|", "|" + ENGINE + "|");
    }

    @Override
    public void close() {
        engine.stop();
        lis.stop();
        try {
            context.close();
        } catch (IOException e) {
            // stopping anyway
        }
        context.getExecutorService().shutdownNow();
        try {
            context.getExecutorService().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How many of the messages a local system received belong to the MLLP orders of run {@code runTag}. */
    private static long ofRun(List<String> received, String runTag) {
        return received.stream().filter(m -> m.contains("MLLP-" + runTag)).count();
    }

    /** A local HL7 system: HAPI's MLLP server recording what it receives and answering AA. */
    private static final class LocalSystem {
        final int port;
        final List<String> received = new CopyOnWriteArrayList<>();
        private final HL7Service server;

        LocalSystem(HapiContext context, int port) throws InterruptedException {
            this.port = port;
            server = context.newServer(port, false);
            server.registerApplication(new ReceivingApplication<>() {
                @Override
                public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
                    received.add((String) metadata.get(ApplicationRouterImpl.RAW_MESSAGE_KEY));
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
        }

        long count(String runTag) {
            return ofRun(received, runTag);
        }

        void stop() {
            server.stopAndWait();
        }
    }

    /**
     * The hospital's interface engine at its return port: takes the laboratory's results (answering each with AA)
     * and the application ACKs of its own orders, which it does not answer, as an HL7 system in original mode does.
     * HAPI's server answers everything, ACKs included, and logged an error each time the node, rightly, closed the
     * connection after delivering an ACK without waiting for an answer.
     */
    private static final class Engine {
        final int port;
        final List<String> received = new CopyOnWriteArrayList<>();
        private final HapiContext context;
        private final ServerSocket server;

        Engine(HapiContext context, int port) throws IOException {
            this.context = context;
            this.port = port;
            server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "demo-engine");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread connection = new Thread(() -> serve(socket), "demo-engine-connection");
                    connection.setDaemon(true);
                    connection.start();
                } catch (IOException e) {
                    return; // closed by stop()
                }
            }
        }

        /** Reads messages until the node closes the connection; answers all but ACKs. */
        private void serve(Socket socket) {
            try (socket) {
                MinLLPReader reader = new MinLLPReader(socket.getInputStream(), StandardCharsets.UTF_8);
                MinLLPWriter writer = new MinLLPWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                for (String er7 = reader.getMessage(); er7 != null; er7 = reader.getMessage()) {
                    received.add(er7);
                    Message message = context.getPipeParser().parse(er7);
                    if (!"ACK".equals(new Terser(message).get("/MSH-9-1"))) {
                        writer.writeMessage(context.getPipeParser().encode(message.generateACK()));
                    }
                }
            } catch (IOException | HL7Exception | LLPException e) {
                // the node went away mid-message; it sends again
            }
        }

        long count(String runTag) {
            return ofRun(received, runTag);
        }

        void stop() {
            try {
                server.close();
            } catch (IOException e) {
                // stopping anyway
            }
        }
    }
}
