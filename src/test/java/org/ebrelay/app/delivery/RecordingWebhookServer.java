package org.ebrelay.app.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on an ephemeral loopback port playing the application's webhook: records every POST and
 * answers with the scripted statuses in turn (200 once the script is used up). It can hold its first answer until
 * released, to keep a push in flight.
 */
final class RecordingWebhookServer implements AutoCloseable {
    record Post(String method, String path, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final CountDownLatch firstArrived = new CountDownLatch(1);
    private volatile CountDownLatch hold = new CountDownLatch(0);

    RecordingWebhookServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    synchronized RecordingWebhookServer answer(Integer... script) {
        statuses.addAll(List.of(script));
        return this;
    }

    /** Holds the answers until {@link #release()}. */
    void holdAnswers() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    boolean awaitFirstPost() throws InterruptedException {
        return firstArrived.await(10, TimeUnit.SECONDS);
    }

    List<Post> posts() {
        return List.copyOf(posts);
    }

    private synchronized int nextStatus() {
        Integer next = statuses.poll();
        return next == null ? 200 : next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            posts.add(new Post(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
            firstArrived.countDown();
            hold.await(10, TimeUnit.SECONDS);
            exchange.sendResponseHeaders(nextStatus(), -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        hold.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
