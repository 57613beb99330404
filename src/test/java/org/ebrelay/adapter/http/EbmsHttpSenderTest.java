package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.SendOutcome;

import org.ebrelay.adapter.http.FaultServer.Behaviour;
import org.ebrelay.adapter.http.StubHttpServer.Canned;
import org.ebrelay.app.port.out.WireMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The sender against real loopback peers: a Jetty server scripted per test, raw fault servers, a closed port. */
class EbmsHttpSenderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final WireMessage MESSAGE = TestMessages.multipart(3500);
    private static final byte[] ACK = "<SOAP:Envelope xmlns:SOAP=\"http://schemas.xmlsoap.org/soap/envelope/\"/>"
            .getBytes(StandardCharsets.UTF_8);

    private static EbmsHttpSender sender;
    private static StubHttpServer partner;

    @BeforeAll
    static void startPeers() throws Exception {
        sender = new EbmsHttpSender(SenderConfig.defaults().withConnectTimeout(Duration.ofSeconds(2)));
        sender.start();
        partner = new StubHttpServer();
    }

    @AfterAll
    static void stopPeers() throws Exception {
        sender.stop();
        partner.close();
    }

    @BeforeEach
    void forgetRequests() {
        partner.requests().clear();
    }

    private static SendOutcome send(URI uri) throws Exception {
        return sender.send(uri, MESSAGE, TIMEOUT).get(30, TimeUnit.SECONDS);
    }

    private static SendOutcome send(URI uri, Duration timeout) throws Exception {
        return sender.send(uri, MESSAGE, timeout).get(30, TimeUnit.SECONDS);
    }

    @Test
    void postsTheBodyByteExactWithItsContentTypeAndSoapAction() throws Exception {
        partner.answer(Canned.of(204));

        send(partner.uri("/ebms"));

        assertThat(partner.requests()).hasSize(1);
        StubHttpServer.Recorded request = partner.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri()).endsWith("/ebms");
        assertThat(request.headers().get("Content-Type")).isEqualTo(TestMessages.MULTIPART_TYPE);
        assertThat(request.headers().get("SOAPAction")).isEqualTo("\"ebXML\"");
        assertThat(request.headers().get("Accept-Encoding")).isNull();
        assertThat(request.body()).isEqualTo(MESSAGE.body());
    }

    @Test
    void aTwoHundredWithABodyIsAnsweredWithThatBodyItsContentTypeAndSoapAction() throws Exception {
        partner.answer(new Canned(200, Map.of("Content-Type", "text/xml; charset=UTF-8", "SOAPAction", "\"ebXML\""),
                ACK));

        SendOutcome outcome = send(partner.uri("/ebms"));

        assertThat(outcome).isInstanceOf(SendOutcome.Answered.class);
        SendOutcome.Answered answered = (SendOutcome.Answered) outcome;
        assertThat(answered.status()).isEqualTo(200);
        // Jetty's server side normalises the charset of this well-known type to lower case
        assertThat(answered.body().contentType()).isEqualToIgnoringCase("text/xml; charset=UTF-8");
        assertThat(answered.body().soapAction()).isEqualTo("\"ebXML\"");
        assertThat(answered.body().body()).isEqualTo(ACK);
    }

    @Test
    void aNoContentIsAnsweredWithoutBody() throws Exception {
        partner.answer(Canned.of(204));

        assertThat(send(partner.uri("/ebms"))).isEqualTo(new SendOutcome.Answered(204, null));
    }

    @Test
    void anAcceptedWithAnEmptyBodyIsAnsweredWithoutBody() throws Exception {
        partner.answer(Canned.of(202));

        assertThat(send(partner.uri("/ebms"))).isEqualTo(new SendOutcome.Answered(202, null));
    }

    @Test
    void aNoContentWithHermesMalformedContentTypeIsStillAnswered() throws Exception {
        partner.answer(new Canned(204, Map.of("Content-Type", "text/html;UTF-8"), new byte[0]));

        assertThat(send(partner.uri("/ebms"))).isEqualTo(new SendOutcome.Answered(204, null));
    }

    @Test
    void aMalformedContentTypeOnABodyIsPassedOnAsReceived() throws Exception {
        partner.answer(new Canned(200, Map.of("Content-Type", "text/xml;;charset"), ACK));

        SendOutcome outcome = send(partner.uri("/ebms"));

        assertThat(outcome).isEqualTo(new SendOutcome.Answered(200, new WireMessage("text/xml;;charset", null, ACK)));
    }

    @Test
    void aServerFaultIsRetryable() throws Exception {
        partner.answer(Canned.of(500, "text/xml", TestMessages.fault("Server")));

        SendOutcome outcome = send(partner.uri("/ebms"));

        assertThat(outcome).isEqualTo(new SendOutcome.RetryableFailure("HTTP 500 SOAP Fault Server", 500));
    }

    @Test
    void aClientFaultIsPermanentAndKeepsTheFaultBody() throws Exception {
        byte[] fault = TestMessages.fault("Client");
        partner.answer(Canned.of(500, "text/xml; charset=utf-8", fault));

        SendOutcome outcome = send(partner.uri("/ebms"));

        assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure("HTTP 500 SOAP Fault Client", 500,
                new WireMessage("text/xml; charset=utf-8", null, fault)));
    }

    @Test
    void serviceUnavailableIsRetryable() throws Exception {
        partner.answer(Canned.of(503));

        assertThat(send(partner.uri("/ebms"))).isEqualTo(new SendOutcome.RetryableFailure("HTTP 503", 503));
    }

    @Test
    void notFoundIsPermanent() throws Exception {
        partner.answer(Canned.of(404, "text/plain", "no such path".getBytes(StandardCharsets.UTF_8)));

        SendOutcome outcome = send(partner.uri("/ebms"));

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        assertThat(((SendOutcome.PermanentFailure) outcome).status()).isEqualTo(404);
        assertThat(((SendOutcome.PermanentFailure) outcome).body().body()).asString().isEqualTo("no such path");
    }

    @Test
    void aRedirectIsPermanentAndNotFollowed() throws Exception {
        partner.answer(r -> r.uri().endsWith("/moved") ? Canned.of(204)
                : new Canned(301, Map.of("Location", partner.uri("/moved").toString()), new byte[0]));

        SendOutcome outcome = send(partner.uri("/ebms"));

        assertThat(outcome).isEqualTo(new SendOutcome.PermanentFailure(
                "HTTP 301 (redirects are not followed)", 301, null));
        assertThat(partner.requests()).extracting(StubHttpServer.Recorded::uri).noneMatch(u -> u.endsWith("/moved"));
    }

    @Test
    void aClosedPortIsARetryableRefusal() throws Exception {
        SendOutcome outcome = send(URI.create("http://127.0.0.1:" + FaultServer.closedPort() + "/ebms"));

        assertRetryableTransportFailure(outcome, "connection refused");
    }

    @Test
    void aPeerThatClosesOnAcceptIsRetryable() throws Exception {
        try (FaultServer peer = new FaultServer(Behaviour.CLOSE_ON_ACCEPT)) {
            // Whether the close arrives before or after the request is written is a race; when before, Jetty may
            // wait for another connection until the attempt times out. Either way: retryable, no status.
            SendOutcome outcome = send(peer.uri(), Duration.ofSeconds(1));

            assertRetryableTransportFailure(outcome, "connection closed", "connection reset", "timeout");
        }
    }

    @Test
    void aPeerThatClosesMidRequestIsRetryable() throws Exception {
        try (FaultServer peer = new FaultServer(Behaviour.CLOSE_MID_REQUEST)) {
            assertRetryableTransportFailure(send(peer.uri()), "connection closed", "connection reset");
        }
    }

    @Test
    void aPeerThatResetsIsRetryable() throws Exception {
        try (FaultServer peer = new FaultServer(Behaviour.RESET)) {
            assertRetryableTransportFailure(send(peer.uri()), "connection reset", "connection closed");
        }
    }

    @Test
    void aPeerThatNeverAnswersTimesOutRetryably() throws Exception {
        try (FaultServer peer = new FaultServer(Behaviour.NEVER_ANSWER)) {
            assertRetryableTransportFailure(send(peer.uri(), Duration.ofMillis(300)), "timeout");
        }
    }

    @Test
    void aPeerThatClosesMidResponseIsRetryable() throws Exception {
        try (FaultServer peer = new FaultServer(Behaviour.CLOSE_MID_RESPONSE)) {
            assertRetryableTransportFailure(send(peer.uri()), "connection closed", "connection reset");
        }
    }

    @Test
    void eachSendIsExactlyOneAttemptEvenWhenItFails() throws Exception {
        try (FaultServer peer = new FaultServer(Behaviour.CLOSE_MID_REQUEST)) {
            send(peer.uri());
            send(peer.uri());

            assertThat(peer.requestsSeen()).isEqualTo(2);
        }
    }

    @Test
    void aResponseLargerThanTheLimitIsARetryableFailure() throws Exception {
        try (EbmsHttpSender small = new EbmsHttpSender(SenderConfig.defaults().withMaxResponseBytes(1024))) {
            small.start();
            partner.answer(Canned.of(200, "text/xml", new byte[4096]));

            SendOutcome outcome = small.send(partner.uri("/ebms"), MESSAGE, TIMEOUT).get(30, TimeUnit.SECONDS);

            assertThat(outcome).isInstanceOf(SendOutcome.RetryableFailure.class);
            assertThat(((SendOutcome.RetryableFailure) outcome).status()).isNull();
        }
    }

    @Test
    void aNonHttpEndpointIsRefusedAtOnce() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> sender.send(URI.create("mailto:lab@example.org"), MESSAGE, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredProxyReceivesTheRequestForThePartner() throws Exception {
        int partnerPort = FaultServer.closedPort(); // the proxy answers: nothing needs to listen there
        try (StubHttpServer proxy = new StubHttpServer();
             EbmsHttpSender proxied = new EbmsHttpSender(SenderConfig.defaults()
                     .withProxy(new ProxySettings("127.0.0.1", proxy.port(), List.of("*.internal"))))) {
            proxied.start();
            proxy.answer(Canned.of(204));

            SendOutcome outcome = proxied.send(URI.create("http://partner.example:" + partnerPort + "/ebms"),
                    MESSAGE, TIMEOUT).get(30, TimeUnit.SECONDS);

            assertThat(outcome).isEqualTo(new SendOutcome.Answered(204, null));
            assertThat(proxy.requests()).singleElement().satisfies(r -> {
                assertThat(r.uri()).isEqualTo("http://partner.example:" + partnerPort + "/ebms");
                assertThat(r.body()).isEqualTo(MESSAGE.body());
            });
        }
    }

    @Test
    void aNonProxyHostIsReachedDirectly() throws Exception {
        try (StubHttpServer proxy = new StubHttpServer();
             EbmsHttpSender proxied = new EbmsHttpSender(SenderConfig.defaults()
                     .withProxy(new ProxySettings("127.0.0.1", proxy.port(), List.of("127.0.0.*"))))) {
            proxied.start();
            partner.answer(Canned.of(204));

            SendOutcome outcome = proxied.send(partner.uri("/ebms"), MESSAGE, TIMEOUT).get(30, TimeUnit.SECONDS);

            assertThat(outcome).isEqualTo(new SendOutcome.Answered(204, null));
            assertThat(partner.requests()).hasSize(1);
            assertThat(proxy.requests()).isEmpty();
        }
    }

    private static void assertRetryableTransportFailure(SendOutcome outcome, String... acceptableKinds) {
        assertThat(outcome).isInstanceOf(SendOutcome.RetryableFailure.class);
        SendOutcome.RetryableFailure failure = (SendOutcome.RetryableFailure) outcome;
        assertThat(failure.status()).isNull();
        assertThat(failure.reason()).satisfiesAnyOf(
                java.util.Arrays.stream(acceptableKinds)
                        .<org.assertj.core.api.ThrowingConsumer<String>>map(k -> r -> assertThat(r).startsWith(k + " ("))
                        .toArray(org.assertj.core.api.ThrowingConsumer[]::new));
    }
}
