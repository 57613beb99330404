package org.ebrelay.boot.bench;

import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's application: posts HL7 payloads to a node's REST API in the raw form
 * ({@code POST /api/messages?cpa=...&action=...&to=...}, the payload as the body), asynchronously. Two
 * implementations, so their cost on the shared machine can be compared: Jetty's HttpClient and the JDK's.
 */
abstract class RestSubmitter implements AutoCloseable {
    static final String THREAD_PREFIX = "bench-client";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** What the node answered: the HTTP status and the body, or 0 and the failure when no response came. */
    interface Answer {
        void accept(int status, String body);
    }

    /** Posts {@code payload} and calls {@code done} on a client thread; {@code done} must not block. */
    abstract void submit(URI submitUri, byte[] payload, Answer done);

    static RestSubmitter create(String kind, int connections) throws Exception {
        return switch (kind) {
            case "jetty" -> new Jetty(connections);
            case "jdk" -> new Jdk();
            default -> throw new IllegalArgumentException("unknown client " + kind + ": jetty or jdk");
        };
    }

    /** Jetty's HttpClient: a pool of HTTP/1.1 connections, one request at a time on each. */
    private static final class Jetty extends RestSubmitter {
        private final org.eclipse.jetty.client.HttpClient client = new org.eclipse.jetty.client.HttpClient();

        Jetty(int connections) throws Exception {
            QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, connections), 2);
            pool.setName(THREAD_PREFIX);
            client.setExecutor(pool);
            client.setMaxConnectionsPerDestination(connections);
            client.setMaxRequestsQueuedPerDestination(1 << 20);
            client.start();
            client.getContentDecoderFactories().clear();
        }

        @Override
        void submit(URI submitUri, byte[] payload, Answer done) {
            client.newRequest(submitUri).method(HttpMethod.POST).timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .body(new BytesRequestContent("application/hl7-v2", payload))
                    .send(new BufferingResponseListener() {
                        @Override
                        public void onComplete(Result result) {
                            boolean answered = result.getResponse() != null && result.getResponseFailure() == null;
                            done.accept(answered ? result.getResponse().getStatus() : 0,
                                    answered ? getContentAsString() : String.valueOf(result.getFailure()));
                        }
                    });
        }

        @Override
        public void close() throws Exception {
            client.stop();
        }
    }

    /** The JDK's java.net.http.HttpClient over HTTP/1.1 (no h2c upgrade attempt). */
    private static final class Jdk extends RestSubmitter {
        private final ExecutorService executor;
        private final HttpClient client;

        Jdk() {
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newCachedThreadPool(r -> {
                Thread thread = new Thread(r, THREAD_PREFIX + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        @Override
        void submit(URI submitUri, byte[] payload, Answer done) {
            HttpRequest request = HttpRequest.newBuilder(submitUri).timeout(TIMEOUT)
                    .header("Content-Type", "application/hl7-v2")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> done.accept(response == null ? 0 : response.statusCode(),
                            response == null ? String.valueOf(failure) : response.body()));
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
