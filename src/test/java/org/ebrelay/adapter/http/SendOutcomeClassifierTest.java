package org.ebrelay.adapter.http;

import org.ebrelay.app.port.out.SendOutcome;

import org.ebrelay.app.port.out.WireMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** RM-S7 / HTTP-6: which attempt outcomes are retried, as one table per input kind. */
class SendOutcomeClassifierTest {
    private enum Verdict { ANSWERED, RETRYABLE, PERMANENT }

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(200, Verdict.ANSWERED), Arguments.of(202, Verdict.ANSWERED),
                Arguments.of(204, Verdict.ANSWERED),
                Arguments.of(301, Verdict.PERMANENT), Arguments.of(302, Verdict.PERMANENT),
                Arguments.of(307, Verdict.PERMANENT),
                Arguments.of(400, Verdict.PERMANENT), Arguments.of(401, Verdict.PERMANENT),
                Arguments.of(403, Verdict.PERMANENT), Arguments.of(404, Verdict.PERMANENT),
                Arguments.of(405, Verdict.PERMANENT), Arguments.of(413, Verdict.PERMANENT),
                Arguments.of(415, Verdict.PERMANENT),
                Arguments.of(408, Verdict.RETRYABLE), Arguments.of(429, Verdict.RETRYABLE),
                Arguments.of(500, Verdict.RETRYABLE), Arguments.of(501, Verdict.RETRYABLE),
                Arguments.of(502, Verdict.RETRYABLE), Arguments.of(503, Verdict.RETRYABLE),
                Arguments.of(504, Verdict.RETRYABLE));
    }

    @ParameterizedTest(name = "HTTP {0} without body is {1}")
    @MethodSource("statuses")
    void anHttpStatusWithoutBodyIsClassifiedByItsCode(int status, Verdict expected) {
        SendOutcome outcome = SendOutcomeClassifier.ofResponse(status, null);

        assertThat(verdictOf(outcome)).isEqualTo(expected);
        assertThat(statusOf(outcome)).isEqualTo(status);
    }

    static Stream<Arguments> faults() {
        String soap = "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"";
        return Stream.of(
                Arguments.of("Server", TestMessages.fault("Server"), Verdict.RETRYABLE),
                Arguments.of("Server.Busy (dotted refinement)", TestMessages.fault("Server.Busy"), Verdict.RETRYABLE),
                Arguments.of("Client", TestMessages.fault("Client"), Verdict.PERMANENT),
                Arguments.of("Client.Authentication", TestMessages.fault("Client.Authentication"), Verdict.PERMANENT),
                Arguments.of("MustUnderstand", TestMessages.fault("MustUnderstand"), Verdict.PERMANENT),
                Arguments.of("VersionMismatch", TestMessages.fault("VersionMismatch"), Verdict.PERMANENT),
                Arguments.of("Client under another prefix", TestMessages.fault(soap, "soap:Client"), Verdict.PERMANENT),
                Arguments.of("Client under a default namespace", defaultNamespaceFault("Client"), Verdict.PERMANENT),
                Arguments.of("'Client' in a foreign namespace",
                        TestMessages.fault("xmlns:x=\"urn:other\"", "x:Client"), Verdict.RETRYABLE),
                Arguments.of("unprefixed 'Client' without a default namespace", TestMessages.fault("", "Client"),
                        Verdict.RETRYABLE),
                Arguments.of("Client fault as the root part of a MIME package", multipart(TestMessages.fault("Client")),
                        Verdict.PERMANENT),
                Arguments.of("an HTML error page", bytes("<html><body>Internal Server Error</body></html>"),
                        Verdict.RETRYABLE),
                Arguments.of("not XML at all", bytes("Internal Server Error"), Verdict.RETRYABLE),
                Arguments.of("truncated XML", bytes("<s:Envelope xmlns:s=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                        + "<s:Body><s:Fault><faultco"), Verdict.RETRYABLE),
                Arguments.of("a DOCTYPE before a Client fault", bytes("<!DOCTYPE x []>" + new String(
                        TestMessages.fault("Client"), StandardCharsets.UTF_8).replaceFirst("<\\?xml[^>]*>", "")),
                        Verdict.RETRYABLE),
                Arguments.of("NHS Spine sample 06 (SOAP:Server)", golden("06-nhs-spine-soap-fault.xml"),
                        Verdict.RETRYABLE));
    }

    @ParameterizedTest(name = "500 with {0} is {2}")
    @MethodSource("faults")
    void aFiveHundredIsClassifiedByItsSoapFaultCodeResolvedByNamespace(String label, byte[] body, Verdict expected) {
        SendOutcome outcome = SendOutcomeClassifier.ofResponse(500, new WireMessage("text/xml", null, body));

        assertThat(verdictOf(outcome)).isEqualTo(expected);
        assertThat(statusOf(outcome)).isEqualTo(500);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new ConnectException("Connection refused"), "connection refused"),
                Arguments.of(new SocketTimeoutException("Connect Timeout"), "timeout"),
                Arguments.of(new TimeoutException("Total timeout 500 ms elapsed"), "timeout"),
                Arguments.of(new ConnectException("connect timed out"), "timeout"),
                Arguments.of(new SSLHandshakeException("PKIX path building failed"), "TLS failure"),
                Arguments.of(new SocketException("Connection reset"), "connection reset"),
                Arguments.of(new IOException("Connection reset by peer"), "connection reset"),
                Arguments.of(new EOFException("HttpConnectionOverHTTP@1"), "connection closed"),
                Arguments.of(new ClosedChannelException(), "connection closed"),
                Arguments.of(new IOException("Broken pipe"), "connection closed"),
                Arguments.of(new UnknownHostException("partner.invalid"), "unknown host"),
                Arguments.of(new ExecutionException(new ConnectException("Connection refused")), "connection refused"),
                Arguments.of(new IOException("wrapper", new SSLHandshakeException("bad certificate")), "TLS failure"),
                Arguments.of(new IOException("something odd"), "I/O error"),
                Arguments.of(new IllegalStateException("bug"), "unexpected failure"));
    }

    @ParameterizedTest(name = "{0} is retryable as {1}")
    @MethodSource("failures")
    void everyTransportFailureIsRetryableWithoutStatus(Throwable failure, String kind) {
        SendOutcome outcome = SendOutcomeClassifier.ofFailure(failure);

        assertThat(outcome).isInstanceOf(SendOutcome.RetryableFailure.class);
        assertThat(((SendOutcome.RetryableFailure) outcome).status()).isNull();
        assertThat(((SendOutcome.RetryableFailure) outcome).reason()).startsWith(kind + " (");
    }

    private static Verdict verdictOf(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Answered) {
            return Verdict.ANSWERED;
        }
        return outcome instanceof SendOutcome.RetryableFailure ? Verdict.RETRYABLE : Verdict.PERMANENT;
    }

    private static Integer statusOf(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Answered a) {
            return a.status();
        }
        if (outcome instanceof SendOutcome.RetryableFailure r) {
            return r.status();
        }
        return ((SendOutcome.PermanentFailure) outcome).status();
    }

    private static byte[] defaultNamespaceFault(String code) {
        return bytes("<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body><Fault>"
                + "<faultcode xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\">" + code + "</faultcode>"
                + "<faultstring>x</faultstring></Fault></Body></Envelope>");
    }

    private static byte[] multipart(byte[] soapPart) {
        return bytes("--b1\r\nContent-Type: text/xml; charset=UTF-8\r\nContent-ID: <soap>\r\n\r\n"
                + new String(soapPart, StandardCharsets.UTF_8) + "\r\n--b1--\r\n");
    }

    private static byte[] golden(String name) {
        try {
            return Files.readAllBytes(Path.of("src/test/resources/golden", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
