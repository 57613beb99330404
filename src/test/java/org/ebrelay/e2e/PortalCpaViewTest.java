package org.ebrelay.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ebrelay.app.portal.Role;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.eventually;

/**
 * The portal's CPA view (issue 9) on a hospital node that hosts its bank: the node takes a valid edit (version 2),
 * then refuses a broken one, with an endpoint override configured; the bank API and a viewer in a real browser see
 * the state badge, the rejected edit with its FILE:LINE:COLUMN, the terms in plain words, the version history with
 * what changed, the override and which node runs which version. Screenshots: target/portal-screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalCpaViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = PortalAccessTest.PASSWORD;
    private static final String TEST_SYSTEM = "https://lab-test.example/ebms";

    @TempDir
    static Path root;
    static TwoNodes nodes;
    static Browser browser;
    static String portal;
    static Path cpaFile;
    static int brokenLine;

    @BeforeAll
    static void aValidEditThenABrokenOne() throws Exception {
        int labPort = TestNode.freePort();
        nodes = TwoNodes.in(root).labRunning(false).labPort(labPort).hospitalConfig(c -> PortalAccessTest.fastHashing(c)
                .withCpa(new GatewayConfig.Cpa(c.cpa().dir(), Duration.ofMillis(200), Duration.ofDays(30), List.of(
                        new GatewayConfig.EndpointOverride(null, DemoCpa.endpoint(labPort), TEST_SYSTEM))))).start();
        nodes.hospital().bankHost().portal().accounts().add("test", "vera", Role.VIEWER, PASSWORD.toCharArray());
        cpaFile = root.resolve("hospital-cpa").resolve("demo-hospital-lab.xml");
        String xml = Files.readString(cpaFile, StandardCharsets.UTF_8);
        Files.writeString(cpaFile, xml.replace("<tns:RetryInterval>PT2S</tns:RetryInterval>",
                "<tns:RetryInterval>PT3S</tns:RetryInterval>"), StandardCharsets.UTF_8);
        eventually().until(() -> nodes.hospital().cpaAdministration().status(org.ebrelay.domain.message.CpaId.of(DemoCpa.CPA_ID)).orElseThrow()
                .version().number() == 2);
        String broken = Files.readString(cpaFile, StandardCharsets.UTF_8).replace("<tns:Retries>4</tns:Retries>",
                "<tns:Retries>four</tns:Retries>");
        brokenLine = (int) broken.substring(0, broken.indexOf("four")).chars().filter(ch -> ch == '\n').count() + 1;
        Files.writeString(cpaFile, broken, StandardCharsets.UTF_8);
        eventually().until(() -> nodes.hospital().cpaAdministration().status(org.ebrelay.domain.message.CpaId.of(DemoCpa.CPA_ID)).orElseThrow()
                .state().equals("REJECTED_EDIT"));
        portal = "http://127.0.0.1:" + nodes.hospitalPort() + "/bank/";
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    @Order(1)
    void theBankApiServesTheNodesCpaViewToAViewerAndNobodyElse() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + nodes.hospitalPort());
        String path = "/bank/api/cpas/" + URLEncoder.encode(DemoCpa.CPA_ID, StandardCharsets.UTF_8);
        assertThat(new PortalClient(base).get(path).statusCode()).isEqualTo(401);
        PortalClient vera = PortalClient.signedIn(base, "vera");

        JsonNode cpa = eventually().until(() -> JSON.readTree(vera.get(path).body()),
                c -> c.path("state").asText().equals("REJECTED_EDIT"));
        assertThat(cpa.path("version").asInt()).isEqualTo(2);
        assertThat(cpa.path("nodes").get(0).path("node").asText()).isEqualTo("hospital");
        JsonNode view = cpa.path("view");
        assertThat(view.path("summary").path("rejectedEdit").path("problems").toString())
                .contains(cpaFile + ":" + brokenLine + ":");
        assertThat(view.path("messages").toString()).contains("every 3 s");
        assertThat(view.path("versions").get(1).path("changes").toString())
                .contains("RetryInterval PT2S -> PT3S on channel RGH_ReliableChannel");
        assertThat(view.path("overrides").get(0).path("to").asText()).isEqualTo(TEST_SYSTEM);
        HttpResponse<String> list = vera.get("/bank/api/cpas");
        assertThat(JSON.readTree(list.body()).get(0).path("cpaId").asText()).isEqualTo(DemoCpa.CPA_ID);
    }

    @Test
    @Order(2)
    void aViewerSeesTheCpaListWithItsBadgeAndTheDetailInPlainWords() {
        browser = Browser.start();
        signIn();
        browser.open(portal + "#/cpas");
        String row = "#cpas tr[data-cpa='" + DemoCpa.CPA_ID + "']";
        browser.waitForText(row, "REJECTED_EDIT");
        assertThat(browser.find(row).getText()).contains("hospital v2");
        browser.screenshot("20-cpa-list");

        browser.click(row + " a");
        browser.waitForText("#cpa-state", "REJECTED_EDIT");
        assertThat(browser.find("#cpa-rejected").getText()).contains(cpaFile + ":" + brokenLine + ":");
        assertThat(browser.find("#cpa-messages").getText()).contains("every 3 s");
        assertThat(browser.find("#cpa-versions").getText()).contains("RetryInterval PT2S -> PT3S");
        assertThat(browser.find("#cpa-overrides").getText()).contains(TEST_SYSTEM);
        assertThat(browser.find("#cpa-nodes tr[data-node='hospital']").getText()).contains("2");
        browser.screenshot("21-cpa-detail");
    }

    private static void signIn() {
        browser.open(portal + "signin.html");
        browser.type("#signin-name", "vera");
        browser.type("#signin-password", PASSWORD);
        browser.click("#signin-submit");
        browser.find("#who-name");
    }
}
