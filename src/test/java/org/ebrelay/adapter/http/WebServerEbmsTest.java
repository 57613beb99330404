package org.ebrelay.adapter.http;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ebrelay.app.port.out.WireMessage;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The node's server on a real loopback port: /ebms (HTTP-1..HTTP-5), /health, /metrics, error pages. */
class WebServerEbmsTest {
    private static final int MAX_BODY = 64 * 1024;
    private static final WireMessage MESSAGE = TestMessages.multipart(3500);
    private static final byte[] ACK = "<SOAP:Envelope xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/envelope/\"/>"
            .getBytes(StandardCharsets.UTF_8);

    private static final List<WireMessage> received = new CopyOnWriteArrayList<>();
    private static final List<TransportInfo> infos = new CopyOnWriteArrayList<>();
    private static final AtomicReference<EbmsEndpoint> behaviour = new AtomicReference<>();
    private static final AtomicBoolean healthy = new AtomicBoolean(true);
    private static final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private static WebServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        EbmsEndpoint recording = (request, info) -> {
            received.add(request);
            infos.add(info);
            return behaviour.get().handle(request, info);
        };
        server = new WebServer(WebServerConfig.defaults().withPort(0).withMaxEbmsBodyBytes(MAX_BODY), recording,
                () -> new Health(healthy.get(), Map.of("database", healthy.get() ? "ok" : "unreachable")), registry);
        server.start();
        client = new HttpClient();
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
        server.stop();
    }

    @BeforeEach
    void reset() {
        received.clear();
        infos.clear();
        behaviour.set((request, info) -> HttpReply.noContent());
        healthy.set(true);
    }

    private static ContentResponse post(WireMessage message) throws Exception {
        return client.newRequest(server.baseUri().resolve("/ebms")).method(HttpMethod.POST)
                .headers(h -> h.put("SOAPAction", message.soapAction()))
                .body(new BytesRequestContent(message.contentType(), message.body()))
                .timeout(20, TimeUnit.SECONDS).send();
    }

    private static String postHead(String contentLengthOrChunked) {
        return "POST /ebms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + TestMessages.MULTIPART_TYPE + "\r\n"
                + "SOAPAction: \"ebXML\"\r\n" + contentLengthOrChunked + "\r\n\r\n";
    }

    @Test
    void aMultipartPostWithContentLengthReachesTheEndpointByteExact() throws Exception {
        ContentResponse response = post(MESSAGE);

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(received).containsExactly(MESSAGE);
        assertThat(infos.get(0).remoteAddress()).isInstanceOf(InetSocketAddress.class);
        assertThat(infos.get(0).remoteHost()).isEqualTo("127.0.0.1");
        assertThat(infos.get(0).secure()).isFalse();
        assertThat(infos.get(0).clientCertificates()).isEmpty();
    }

    @Test
    void aChunkedMultipartPostReachesTheEndpointByteExact() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(server.port(), postHead("Transfer-Encoding: chunked"),
                RawHttp.chunked(MESSAGE.body(), 1000));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(received).containsExactly(MESSAGE);
    }

    @Test
    void aSynchronousReplyIsWrittenWithItsContentTypeAndSoapAction() throws Exception {
        behaviour.set((request, info) -> HttpReply.ok(new WireMessage("text/xml; charset=UTF-8", "\"ebXML\"", ACK)));

        ContentResponse response = post(MESSAGE);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).isEqualToIgnoringCase("text/xml; charset=UTF-8");
        assertThat(response.getHeaders().get("SOAPAction")).isEqualTo("\"ebXML\"");
        assertThat(response.getContent()).isEqualTo(ACK);
    }

    @Test
    void aGetIsMethodNotAllowedInPlainText() throws Exception {
        ContentResponse response = client.newRequest(server.baseUri().resolve("/ebms"))
                .headers(h -> h.put("Accept", "text/html")).send();

        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getHeaders().get("Allow")).isEqualTo("POST");
        assertThat(response.getMediaType()).isEqualTo("text/plain");
        assertThat(response.getContentAsString()).doesNotContain("<html", "<HTML");
        assertThat(received).isEmpty();
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeItIsReadAndTheServerStaysUsable() throws Exception {
        // Headers announce 10 MB; only 1 KB follows. The 413 comes without the server waiting for the rest.
        RawHttp.Reply reply = RawHttp.exchange(server.port(), postHead("Content-Length: 10000000"), new byte[1024]);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.headers().get("content-type")).startsWith("text/plain");
        assertThat(reply.headers().get("connection")).isEqualTo("close");
        assertThat(received).isEmpty();
        assertThat(post(MESSAGE).getStatus()).isEqualTo(204);
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsRefusedAndTheServerStaysUsable() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(server.port(), postHead("Transfer-Encoding: chunked"),
                RawHttp.chunked(new byte[MAX_BODY + 1], 4096));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(received).isEmpty();
        assertThat(post(MESSAGE).getStatus()).isEqualTo(204);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() throws Exception {
        byte[] body = new byte[MAX_BODY];
        RawHttp.Reply reply = RawHttp.exchange(server.port(), postHead("Transfer-Encoding: chunked"),
                RawHttp.chunked(body, 5000));

        assertThat(reply.status()).isEqualTo(204);
        assertThat(received).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(body));
    }

    @Test
    void anEndpointThatThrowsBecomesASoapServerFaultInTextXml() throws Exception {
        behaviour.set((request, info) -> {
            throw new IllegalStateException("database on fire");
        });

        ContentResponse response = post(MESSAGE);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getMediaType()).isEqualTo("text/xml");
        assertThat(SoapFaultCodes.standardFaultCode(response.getContent())).contains("Server");
        assertThat(response.getContentAsString()).doesNotContain("database on fire");
    }

    @Test
    void anUnknownPathIsNotFoundInPlainTextEvenWhenHtmlIsAccepted() throws Exception {
        ContentResponse response = client.newRequest(server.baseUri().resolve("/index.html"))
                .headers(h -> h.put("Accept", "text/html,application/xhtml+xml")).send();

        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(response.getMediaType()).isEqualTo("text/plain");
        assertThat(response.getContentAsString()).doesNotContain("<html", "<HTML");
    }

    @Test
    void theApiPathsAreNotFoundWhenNothingIsRegisteredThere() throws Exception {
        assertThat(client.GET(server.baseUri().resolve("/api/messages")).getStatus()).isEqualTo(404);
        assertThat(client.GET(server.baseUri().resolve("/soap/submit")).getStatus()).isEqualTo(404);
    }

    @Test
    void aMalformedRequestIsABadRequestInPlainText() throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(server.port(), "POST /ebms HTTP/1.1\r\nHost: x\r\n"
                + "Content-Length: banana\r\n\r\n", new byte[0]);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getOrDefault("content-type", "text/plain")).doesNotContain("html");
        assertThat(reply.bodyText()).doesNotContain("<h1>", "<html");
    }

    @Test
    void anH2cUpgradeRequestIsServedAsHttp11() throws Exception {
        // What ebms-core's JDK client sends (golden capture 02): the upgrade must be ignored, not accepted.
        String head = "POST /ebms HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                + "Upgrade: h2c\r\nHTTP2-Settings: AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAAAAYABgAA\r\n"
                + "Content-Type: text/xml; charset=UTF-8\r\nSOAPAction: \"ebXML\"\r\n"
                + "Content-Length: " + ACK.length + "\r\n\r\n";

        RawHttp.Reply reply = RawHttp.exchange(server.port(), head, ACK);

        assertThat(reply.statusLine()).startsWith("HTTP/1.1 204");
        assertThat(reply.headers()).doesNotContainKey("upgrade");
        assertThat(received).singleElement().satisfies(m -> assertThat(m.body()).isEqualTo(ACK));
    }

    @Test
    void theEndpointIsCalledConcurrentlyAndMayBlock() throws Exception {
        int parallel = 16;
        CountDownLatch allInside = new CountDownLatch(parallel);
        behaviour.set((request, info) -> {
            allInside.countDown();
            try {
                // every call waits until all are inside: only possible if they run at the same time
                return allInside.await(20, TimeUnit.SECONDS) ? HttpReply.noContent() : new HttpReply(503, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HttpReply(503, null);
            }
        });
        List<java.util.concurrent.CompletableFuture<ContentResponse>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return post(MESSAGE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.Executors.newSingleThreadExecutor()));
        }

        for (var call : calls) {
            assertThat(call.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(204);
        }
    }

    @Test
    void healthAnswersJsonUpWithTheSuppliedDetails() throws Exception {
        ContentResponse response = client.GET(server.baseUri().resolve("/health"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType()).isEqualTo("application/json");
        assertThat(ApiJson.mapper().readTree(response.getContent()).toString())
                .isEqualTo("{\"status\":\"UP\",\"database\":\"ok\"}");
    }

    @Test
    void healthAnswers503WhenDown() throws Exception {
        healthy.set(false);

        ContentResponse response = client.GET(server.baseUri().resolve("/health"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(ApiJson.mapper().readTree(response.getContent()).get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void metricsAnswersThePrometheusTextExposition() throws Exception {
        registry.counter("ebrelay.test.sent").increment(3);

        ContentResponse response = client.GET(server.baseUri().resolve("/metrics"));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/plain; version=0.0.4");
        assertThat(response.getContentAsString()).contains("ebrelay_test_sent_total 3.0");
    }
}
