package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.CommandRun.ebrelay;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure notices from a real node: the laboratory is down, the hospital's retries run out under a short CPA, and
 * the administrators get real e-mail (GreenMail) and a webhook post, the application gets its notices (REST, CLI,
 * webhook). A storm of failures makes two e-mails: the outage's start and its end.
 */
class FailureNotificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path root;

    private GatewayConfig notifying(GatewayConfig c, String adminWebhook, String appWebhook) {
        GatewayConfig.Notifications n = new GatewayConfig.Notifications(Duration.ofMinutes(1),
                Duration.ofMillis(500), 3, true,
                new GatewayConfig.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), null, null, false, false,
                        Duration.ofSeconds(5)),
                new GatewayConfig.AdminEmail("ebrelay@hospital.test", List.of("ops@hospital.test")),
                new GatewayConfig.AdminWebhook(adminWebhook));
        GatewayConfig.Delivery delivery = appWebhook == null ? c.delivery() : new GatewayConfig.Delivery(List.of(
                new GatewayConfig.Webhook(null, null, null, appWebhook, 2, Duration.ofSeconds(1))));
        // no circuit breaker: every message of the outage runs through its own retries, the storm this test is about
        GatewayConfig.Pacing everyMessageTries = new GatewayConfig.Pacing(64, 0, 100,
                new GatewayConfig.Breaker(0, Duration.ofSeconds(5), Duration.ofMinutes(1)), List.of());
        return c.withDelivery(delivery).withNotifications(n).withPacing(everyMessageTries);
    }

    @Test
    void anOutageReachesTheAdministratorsByMailAndWebhookAndItsEndToo() throws Exception {
        try (RecordingEndpoint admin = new RecordingEndpoint(); RecordingEndpoint app = new RecordingEndpoint();
             TwoNodes nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry().cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                     .hospitalConfig(c -> notifying(c, admin.url(), app.url())).start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted failed = nodes.order(order);
            awaitOutbound(nodes.hospital(), failed.messageId(), "MANUAL");

            assertThat(MAIL.waitForIncomingEmail(15_000, 1)).isTrue();
            MimeMessage started = MAIL.getReceivedMessages()[0];
            assertThat(started.getSubject()).contains("are failing").contains(DemoCpa.LAB);
            assertThat(started.getAllRecipients()[0].toString()).isEqualTo("ops@hospital.test");
            assertThat(GreenMailUtil.getBody(started)).contains(failed.messageId()).contains(order.id())
                    .contains("RETRIES_EXHAUSTED").contains("MANUAL_HANDLING");
            List<JsonNode> adminPosts = eventually().until(() -> json(admin.bodies()), posts -> !posts.isEmpty());
            assertThat(adminPosts.get(0).path("type").asText()).isEqualTo("adminNotice");
            assertThat(adminPosts.get(0).path("notice").asText()).isEqualTo("OUTAGE_STARTED");
            assertThat(adminPosts.get(0).path("partner").asText()).isEqualTo(DemoCpa.LAB);
            List<JsonNode> appPosts = eventually().until(() -> json(app.bodies()), posts -> posts.size() >= 2);
            assertThat(appPosts).allSatisfy(p -> {
                assertThat(p.path("type").asText()).isEqualTo("notice");
                assertThat(p.path("messageId").asText()).isEqualTo(failed.messageId());
                assertThat(p.path("hl7MessageId").asText()).isEqualTo(order.id());
            });
            assertThat(appPosts).extracting(p -> p.path("kind").asText())
                    .containsExactlyInAnyOrder("RETRIES_EXHAUSTED", "MANUAL_HANDLING");

            nodes.startLab();
            awaitOutbound(nodes.hospital(), nodes.order(Hl7Messages.order()).messageId(), "COMPLETE");

            assertThat(MAIL.waitForIncomingEmail(15_000, 2)).isTrue();
            MimeMessage ended = MAIL.getReceivedMessages()[1];
            assertThat(ended.getSubject()).contains("reachable again");
            assertThat(GreenMailUtil.getBody(ended)).contains("Whole outage");
            eventually().until(() -> json(admin.bodies()), posts -> posts.size() == 2);
            assertThat(json(admin.bodies()).get(1).path("notice").asText()).isEqualTo("OUTAGE_ENDED");
        }
    }

    @Test
    void aStormOfFailuresMakesTwoMailsWhileEveryMessageHasItsApplicationNotices() throws Exception {
        int messages = 25;
        try (TwoNodes nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry().cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                .hospitalConfig(c -> notifying(c, null, null)).start()) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                ids.add(nodes.order(Hl7Messages.order()).messageId());
            }
            ids.forEach(id -> awaitOutbound(nodes.hospital(), id, "MANUAL"));
            RestClient rest = new RestClient(nodes.hospital().apiBaseUri());
            assertThat(rest.notices(DemoCpa.HOSPITAL, false)).hasSize(2 * messages);
            assertThat(MAIL.waitForIncomingEmail(15_000, 1)).as("the outage's start").isTrue();

            nodes.startLab();
            awaitOutbound(nodes.hospital(), nodes.order(Hl7Messages.order()).messageId(), "COMPLETE");

            assertThat(MAIL.waitForIncomingEmail(15_000, 2)).isTrue();
            MimeMessage[] mails = MAIL.getReceivedMessages();
            assertThat(mails).extracting(MimeMessage::getSubject).satisfiesExactly(
                    s -> assertThat(s).contains("are failing"), s -> assertThat(s).contains("reachable again"));
            assertThat(GreenMailUtil.getBody(mails[1])).containsPattern("RETRIES_EXHAUSTED\\s+" + messages)
                    .containsPattern("MANUAL_HANDLING\\s+" + messages);
        }
    }

    @Test
    void theApplicationListsAndConfirmsItsNoticesOverRestAndTheCommandLine() throws Exception {
        try (TwoNodes nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry().cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                .hospitalConfig(c -> notifying(c, null, null)).start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            SubmissionResult.Accepted failed = nodes.order(order);
            awaitOutbound(nodes.hospital(), failed.messageId(), "MANUAL");
            String node = nodes.hospital().apiBaseUri().toString();

            List<JsonNode> listed = new RestClient(nodes.hospital().apiBaseUri()).notices(DemoCpa.HOSPITAL, false);
            assertThat(listed).extracting(n -> n.path("kind").asText())
                    .containsExactly("RETRIES_EXHAUSTED", "MANUAL_HANDLING");
            assertThat(listed).allSatisfy(n -> {
                assertThat(n.path("messageIds").get(0).asText()).isEqualTo(failed.messageId());
                assertThat(n.path("hl7MessageId").asText()).isEqualTo(order.id());
                assertThat(n.path("from").asText()).isEqualTo(DemoCpa.HOSPITAL);
            });
            CommandRun cli = ebrelay("notices", "--node", node, "--party", DemoCpa.HOSPITAL, "--json");
            assertThat(cli.exitCode()).as(cli.toString()).isZero();
            assertThat(cli.json()).hasSize(2);
            String first = cli.json().get(0).path("noticeId").asText();
            assertThat(first).isEqualTo(listed.get(0).path("noticeId").asText());

            CommandRun confirmed = ebrelay("notices", "--node", node, "--confirm", first);
            CommandRun unknown = ebrelay("notices", "--node", node, "--confirm", "no-such-notice", "--json");
            CommandRun text = ebrelay("notices", "--node", node);

            assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
            assertThat(confirmed.out()).contains("Confirmed " + first);
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.json().path("error").asText()).isEqualTo("NotFound");
            assertThat(text.out()).contains("MANUAL_HANDLING").contains(failed.messageId()).doesNotContain(first);
            assertThat(ebrelay("notices", "--node", "http://127.0.0.1:" + TestNode.freePort()).exitCode())
                    .as("node unreachable").isEqualTo(2);
        }
    }

    private static List<JsonNode> json(List<String> bodies) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String body : bodies) {
            try {
                nodes.add(JSON.readTree(body));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
        return nodes;
    }
}
