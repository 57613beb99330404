package org.ebrelay.adapter.rest;

import org.ebrelay.app.AccessCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What surrounds the resources: JSON errors for anything unmatched, the OpenAPI document, the token seam. */
class RestApiEdgesTest {
    private static final List<String> asked = new CopyOnWriteArrayList<>();
    private static ApiTestNode node;
    private static HttpProbe http;

    @BeforeAll
    static void start() throws Exception {
        AccessCheck recordingCheck = (token, operation) -> {
            asked.add(token + " " + operation);
            return !"revoked".equals(token);
        };
        node = ApiTestNode.start(recordingCheck, RestApi.DEFAULT_MAX_BODY_BYTES);
        http = new HttpProbe(node.base());
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @Test
    void anUnknownPathIsA404InJson() {
        HttpProbe.Answer answer = http.get("/api/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.json().get("error").asText()).isEqualTo("NotFound");
    }

    @Test
    void aWrongMethodIsA405InJson() {
        HttpProbe.Answer answer = http.get("/api/ping");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().get("error").asText()).isEqualTo("MethodNotAllowed");
    }

    @Test
    void theOpenApiDocumentIsServedFromTheClasspath() {
        HttpProbe.Answer answer = http.get("/api/openapi.yaml");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/yaml");
        assertThat(answer.body()).startsWith("openapi: 3");
    }

    @Test
    void theBearerTokenAndTheOperationReachTheAccessCheck() {
        http.send(HttpRequest.newBuilder(node.uri("/api/inbox")).header("Authorization", "Bearer s3cret").GET());
        http.get("/api/messages?state=QUEUED");
        http.send(HttpRequest.newBuilder(node.uri("/api/messages?cpa=c&action=A&to=urn:x:B"))
                .header("Authorization", "Bearer app-1").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(asked).contains("s3cret GET /inbox", "null GET /messages", "app-1 POST /messages");
    }

    @Test
    void aRequestTheAccessCheckRefusesIs401InJsonAndNeverReachesTheUseCase() {
        HttpProbe.Answer answer = http.send(HttpRequest.newBuilder(node.uri("/api/messages?cpa=c&action=A&to=urn:x:B"))
                .header("Authorization", "bearer revoked").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.json().get("error").asText()).isEqualTo("Unauthorized");
        assertThat(node.ports.submissions).isEmpty();
    }

    @Test
    void onlyABearerSchemeYieldsAToken() {
        assertThat(BearerTokenFilter.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(BearerTokenFilter.bearerToken("BEARER  abc ")).isEqualTo("abc");
        assertThat(BearerTokenFilter.bearerToken("Basic YTpi")).isNull();
        assertThat(BearerTokenFilter.bearerToken("Bearer ")).isNull();
        assertThat(BearerTokenFilter.bearerToken(null)).isNull();
    }
}
