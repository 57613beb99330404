package org.ebrelay.e2e;

import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.portal.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.outbound;

/**
 * The Message Bank portal in a real browser (Debian's chromium, headless) against a hospital node that hosts its
 * bank: three orders are sent while the laboratory is down and wait for an operator (CPA Retries 1, no slow
 * retry); the laboratory comes back; an operator finds one by its HL7 id, reads its timeline and decoded HL7,
 * resends it and watches the new attempt arrive; then resends the other two from a search; the dashboard shows
 * them. Screenshots: target/portal-screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalBrowserTest {
    private static final String PASSWORD = PortalAccessTest.PASSWORD;

    @TempDir
    static Path root;
    static TwoNodes nodes;
    static Browser browser;
    static String portal;
    static final Hl7Messages.Er7[] orders = {Hl7Messages.order(), Hl7Messages.order(), Hl7Messages.order()};
    static final String[] messageIds = new String[3];

    @BeforeAll
    static void ordersWaitForAnOperatorWhileTheLaboratoryIsDown() {
        nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry()
                .cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1))).hospitalConfig(PortalAccessTest::fastHashing).start();
        var accounts = nodes.hospital().bankHost().portal().accounts();
        accounts.add("test", "otto", Role.OPERATOR, PASSWORD.toCharArray());
        accounts.add("test", "vera", Role.VIEWER, PASSWORD.toCharArray());
        for (int i = 0; i < orders.length; i++) {
            SubmissionResult.Accepted accepted = nodes.order(orders[i]);
            messageIds[i] = accepted.messageId();
        }
        for (String id : messageIds) {
            eventually().until(() -> outbound(nodes.hospital(), id).state(), "MANUAL"::equals);
        }
        nodes.startLab();
        portal = "http://127.0.0.1:" + nodes.hospitalPort() + "/bank/";
        browser = Browser.start();
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
    void withoutSigningInThePortalShowsTheSignInPageAndAWrongPasswordIsRefused() {
        browser.open(portal + "#/search");
        assertThat(browser.driver().getCurrentUrl()).contains("/bank/signin.html");

        signIn("otto", "not the password");

        assertThat(browser.find("#signin-error").getText()).contains("wrong user name or password");
        browser.screenshot("01-sign-in-refused");
    }

    @Test
    @Order(2)
    void anOperatorFindsAMessageByItsHl7IdAndSeesItsTimelineAndDecodedHl7() {
        signIn("otto", PASSWORD);
        browser.find("#search-form");
        browser.type("#q-hl7Id", orders[0].id());
        browser.click("#search-submit");

        WebElement row = browser.waitFor(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("tbody tr[data-id]"));
            return rows.size() == 1 && rows.get(0).getText().contains(orders[0].id()) ? rows.get(0) : null;
        });
        assertThat(row.getText()).contains("MANUAL");
        browser.screenshot("02-search-by-hl7-id");
        row.findElement(By.cssSelector("a.open")).click();

        assertThat(browser.find("#detail-hl7id").getText()).isEqualTo(orders[0].id());
        browser.waitForText("#timeline tr.event", "RETRIES_EXHAUSTED");
        assertThat(browser.all("#timeline tr.event")).extracting(e -> e.getAttribute("data-type"))
                .contains("SUBMITTED", "SEND_STARTED", "RETRIES_EXHAUSTED");
        browser.waitFor(d -> d.findElements(By.cssSelector("#hl7-0 .segment[data-segment='PID']")).size() == 1);
        assertThat(browser.find("#hl7-0 .segment[data-segment='MSH']").getText()).contains("MSH-10").contains(orders[0].id());
        assertThat(browser.find("#payload-raw-0").getText()).startsWith("MSH|");
        assertThat(browser.find("#wire").getText()).contains("Content-Type: multipart/related").contains("eb:MessageHeader");
        browser.screenshot("03-message-timeline-and-hl7");
    }

    @Test
    @Order(3)
    void theOperatorResendsItWithAReasonAndSeesTheNewAttemptAppear() {
        browser.click("#resend-one");
        browser.type("#reason-input", "the laboratory is back");
        browser.click("#reason-confirm");

        assertThat(browser.find("#resend-result").getText()).contains("Resend requested");
        browser.waitFor(d -> eventTypes().containsAll(List.of("RESENT_BY_OPERATOR", "ACKNOWLEDGED")));
        assertThat(browser.find("#timeline").getText()).contains("otto").contains("the laboratory is back");
        browser.screenshot("04-resent-new-attempt");
        awaitOutbound(nodes.hospital(), messageIds[0], "COMPLETE");
    }

    @Test
    @Order(4)
    void everythingASearchMatchesIsResentAtOnce() {
        browser.open(portal + "#/search?state=MANUAL");
        browser.waitFor(d -> d.findElements(By.cssSelector("tbody tr[data-id]")).size() == 2);
        browser.screenshot("05-search-manual");

        browser.click("#resend-all");
        browser.type("#reason-input", "the laboratory is back, all of them");
        browser.click("#reason-confirm");

        assertThat(browser.find("#resend-result").getText()).isEqualTo("2 resend(s) requested.");
        browser.screenshot("06-bulk-resend");
        awaitOutbound(nodes.hospital(), messageIds[1], "COMPLETE");
        awaitOutbound(nodes.hospital(), messageIds[2], "COMPLETE");
    }

    @Test
    @Order(5)
    void theDashboardShowsTheCountsAndTheThroughputChart() {
        browser.open(portal + "#/dashboard?window=1h");
        eventually().untilAsserted(() -> {
            browser.driver().navigate().refresh();
            assertThat(browser.find("#state-tiles [data-state='COMPLETE'] .n").getText()).isEqualTo("3");
        });
        assertThat(browser.find("#state-tiles [data-state='messages'] .n").getText()).isEqualTo("3");
        assertThat(browser.all("#throughput svg rect.bar")).anySatisfy(bar ->
                assertThat(Double.parseDouble(bar.getAttribute("height"))).isPositive());
        assertThat(browser.find("#by-partner").getText()).contains(DemoCpa.LAB.substring(DemoCpa.LAB.lastIndexOf(':') + 1));
        browser.screenshot("07-dashboard");

        browser.open(portal + "#/nodes");
        assertThat(browser.find("#nodes tr[data-node='hospital']").getText()).contains("reporting");
        browser.screenshot("08-nodes");
    }

    @Test
    @Order(6)
    void aViewerSeesTheMessagesButNoResendButton() {
        browser.click("#sign-out");
        browser.find("#signin-form");
        signIn("vera", PASSWORD);
        browser.open(portal + "#/message/" + bankId(orders[0].id()));

        assertThat(browser.find("#detail-hl7id").getText()).isEqualTo(orders[0].id());
        assertThat(browser.all("#resend-one")).isEmpty();
        assertThat(browser.all("#nav a[data-view='users']")).allSatisfy(a -> assertThat(a.isDisplayed()).isFalse());
        browser.screenshot("09-viewer");
    }

    private static void signIn(String name, String password) {
        browser.open(portal + "signin.html");
        browser.type("#signin-name", name);
        browser.type("#signin-password", password);
        browser.click("#signin-submit");
        if (PASSWORD.equals(password)) {
            browser.find("#who-name");
        }
    }

    /** The event types of the timeline shown now. */
    private static List<String> eventTypes() {
        return browser.all("#timeline tr.event").stream().map(e -> e.getAttribute("data-type")).toList();
    }

    private static long bankId(String hl7Id) {
        return nodes.hospital().bankHost().bank().search(new org.ebrelay.adapter.bank.BankQuery(hl7Id, null, null, null,
                null, null, null, List.of(), null, null, null, null, false), null, 1).items().get(0).id();
    }
}
