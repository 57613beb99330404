package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.ebrelay.app.access.TokenAccessCheck;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node with API tokens configured (kept as hashes): /api and /soap refuse a caller without a valid token (401) or
 * whose role does not cover the operation (403), with JSON bodies saying which; every API answer carries the secure
 * headers; the admin port listens on loopback.
 */
class ApiAccessTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String READER = "reader-token-1";
    private static final String APPLICATION = "application-token-2";

    @TempDir
    static Path root;
    static Gateway node;

    @BeforeAll
    static void start() {
        int port = TestNode.freePort();
        node = TestNode.hospital(root, port).withCpa(DemoCpa.shipped().endpoints(port, TestNode.freePort()))
                .start(c -> c.withAccess(new GatewayConfig.Access(List.of(
                        new GatewayConfig.ApiToken("dashboard", hash(READER), "read"),
                        new GatewayConfig.ApiToken("his", hash(APPLICATION), "submit")), "127.0.0.1")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(TokenAccessCheck.sha256(token));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(node.apiBaseUri() + path)).GET();
    }

    private static HttpRequest.Builder submission() {
        String body = "{\"cpaId\":\"" + DemoCpa.CPA_ID + "\",\"action\":\"" + DemoCpa.ORDER + "\",\"to\":\""
                + DemoCpa.LAB + "\",\"payloads\":[{\"contentType\":\"application/hl7-v2\",\"content\":\""
                + Base64.getEncoder().encodeToString(Hl7Messages.order().bytes()) + "\"}]}";
        return HttpRequest.newBuilder(URI.create(node.apiBaseUri() + "/api/messages"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void withoutATokenTheApiAnswers401WithAJsonReason() throws Exception {
        HttpResponse<String> answer = send(get("/api/messages?state=COMPLETE"), null);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(answer.body()).contains("\"error\":\"Unauthorized\"", "a bearer token is required");
    }

    @Test
    void anUnknownTokenIs401() throws Exception {
        HttpResponse<String> answer = send(get("/api/messages?state=COMPLETE"), "made-up");

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("not valid");
    }

    @Test
    void aReaderReadsWithSecureHeadersButMayNotSubmit() throws Exception {
        HttpResponse<String> read = send(get("/api/messages?state=COMPLETE"), READER);
        HttpResponse<String> submit = send(submission(), READER);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(read.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(read.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
        assertThat(submit.statusCode()).isEqualTo(403);
        assertThat(submit.body()).contains("\"error\":\"Forbidden\"", "POST /messages");
    }

    @Test
    void anApplicationTokenSubmits() throws Exception {
        HttpResponse<String> submit = send(submission(), APPLICATION);

        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(202);
    }

    @Test
    void theSoapApiRefusesACallerWithoutAToken() throws Exception {
        String envelope = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<GetMessageStatusRequest xmlns=\"urn:ebrelay:submission:1\"><id>x</id></GetMessageStatusRequest>"
                + "</S:Body></S:Envelope>";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.apiBaseUri() + "/soap/submission"))
                .header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"urn:ebrelay:submission:1:GetMessageStatus\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope));

        HttpResponse<String> anonymous = send(request, null);

        assertThat(anonymous.statusCode()).isEqualTo(500);
        assertThat(anonymous.body()).contains("Unauthorized");
        assertThat(anonymous.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }
}
