package org.ebrelay.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ebrelay.app.portal.Role;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's gate over real HTTP on a node that hosts its bank: nothing without signing in, each role what it
 * may do, the CSRF token and a same-site Origin on every change, and the session cookie's protections.
 */
class PortalAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path root;
    static TwoNodes nodes;
    static URI base;

    @BeforeAll
    static void startAHospitalWithItsBankAndThreeUsers() {
        nodes = TwoNodes.in(root).labRunning(false).hospitalConfig(PortalAccessTest::fastHashing).start();
        base = URI.create("http://127.0.0.1:" + nodes.hospitalPort());
        var accounts = nodes.hospital().bankHost().portal().accounts();
        accounts.add("test", "vera", Role.VIEWER, PASSWORD.toCharArray());
        accounts.add("test", "otto", Role.OPERATOR, PASSWORD.toCharArray());
        accounts.add("test", "ada", Role.ADMIN, PASSWORD.toCharArray());
    }

    /** bcrypt at its lowest cost: real hashing, fast tests. */
    static GatewayConfig fastHashing(GatewayConfig config) {
        GatewayConfig.Portal p = config.portal();
        return config.withPortal(new GatewayConfig.Portal(p.sessionIdleTimeout(), p.sessionMaxAge(),
                p.maxFailedSignIns(), p.lockout(), p.minPasswordLength(), 4));
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aViewerSeesTheRequestsTheNodeRefusedBeforeAMessageExisted() throws Exception {
        PortalClient vera = PortalClient.signedIn(base, "vera");
        new PortalClient(base).get("/ebms"); // not a POST: refused with 405, noted and shipped to the bank

        String listed = Observed.eventually().until(() -> vera.get("/bank/api/rejected-requests").body(),
                body -> body.contains("\"answer\":\"HTTP 405\""));

        assertThat(new ObjectMapper().readTree(listed).get(0).path("reason").asText())
                .isEqualTo("GET is not allowed on the ebMS endpoint");
        assertThat(new PortalClient(base).get("/bank/api/rejected-requests").statusCode())
                .as("not without signing in").isEqualTo(401);
    }

    @Test
    void withoutSigningInTheApiAnswers401AndThePagesSendTheBrowserToSignIn() throws Exception {
        PortalClient anonymous = new PortalClient(base);

        assertThat(anonymous.get("/bank/api/messages").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/bank/api/nothing-here").statusCode()).as("unknown paths too").isEqualTo(401);
        assertThat(JSON.readTree(anonymous.get("/bank/api/dashboard").body()).path("error").asText()).isEqualTo("Unauthorized");
        HttpResponse<String> page = anonymous.get("/bank/");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).get().asString().endsWith("/bank/signin.html");
        HttpResponse<String> signIn = anonymous.get("/bank/signin.html");
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
        assertThat(anonymous.get("/bank/app.js").statusCode()).as("scripts hold no data").isEqualTo(200);
    }

    @Test
    void aWrongPasswordIsRefusedAndARightOneGivesAProtectedCookieAndACsrfToken() throws Exception {
        PortalClient client = new PortalClient(base);
        assertThat(client.signIn("vera", "not the password").statusCode()).isEqualTo(401);

        HttpResponse<String> answer = client.signIn("vera", PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Set-Cookie")).get().asString()
                .contains("ebrelay_bank_session=").contains("HttpOnly").contains("SameSite=Strict").contains("Path=/bank");
        JsonNode session = JSON.readTree(answer.body());
        assertThat(session.path("user").path("role").asText()).isEqualTo("viewer");
        assertThat(session.path("csrfToken").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(client.get("/bank/api/messages").statusCode()).isEqualTo(200);
        assertThat(client.get("/bank/").statusCode()).isEqualTo(200);
        assertThat(client.get("/bank/api/messages").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aViewerReadsButMayNotResendNorManageUsers() throws Exception {
        PortalClient vera = PortalClient.signedIn(base, "vera");

        assertThat(vera.get("/bank/api/dashboard").statusCode()).isEqualTo(200);
        assertThat(vera.post("/bank/api/messages/1/resend", "{\"reason\": \"try\"}", true).statusCode()).isEqualTo(403);
        assertThat(vera.post("/bank/api/resends/search", "{\"query\": {}, \"reason\": \"try\"}", true).statusCode()).isEqualTo(403);
        assertThat(vera.get("/bank/api/users").statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorResendsOnlyWithTheCsrfTokenAndFromTheSameSite() throws Exception {
        PortalClient otto = PortalClient.signedIn(base, "otto");
        String order = "{\"ids\": [424242], \"reason\": \"partner fixed\"}";

        HttpResponse<String> withoutToken = otto.post("/bank/api/resends", order, false);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("X-CSRF-Token");
        assertThat(otto.post("/bank/api/resends", order, true, Map.of("X-CSRF-Token", "forged")).statusCode())
                .isEqualTo(403);
        assertThat(otto.post("/bank/api/resends", order, true, Map.of("Origin", "http://evil.example")).statusCode())
                .isEqualTo(403);

        HttpResponse<String> allowed = otto.post("/bank/api/resends", order, true);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(JSON.readTree(allowed.body()).path("refused").get(0).path("id").asLong()).isEqualTo(424242);
        assertThat(otto.get("/bank/api/users").statusCode()).isEqualTo(403);
    }

    @Test
    void viewingPatientDataAndOrderingAResendAreInTheAuditLogUnderTheSignedInUser() throws Exception {
        Hl7Messages.Er7 order = Hl7Messages.order();
        nodes.order(order);
        PortalClient otto = PortalClient.signedIn(base, "otto");
        long id = Observed.eventually().until(() -> JSON.readTree(otto.get("/bank/api/messages?hl7Id=" + order.id()).body())
                .path("items"), items -> items.size() == 1).get(0).path("id").asLong();

        assertThat(otto.get("/bank/api/messages/" + id + "/wire").statusCode()).isEqualTo(200);
        assertThat(otto.get("/bank/api/messages/" + id + "/payloads/0").statusCode()).isEqualTo(200);
        assertThat(otto.get("/bank/api/messages/" + id).statusCode()).as("the summary is not patient data").isEqualTo(200);
        otto.post("/bank/api/messages/" + id + "/resend", "{\"reason\": \"audit test\"}", true);

        JsonNode audit = JSON.readTree(PortalClient.signedIn(base, "ada").get("/bank/api/audit").body());
        List<String> ottos = new java.util.ArrayList<>();
        audit.findParents("action").forEach(entry -> {
            if ("otto".equals(entry.path("actor").asText())) {
                ottos.add(entry.path("action").asText() + " " + entry.path("detail").asText());
            }
        });
        assertThat(ottos).contains("PAYLOAD_VIEWED GET /bank/api/messages/" + id + "/wire",
                "PAYLOAD_VIEWED GET /bank/api/messages/" + id + "/payloads/0",
                "RESEND_ORDERED POST /bank/api/messages/" + id + "/resend");
        assertThat(ottos).noneMatch(line -> line.endsWith("/messages/" + id));
    }

    @Test
    void anAdminManagesUsersAndARemovedUsersSessionEndsAtOnce() throws Exception {
        PortalClient ada = PortalClient.signedIn(base, "ada");
        HttpResponse<String> added = ada.post("/bank/api/users",
                "{\"name\": \"temp\", \"role\": \"viewer\", \"password\": \"" + PASSWORD + "\"}", true);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        PortalClient temp = PortalClient.signedIn(base, "temp");
        assertThat(temp.get("/bank/api/messages").statusCode()).isEqualTo(200);

        assertThat(ada.delete("/bank/api/users/temp").statusCode()).isEqualTo(204);

        assertThat(temp.get("/bank/api/messages").statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(ada.get("/bank/api/audit").body()).findValuesAsText("action"))
                .contains("USER_ADDED", "USER_REMOVED", "SIGN_IN");
        HttpResponse<String> weak = ada.post("/bank/api/users",
                "{\"name\": \"weak\", \"role\": \"viewer\", \"password\": \"short\"}", true);
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("at least 10 characters");
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        PortalClient vera = PortalClient.signedIn(base, "vera");
        String cookie = vera.cookie();

        assertThat(vera.delete("/bank/api/session").statusCode()).isEqualTo(204);

        PortalClient replay = new PortalClient(base);
        HttpResponse<String> replayed = replay.http.send(HttpRequest.newBuilder(base.resolve("/bank/api/messages"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).as("the old cookie opens nothing").isEqualTo(401);
    }
}
