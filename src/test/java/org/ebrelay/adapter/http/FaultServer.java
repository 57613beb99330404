package org.ebrelay.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.ebrelay.boot.LoopbackPorts;

/**
 * A misbehaving HTTP peer on a raw ServerSocket: every accepted connection gets the same bad treatment.
 * Test helper for the sender's failure classification.
 */
final class FaultServer implements AutoCloseable {
    enum Behaviour {
        /** Accepts, then closes at once without reading anything. */
        CLOSE_ON_ACCEPT,
        /** Reads the request headers and part of the body, then closes. */
        CLOSE_MID_REQUEST,
        /** Reads the request headers, then resets the connection (SO_LINGER 0). */
        RESET,
        /** Reads the whole request and never answers. */
        NEVER_ANSWER,
        /** Reads the whole request, sends headers and part of the announced body, then closes. */
        CLOSE_MID_RESPONSE
    }

    private final Behaviour behaviour;
    private final ServerSocket serverSocket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requestsSeen = new AtomicInteger();

    FaultServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-server-" + behaviour);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + serverSocket.getLocalPort() + "/ebms");
    }

    int connections() {
        return connections.get();
    }

    /** Requests whose headers arrived complete (counted before the misbehaviour). */
    int requestsSeen() {
        return requestsSeen.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                accepted.add(socket);
                connections.incrementAndGet();
                Thread worker = new Thread(() -> misbehave(socket), "fault-conn");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void misbehave(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            switch (behaviour) {
                case CLOSE_ON_ACCEPT -> {
                    // closing is the behaviour
                }
                case CLOSE_MID_REQUEST -> {
                    readHeaders(in);
                    in.readNBytes(16);
                }
                case RESET -> {
                    readHeaders(in);
                    socket.setSoLinger(true, 0);
                }
                case NEVER_ANSWER -> {
                    in.readNBytes(contentLength(readHeaders(in)));
                    in.read(); // blocks until the client gives up and closes
                }
                case CLOSE_MID_RESPONSE -> {
                    in.readNBytes(contentLength(readHeaders(in)));
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<partial")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away: that is fine for a fault server
        }
    }

    private String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            headers.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        if (matched == 4) {
            requestsSeen.incrementAndGet();
        }
        return headers.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    /** A loopback port with nothing listening on it (bound, then released). */
    static int closedPort() {
        return LoopbackPorts.next();
    }
}
