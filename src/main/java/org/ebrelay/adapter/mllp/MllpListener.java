package org.ebrelay.adapter.mllp;

import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.HL7Service;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import org.ebrelay.app.hl7.Hl7Intake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.charset.Charset;
import java.util.concurrent.TimeUnit;

/**
 * One MLLP port taking HL7 v2 messages from local systems (HAPI's server), each handed to {@link Hl7Intake}.
 * Listens on the given host only (HAPI alone would bind every interface).
 */
public final class MllpListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MllpListener.class);

    private final HapiContext context;
    private final HL7Service server;
    private final BoundSocketFactory sockets;
    private final int requestedPort;

    /** @param port 0: an ephemeral port (see {@link #port()}) */
    public MllpListener(String host, int port, Hl7Intake intake, Charset fallbackCharset) {
        this.requestedPort = port;
        this.context = HapiContexts.lenient(fallbackCharset);
        this.sockets = new BoundSocketFactory(host);
        context.setSocketFactory(sockets);
        this.server = context.newServer(port, false);
        server.registerApplication(new MllpIntakeApplication(intake, fallbackCharset));
    }

    /** Starts listening; returns once the port is bound. */
    public void start() throws InterruptedException {
        server.startAndWait();
        if (!server.isRunning() || port() < 0) {
            Throwable why = server.getServiceExitedWithException();
            close();
            throw new IllegalStateException("the MLLP listener could not listen on " + sockets.host + ":"
                    + requestedPort + (why == null ? "" : ": " + why.getMessage()), why);
        }
        log.info("MLLP listener on {}:{}", sockets.host, port());
    }

    /** The port bound (the configured one, or the ephemeral one chosen for 0). */
    public int port() {
        ServerSocket bound = sockets.bound;
        return bound == null ? -1 : bound.getLocalPort();
    }

    @Override
    public void close() {
        server.stopAndWait();
        try {
            context.close();
        } catch (IOException e) {
            log.debug("closing the HAPI context: {}", e.toString());
        }
        context.getExecutorService().shutdownNow();
        try {
            context.getExecutorService().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** HAPI binds the wildcard address; this binds the configured host instead and remembers the socket. */
    private static final class BoundSocketFactory extends StandardSocketFactory {
        private final String host;
        private volatile ServerSocket bound;

        BoundSocketFactory(String host) {
            this.host = host;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            ServerSocket socket = new ServerSocket() {
                @Override
                public void bind(SocketAddress endpoint, int backlog) throws IOException {
                    int port = endpoint instanceof InetSocketAddress a ? a.getPort() : 0;
                    super.bind(new InetSocketAddress(host, port), backlog);
                }
            };
            bound = socket;
            return socket;
        }
    }
}
