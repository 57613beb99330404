package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.app.inbound.RejectedRequests;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus posted to the laboratory's /ebms, each with its expected answer: a SOAP Fault for what
 * cannot be read as ebXML, a MessageError (and the message banked REJECTED with its event) for what can, or an HTTP
 * refusal; huge, endless and slow bodies are cut off without being held in memory. An order accepted before the
 * corpus is still there afterwards, and a normal exchange on the same node still succeeds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {
    private static final int MAX_MESSAGE_BYTES = 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern FAULT_CODE = Pattern.compile("<faultcode>([^<]*)</faultcode>");

    @TempDir
    static Path root;
    static TwoNodes nodes;
    static SubmissionResult.Accepted before;
    static Hl7Messages.Er7 beforeOrder = Hl7Messages.order();

    @BeforeAll
    static void start() throws IOException {
        nodes = TwoNodes.in(root).labRunning(false)
                .labConfig(c -> c.withHttp(new GatewayConfig.Http(c.http().host(), c.http().port(),
                        null, MAX_MESSAGE_BYTES, c.http().connectTimeout(), c.http().responseTimeout(), null, true)))
                .start();
        String cpa = DemoCpa.shipped().endpoints(nodes.hospitalPort(), nodes.labPort()).xml();
        Path dir = root.resolve("lab-cpa");
        Files.writeString(dir.resolve("expired.xml"), cpa.replace(DemoCpa.CPA_ID, "urn:ebrelay:demo:cpa:hospital-lab:expired")
                .replace("<tns:End>2031-11-19T00:00:00Z</tns:End>", "<tns:End>2026-01-02T00:00:00Z</tns:End>"));
        Files.writeString(dir.resolve("future.xml"), cpa.replace(DemoCpa.CPA_ID, "urn:ebrelay:demo:cpa:hospital-lab:future")
                .replace("<tns:Start>2026-01-01T00:00:00Z</tns:Start>", "<tns:Start>2031-01-01T00:00:00Z</tns:Start>"));
        nodes.startLab();
        before = nodes.order(beforeOrder);
        awaitOutbound(nodes.hospital(), before.messageId(), "COMPLETE");
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static List<HostileCase> corpus() {
        return HostileCase.all();
    }

    @Test
    @Order(0)
    void theCorpusHoldsAtLeastThirtyCases() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(1)
    void eachHostileRequestGetsItsExpectedAnswer(HostileCase hostile) throws Exception {
        String id = UUID.randomUUID() + "@hostile.example";
        HttpRequest.Builder request = HttpRequest.newBuilder(lab("/ebms")).timeout(Duration.ofSeconds(30));
        hostile.headers().forEach(request::header);

        Instant sent = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        byte[] body = hostile.body(id, Instant.now());
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

        switch (hostile.expectKind()) {
            case "fault" -> {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(500);
                assertThat(FAULT_CODE.matcher(answer.body()).results().map(m -> m.group(1)).findFirst())
                        .as(answer.body()).hasValueSatisfying(code -> assertThat(code).endsWith(hostile.expectValue()));
                assertBanked(sent, "fault " + hostile.expectValue(), body);
            }
            case "error" -> {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                assertThat(answer.body()).contains("errorCode=\"" + hostile.expectValue() + "\"");
                List<MessageView> banked = nodes.lab().query().find(id);
                assertThat(banked).as("banked as a rejected message with its event").singleElement()
                        .satisfies(m -> {
                            assertThat(m.state()).isEqualTo("REJECTED");
                            assertThat(m.events()).isNotEmpty();
                        });
            }
            case "status" -> assertThat(answer.statusCode()).isEqualTo(Integer.parseInt(hostile.expectValue()));
            default -> throw new AssertionError("unknown expectation in " + hostile.name());
        }
        assertThat(nodes.lab().inbox().list(DemoCpa.LAB, true).stream()
                .filter(d -> d.messageId().equals(id))).as("never delivered").isEmpty();
    }

    @Test
    @Order(2)
    void aBodyLargerThanTheLimitIsRefusedWith413WithoutBeingRead() throws Exception {
        Instant sent = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        HttpRequest request = HttpRequest.newBuilder(lab("/ebms")).header("Content-Type", "text/xml")
                .header("SOAPAction", "\"ebXML\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_MESSAGE_BYTES * 4])).build();

        int status = statusOrClosed(request);

        assertThat(status).isIn(413, -1);
        assertBanked(sent, "HTTP 413", null);
    }

    @Test
    @Order(3)
    void anEndlessChunkedBodyIsCutOffAtTheLimit() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", nodes.labPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ebms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nSOAPAction: \"ebXML\"\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("10000\r\n" + "<".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            String answer = null;
            try {
                for (int sent = 0; sent < 64 * MAX_MESSAGE_BYTES && answer == null; sent += chunk.length) {
                    out.write(chunk);
                    if (socket.getInputStream().available() > 0) {
                        answer = firstLine(socket.getInputStream());
                    }
                }
            } catch (IOException closedByServer) {
                answer = "closed";
            }
            if (answer == null) {
                answer = firstLine(socket.getInputStream());
            }
            assertThat(answer).as("the server stopped reading long before 64 times the limit")
                    .satisfiesAnyOf(a -> assertThat(a).contains("413"), a -> assertThat(a).isEqualTo("closed"));
        }
    }

    @Test
    @Order(4)
    void aSlowLorisUploadIsDroppedWhileOtherPartnersAreServed() throws Exception {
        Instant started = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        try (Socket socket = new Socket("127.0.0.1", nodes.labPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /ebms HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nSOAPAction: \"ebXML\"\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            Hl7Messages.Er7 during = Hl7Messages.order();
            SubmissionResult.Accepted served = nodes.order(during);
            awaitOutbound(nodes.hospital(), served.messageId(), "COMPLETE");

            boolean dropped = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    out.write('<');
                    out.flush();
                    Thread.sleep(250);
                }
            } catch (IOException e) {
                dropped = true;
            }
            assertThat(dropped || socket.getInputStream().read() == -1 || socket.isInputShutdown())
                    .as("the trickling upload was dropped by the server").isTrue();
            Views.RejectedRequest banked = assertBanked(started, "dropped", null);
            assertThat(banked.reason()).contains("trickles in");
        }
    }

    @Test
    @Order(5)
    void aGetOnTheEbmsEndpointIsNotAllowed() throws Exception {
        Instant sent = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(lab("/ebms")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
        assertBanked(sent, "HTTP 405", null);
    }

    @Test
    @Order(9)
    void afterTheCorpusTheOrderAcceptedBeforeIsStillThereAndANormalExchangeSucceeds() {
        deliveredOnce(nodes.lab(), beforeOrder);
        assertThat(Observed.outbound(nodes.hospital(), before.messageId()).state()).isEqualTo("COMPLETE");

        Hl7Messages.Er7 after = Hl7Messages.order();
        SubmissionResult.Accepted accepted = nodes.order(after);
        awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");
        deliveredOnce(nodes.lab(), after);
        Hl7Messages.Er7 result = Hl7Messages.result();
        awaitOutbound(nodes.lab(), nodes.result(result).messageId(), "COMPLETE");
    }

    /**
     * The refusal the laboratory banked (shipped to its bank as a rejected request, not tied to a message): at or
     * after {@code sent}, with this answer and, when given, the escaped first bytes of {@code body}.
     */
    private static Views.RejectedRequest assertBanked(Instant sent, String answer, byte[] body) {
        String start = RejectedRequests.escape(body, RejectedRequests.Limits.defaults().firstBytes());
        return Observed.eventually().until(() -> nodes.lab().bankHost().bank().rejectedRequests("lab", 1000)
                .stream().filter(r -> !r.at().isBefore(sent) && r.answer().equals(answer))
                .filter(r -> start == null || start.equals(r.firstBytes()))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static URI lab(String path) {
        return URI.create(nodes.lab().baseUri() + path);
    }

    private static int statusOrClosed(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closed) {
            return -1;
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            line.append((char) c);
        }
        return c == -1 && line.isEmpty() ? "closed" : line.toString();
    }
}
