package org.ebrelay.adapter.webhook;

import com.sun.net.httpserver.HttpServer;
import org.ebrelay.app.port.out.WebhookResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDK-client webhook adapter against a real loopback HTTP server. */
class HttpApplicationWebhookTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch never = new CountDownLatch(1);
    private final AtomicReference<String> received = new AtomicReference<>();
    private final HttpApplicationWebhook webhook = new HttpApplicationWebhook(Duration.ofSeconds(5),
            Duration.ofSeconds(10));
    private final HttpApplicationWebhook impatient = new HttpApplicationWebhook(Duration.ofSeconds(5),
            Duration.ofMillis(300));
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/ok", exchange -> {
            received.set(exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", url("/ok").toString());
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        never.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void aPostCarriesTheJsonAndA2xxIsAccepted() {
        WebhookResult result = webhook.post(url("/ok"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(result).isEqualTo(WebhookResult.answered(202));
        assertThat(result.accepted()).isTrue();
        assertThat(received.get()).isEqualTo("application/json {\"a\":1}");
    }

    @Test
    void aRedirectIsNotFollowedAndNotAccepted() {
        WebhookResult result = webhook.post(url("/moved"), new byte[0]);

        assertThat(result.status()).isEqualTo(302);
        assertThat(result.accepted()).isFalse();
        assertThat(result.describe()).isEqualTo("HTTP 302");
        assertThat(received.get()).isNull();
    }

    @Test
    void anApplicationTooSlowToAnswerIsNoAnswer() {
        WebhookResult result = impatient.post(url("/slow"), new byte[0]);

        assertThat(result.status()).isNull();
        assertThat(result.accepted()).isFalse();
        assertThat(result.failure()).startsWith("no answer within the timeout");
    }
}
