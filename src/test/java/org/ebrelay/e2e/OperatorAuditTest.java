package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.eventually;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.ebrelay.app.access.TokenAccessCheck;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.portal.AuditLog.AuditEntry;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator actions and payload views through the node's own API (what the CLI uses too) reach the audit log of the
 * Message Bank the node ships to (here its in-node bank), with the token's name and role, the operator the request
 * names, what was done to which message, the reason and the answer. An application reading its own deliveries is not
 * audited.
 */
class OperatorAuditTest {
    private static final String OPERATOR = "operator-token-1";
    private static final String ADMIN = "admin-token-2";
    private static final String APPLICATION = "application-token-3";
    private static final String READER = "reader-token-4";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path root;
    static Gateway lab;

    @BeforeAll
    static void start() {
        int port = TestNode.freePort();
        lab = TestNode.lab(root, port).withCpa(DemoCpa.shipped().endpoints(TestNode.freePort(), port))
                .start(c -> c.withBank(BankNodes.fast(c.bank())).withAccess(new GatewayConfig.Access(List.of(
                        new GatewayConfig.ApiToken("night-shift", hash(OPERATOR), "operator"),
                        new GatewayConfig.ApiToken("root", hash(ADMIN), "admin"),
                        new GatewayConfig.ApiToken("lis", hash(APPLICATION), "submit"),
                        new GatewayConfig.ApiToken("dashboard", hash(READER), "read")), "127.0.0.1")));
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void an_abandon_through_the_node_api_is_in_the_banks_audit_log_with_token_operator_message_and_reason()
            throws Exception {
        SubmissionResult.Accepted result = TwoNodes.accepted(lab.submit().submit(
                TwoNodes.submission(DemoCpa.RESULT, DemoCpa.HOSPITAL, Hl7Messages.result())));
        awaitOutbound(lab, result.messageId(), "RETRYING"); // the hospital is not running

        int status = post("/messages/" + result.messageId() + "/abandon", OPERATOR,
                "{\"reason\": \"hospital gone for the weekend\", \"operator\": \"alice\"}");

        assertThat(status).isEqualTo(200);
        AuditEntry entry = audited(e -> e.action().equals("ABANDON") && result.messageId().equals(e.subject()));
        assertThat(entry.actor()).isEqualTo("node lab: token night-shift (operator) as alice");
        assertThat(entry.detail()).contains("reason: hospital gone for the weekend", "answered 200");
    }

    @Test
    void a_resend_refused_to_an_application_token_is_audited_with_the_refusal() throws Exception {
        int status = post("/messages/some-id@lab/resend", APPLICATION, "{\"reason\": \"try\"}");

        assertThat(status).isEqualTo(403);
        AuditEntry entry = audited(e -> e.action().equals("RESEND") && "some-id@lab".equals(e.subject()));
        assertThat(entry.actor()).isEqualTo("node lab: token lis (submit)");
        assertThat(entry.detail()).contains("answered 403");
    }

    @Test
    void a_cpa_reload_is_audited() throws Exception {
        assertThat(post("/cpas/reload", ADMIN, null)).isEqualTo(200);

        AuditEntry entry = audited(e -> e.action().equals("CPA_RELOAD"));
        assertThat(entry.actor()).isEqualTo("node lab: token root (admin)");
    }

    @Test
    void a_payload_view_by_a_person_is_audited_and_one_by_the_application_is_not() throws Exception {
        Hl7Messages.Er7 hl7 = Hl7Messages.order();
        PostedMessages.post(lab.baseUri(), PostedMessages.encode(PostedMessages.order(
                "audit-" + System.nanoTime() + "@hospital", hl7, Instant.now(), null)));
        DeliveryView delivery = eventually().until(() -> Observed.deliveries(lab, hl7.id()), d -> !d.isEmpty())
                .get(0);

        assertThat(get("/inbox/" + delivery.deliveryId(), APPLICATION)).isEqualTo(200);
        assertThat(get("/inbox/" + delivery.deliveryId(), READER)).isEqualTo(200);

        AuditEntry entry = audited(e -> e.action().equals("PAYLOAD_VIEWED")
                && delivery.deliveryId().equals(e.subject()));
        assertThat(entry.actor()).isEqualTo("node lab: token dashboard (read)");
        assertThat(lab.bankHost().portal().audit().latest(1000)).filteredOn(e -> e.actor().contains("token lis"))
                .noneMatch(e -> e.action().equals("PAYLOAD_VIEWED"));
    }

    private static AuditEntry audited(java.util.function.Predicate<AuditEntry> which) {
        return eventually().until(() -> lab.bankHost().portal().audit().latest(1000).stream().filter(which)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static int post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(lab.apiBaseUri() + "/api" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static int get(String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(lab.apiBaseUri() + "/api" + path))
                .header("Authorization", "Bearer " + token).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String hash(String token) {
        return HexFormat.of().formatHex(TokenAccessCheck.sha256(token));
    }
}
