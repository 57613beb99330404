package org.ebrelay.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A fault-injecting HTTP/1.1 proxy on loopback in front of a real node. It reads each request on a connection (a
 * sender keeps connections alive, so it works per request, not per connection); each request takes the next
 * scripted step, and once the script is used up every request is forwarded. A fault ends its connection, so the
 * sender's next attempt comes on a new one.
 */
final class FaultProxy implements AutoCloseable {
    /** What one request meets. */
    enum Fault {
        /** Relay the request to the node and its answer back. */
        FORWARD,
        /** Read the request, answer HTTP 500 without a SOAP Fault, close. */
        ANSWER_500,
        /** Read the request headers, then close before the body is read: the connection closes mid-request. */
        CLOSE_MID_REQUEST,
        /** Read the request, never forward it, close after the step's delay: a partner answering too slowly. */
        HOLD_REQUEST,
        /** Relay the request at once, hold the node's answer for the step's delay, then close: a late answer. */
        DELAY_RESPONSE
    }

    private record Step(Fault fault, Duration delay) {
        static final Step FORWARD = new Step(Fault.FORWARD, Duration.ZERO);
    }

    /** A body and its Content-Type, as a rewrite sees and returns it. */
    record Body(String contentType, byte[] bytes) {
    }

    private final ServerSocket server;
    private volatile UnaryOperator<Body> requestRewrite = UnaryOperator.identity();
    private volatile UnaryOperator<Body> responseRewrite = UnaryOperator.identity();
    private final int targetPort;
    private final Queue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<Fault> applied = new CopyOnWriteArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });

    private FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** A proxy on an ephemeral loopback port in front of {@code 127.0.0.1:targetPort}. */
    static FaultProxy to(int targetPort) {
        try {
            return new FaultProxy(targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    /** Appends a step without a delay. */
    FaultProxy then(Fault fault) {
        return then(fault, Duration.ZERO);
    }

    /** Appends a step: the next request not yet scripted meets {@code fault}. */
    FaultProxy then(Fault fault, Duration delay) {
        script.add(new Step(fault, delay));
        return this;
    }

    /** The steps the requests met so far, in order. */
    List<Fault> applied() {
        return List.copyOf(applied);
    }

    /**
     * Every forwarded request's body from now on is replaced by what {@code rewrite} makes of it (a partner's MSH
     * that misbehaves); {@code UnaryOperator.identity()} stops it.
     */
    FaultProxy rewriteRequests(UnaryOperator<Body> rewrite) {
        this.requestRewrite = rewrite;
        return this;
    }

    /** As {@link #rewriteRequests}, for the node's answers. */
    FaultProxy rewriteResponses(UnaryOperator<Body> rewrite) {
        this.responseRewrite = rewrite;
        return this;
    }

    /** Forgets what was applied and any step not yet taken. */
    void reset() {
        script.clear();
        applied.clear();
    }

    @Override
    public void close() {
        closing.countDown();
        closeQuietly(server);
        sockets.forEach(FaultProxy::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = track(server.accept());
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Serves the requests of one connection until a fault ends it or the sender closes it. */
    private void serve(Socket client) {
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            for (String headers = readHead(in); headers != null; headers = readHead(in)) {
                Step step = next();
                if (step.fault() == Fault.CLOSE_MID_REQUEST) {
                    return;
                }
                byte[] request = concat(headers.getBytes(StandardCharsets.ISO_8859_1), readBody(in, headers, false));
                switch (step.fault()) {
                    case FORWARD -> out.write(rewritten(exchange(rewritten(request, requestRewrite)),
                            responseRewrite));
                    case ANSWER_500 -> {
                        out.write(serverError());
                        return;
                    }
                    case HOLD_REQUEST -> {
                        pause(step.delay());
                        return;
                    }
                    case DELAY_RESPONSE -> {
                        byte[] response = exchange(request);
                        pause(step.delay());
                        out.write(response); // the sender has most likely given up by now
                        return;
                    }
                    default -> throw new IllegalStateException(step.toString());
                }
                out.flush();
            }
        } catch (IOException e) {
            // the sender closed or reset the connection: nothing to relay any more
        } finally {
            sockets.remove(client);
        }
    }

    private Step next() {
        Step step = script.poll();
        Step effective = step == null ? Step.FORWARD : step;
        applied.add(effective.fault());
        return effective;
    }

    /** One request to the node on a connection of its own, and the node's complete answer. */
    private byte[] exchange(byte[] request) throws IOException {
        try (Socket target = track(new Socket(InetAddress.getLoopbackAddress(), targetPort))) {
            target.getOutputStream().write(request);
            target.getOutputStream().flush();
            InputStream in = new BufferedInputStream(target.getInputStream());
            String head = readHead(in);
            if (head == null) {
                throw new IOException("the node closed without answering");
            }
            return concat(head.getBytes(StandardCharsets.ISO_8859_1), readBody(in, head, true));
        } finally {
            sockets.removeIf(Socket::isClosed);
        }
    }

    /** The message (head and raw body) with its body rewritten, sent with a Content-Length. */
    private static byte[] rewritten(byte[] message, UnaryOperator<Body> rewrite) throws IOException {
        if (rewrite == UnaryOperator.<Body>identity()) {
            return message;
        }
        String all = new String(message, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n") + 4;
        String head = all.substring(0, end);
        byte[] raw = java.util.Arrays.copyOfRange(message, end, message.length);
        String encoding = header(head, "transfer-encoding");
        byte[] body = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")
                ? dechunked(raw) : raw;
        if (body.length == 0) {
            return message;
        }
        Body changed = rewrite.apply(new Body(header(head, "content-type"), body));
        StringBuilder newHead = new StringBuilder();
        for (String line : head.split("\r\n")) {
            String name = line.contains(":") ? line.substring(0, line.indexOf(':')).trim().toLowerCase(Locale.ROOT)
                    : "";
            if (!List.of("content-length", "transfer-encoding", "content-type").contains(name) && !line.isEmpty()) {
                newHead.append(line).append("\r\n");
            }
        }
        newHead.append("Content-Type: ").append(changed.contentType()).append("\r\nContent-Length: ")
                .append(changed.bytes().length).append("\r\n\r\n");
        return concat(newHead.toString().getBytes(StandardCharsets.ISO_8859_1), changed.bytes());
    }

    private static byte[] dechunked(byte[] raw) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(raw);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(readLine(in)); size > 0; size = chunkSize(readLine(in))) {
            body.writeBytes(in.readNBytes(size));
            readLine(in);
        }
        return body.toByteArray();
    }

    private static int chunkSize(String line) {
        return Integer.parseInt(line.split(";", 2)[0].trim(), 16);
    }

    private static byte[] serverError() {
        String body = "partner failure injected by the test";
        return ("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    /** Waits for the delay, or less when the proxy closes. */
    private void pause(Duration delay) {
        try {
            closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The start line and headers up to the empty line, or null at a clean end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("the stream ended inside a message head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** The raw body (chunked, Content-Length, none, or up to the end of stream for a response without either). */
    private static byte[] readBody(InputStream in, String head, boolean response) throws IOException {
        if (response && noBodyStatus(head)) {
            return new byte[0];
        }
        String encoding = header(head, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String length = header(head, "content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length.trim()));
        }
        return response ? in.readAllBytes() : new byte[0];
    }

    private static boolean noBodyStatus(String head) {
        String status = head.substring(head.indexOf(' ') + 1, Math.min(head.length(), head.indexOf(' ') + 4));
        return status.startsWith("1") || status.equals("204") || status.equals("304");
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            raw.writeBytes((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(in); ; trailer = readLine(in)) {
                    raw.writeBytes((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    if (trailer.isEmpty()) {
                        return raw.toByteArray();
                    }
                }
            }
            raw.writeBytes(in.readNBytes(size));
            raw.writeBytes((readLine(in) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the stream ended inside a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private Socket track(Socket socket) {
        sockets.add(socket);
        return socket;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
