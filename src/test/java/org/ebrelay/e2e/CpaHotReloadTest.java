package org.ebrelay.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.eventually;

/**
 * CPA administration on running nodes (issue 9): an edit while orders flow, broken edits, a removed CPA with
 * pending messages, an endpoint override, an expiry warning by real e-mail.
 */
class CpaHotReloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RETRY_INTERVAL = "<tns:RetryInterval>PT2S</tns:RetryInterval>";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());

    @TempDir
    Path root;

    /** The folder looked at every 200 ms, administrator e-mail to GreenMail, and these overrides. */
    private static GatewayConfig watching(GatewayConfig c, List<GatewayConfig.EndpointOverride> overrides) {
        return watching(c, overrides, Duration.ofMillis(200));
    }

    private static GatewayConfig watching(GatewayConfig c, List<GatewayConfig.EndpointOverride> overrides,
                                          Duration interval) {
        return watching(c, overrides, interval, null);
    }

    private static GatewayConfig watching(GatewayConfig c, List<GatewayConfig.EndpointOverride> overrides,
                                          Duration interval, String adminWebhook) {
        GatewayConfig.Notifications n = new GatewayConfig.Notifications(Duration.ofMinutes(1),
                Duration.ofMillis(500), 3, false,
                new GatewayConfig.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), null, null, false, false,
                        Duration.ofSeconds(5)),
                new GatewayConfig.AdminEmail("ebrelay@hospital.test", List.of("ops@hospital.test")),
                new GatewayConfig.AdminWebhook(adminWebhook));
        GatewayConfig.Cpa cpa = new GatewayConfig.Cpa(c.cpa().dir(), interval, Duration.ofDays(30),
                overrides);
        return new GatewayConfig(c.node(), c.http(), c.storage(), cpa, c.reliability(), c.delivery(), n, c.pacing());
    }

    private Path hospitalCpa() {
        return root.resolve("hospital-cpa").resolve("demo-hospital-lab.xml");
    }

    /** Writes the file as editors do: a temporary file renamed over the old one. */
    private void edit(Path file, String what, String with) throws IOException {
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml).contains(what);
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temp, xml.replace(what, with), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aNewRetryIntervalTakesEffectUnderLoadWithoutLosingOrDelayingAnyMessage() throws Exception {
        try (TwoNodes nodes = TwoNodes.in(root).hospitalConfig(c -> watching(c, List.of())).start()) {
            List<Hl7Messages.Er7> sent = new CopyOnWriteArrayList<>();
            List<String> ids = new CopyOnWriteArrayList<>();
            CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < 150; i++) {
                    Hl7Messages.Er7 order = Hl7Messages.order();
                    ids.add(nodes.order(order).messageId());
                    sent.add(order);
                }
            });
            eventually().until(() -> sent.size() >= 30);
            edit(hospitalCpa(), RETRY_INTERVAL, "<tns:RetryInterval>PT3S</tns:RetryInterval>");
            eventually().until(() -> cpa(nodes.hospital()).path("summary").path("version").path("number").asInt() == 2);
            load.get();

            JsonNode view = cpa(nodes.hospital());
            assertThat(view.path("summary").path("state").asText()).isEqualTo("ACTIVE");
            assertThat(view.path("messages").get(0).path("reliability").asText()).contains("every 3 s");
            assertThat(sent).hasSize(150);
            for (int i = 0; i < sent.size(); i++) {
                MessageView done = awaitOutbound(nodes.hospital(), ids.get(i), "COMPLETE");
                assertThat(done.attempts()).as("sent once, no retry because of the edit").isEqualTo(1);
                Observed.deliveredOnce(nodes.lab(), sent.get(i));
            }
            JsonNode history = JSON.readTree(CommandRun.ebrelay("cpa", "history", DemoCpa.CPA_ID, "--node",
                    nodes.hospital().baseUri().toString(), "--json").out());
            assertThat(history.path("versions").get(1).path("changes").toString())
                    .contains("RetryInterval PT2S -> PT3S on channel RGH_ReliableChannel");
        }
    }

    @Test
    void brokenEditsKeepTheOldVersionActiveAndReachTheAdministratorsWithTheirLine() throws Exception {
        try (TwoNodes nodes = TwoNodes.in(root).hospitalConfig(c -> watching(c, List.of())).start()) {
            String[][] breakages = {
                    {"<tns:Retries>4</tns:Retries>", "<tns:Retries>4</tns:Retry>"},          // not well-formed
                    {"<tns:Retries>4</tns:Retries>", "<tns:Retries>four</tns:Retries>"},     // against the schema
                    {"<tns:OtherPartyActionBinding>NRL_R_OML_O21<", "<tns:OtherPartyActionBinding>NRL_R_NONE<"}};
            String original = Files.readString(hospitalCpa(), StandardCharsets.UTF_8);
            for (int i = 0; i < breakages.length; i++) {
                Files.writeString(hospitalCpa(), original, StandardCharsets.UTF_8);
                edit(hospitalCpa(), breakages[i][0], breakages[i][1]);
                String broken = Files.readString(hospitalCpa(), StandardCharsets.UTF_8);
                int line = lineOf(broken, breakages[i][1]);

                assertThat(MAIL.waitForIncomingEmail(15_000, i + 1)).isTrue();
                MimeMessage mail = MAIL.getReceivedMessages()[i];
                assertThat(mail.getSubject()).contains("CPA edit rejected");
                assertThat(GreenMailUtil.getBody(mail)).contains(hospitalCpa() + ":" + line + ":")
                        .contains("Version 1 of CPA " + DemoCpa.CPA_ID);
                JsonNode view = cpa(nodes.hospital());
                assertThat(view.path("summary").path("state").asText()).isEqualTo("REJECTED_EDIT");
                assertThat(view.path("summary").path("rejectedEdit").path("problems").toString())
                        .contains(":" + line + ":");
                awaitOutbound(nodes.hospital(), nodes.order(Hl7Messages.order()).messageId(), "COMPLETE");
            }
            CommandRun reload = CommandRun.ebrelay("cpa", "reload", "--node", nodes.hospital().baseUri().toString());
            assertThat(reload.exitCode()).isEqualTo(1);
            assertThat(reload.out()).contains("rejected " + hospitalCpa()).contains(hospitalCpa() + ":");

            Files.writeString(hospitalCpa(), original, StandardCharsets.UTF_8);
            eventually().until(() -> cpa(nodes.hospital()).path("summary").path("state").asText().equals("ACTIVE"));
            assertThat(cpa(nodes.hospital()).path("versions")).hasSize(1);
        }
    }

    @Test
    void aRemovedCpaMovesItsPendingMessagesToManualHandlingAndRefusesNewOnes() throws Exception {
        // no watch: the reload command is what sees the removal
        try (RecordingEndpoint admin = new RecordingEndpoint(); TwoNodes nodes = TwoNodes.in(root).labRunning(false)
                .hospitalConfig(c -> watching(c, List.of(), Duration.ZERO, admin.url())).start()) {
            List<String> pending = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pending.add(nodes.order(Hl7Messages.order()).messageId());
            }
            for (String id : pending) {
                awaitOutbound(nodes.hospital(), id, "RETRYING");
            }
            Files.delete(hospitalCpa());
            CommandRun reload = CommandRun.ebrelay("cpa", "reload", "--node", nodes.hospital().baseUri().toString());
            assertThat(reload.exitCode()).isZero();
            assertThat(reload.out()).contains("withdrawn " + DemoCpa.CPA_ID);

            for (String id : pending) {
                MessageView manual = awaitOutbound(nodes.hospital(), id, "MANUAL");
                assertThat(manual.events().get(manual.events().size() - 1).detail())
                        .contains("CPA " + DemoCpa.CPA_ID + " was withdrawn");
            }
            SubmissionResult refused = nodes.hospital().submit().submit(TwoNodes.submission(DemoCpa.ORDER,
                    DemoCpa.LAB, Hl7Messages.order()));
            assertThat(refused).isInstanceOfSatisfying(SubmissionResult.Refused.class,
                    r -> assertThat(r.error()).isEqualTo("UnknownCpa"));
            assertThat(MAIL.waitForIncomingEmail(15_000, 1)).isTrue();
            assertThat(MAIL.getReceivedMessages()[0].getSubject()).contains("CPA " + DemoCpa.CPA_ID + " withdrawn");
            JsonNode posted = JSON.readTree(eventually().until(admin::bodies, b -> !b.isEmpty()).get(0));
            assertThat(posted.path("type").asText()).isEqualTo("cpaAlert");
            assertThat(posted.path("kind").asText()).isEqualTo("REMOVED");
            assertThat(posted.path("body").asText()).contains("pending message(s) moved to manual handling");
        }
    }

    @Test
    void anEndpointOverrideSendsToTheMappedAddressAndEveryViewShowsIt() throws Exception {
        int labPort = TestNode.freePort();
        int nobody = TestNode.freePort();
        String inCpa = DemoCpa.endpoint(nobody);
        String real = DemoCpa.endpoint(labPort);
        try (TwoNodes nodes = TwoNodes.in(root).labPort(labPort).hospitalReachesLabAt(nobody)
                .hospitalConfig(c -> watching(c, List.of(new GatewayConfig.EndpointOverride(null, inCpa, real))))
                .start()) {
            SubmissionResult.Accepted order = nodes.order(Hl7Messages.order());
            awaitOutbound(nodes.hospital(), order.messageId(), "COMPLETE");

            JsonNode view = cpa(nodes.hospital());
            assertThat(view.path("messages").get(0).path("endpoint").asText()).isEqualTo(inCpa);
            assertThat(view.path("messages").get(0).path("sentTo").asText()).isEqualTo(real);
            Path yaml = Files.writeString(root.resolve("ebrelay.yaml"), "cpa:\n  endpointOverrides:\n"
                    + "    - {from: \"" + inCpa + "\", to: \"" + real + "\"}\n");
            CommandRun show = CommandRun.ebrelay("cpa", "show", hospitalCpa().toString(), "--config", yaml.toString());
            assertThat(show.out()).contains("posted to " + inCpa + ", overridden in the configuration: sent to " + real);
        }
    }

    @Test
    void anEditedOverridesFileSendsTheNextAttemptOfAMessageUnderWayToTheNewAddressWithoutARestart() throws Exception {
        int labPort = TestNode.freePort();
        int nobody = TestNode.freePort();
        String inCpa = DemoCpa.endpoint(nobody);
        String real = DemoCpa.endpoint(labPort);
        Path file = root.resolve("endpoint-overrides.yaml");
        try (TwoNodes nodes = TwoNodes.in(root).labPort(labPort).hospitalReachesLabAt(nobody)
                .hospitalConfig(c -> {
                    GatewayConfig watched = watching(c, List.of());
                    return watched.withCpa(watched.cpa().withEndpointOverridesFile(file));
                }).start()) {
            String underWay = nodes.order(Hl7Messages.order()).messageId();
            awaitOutbound(nodes.hospital(), underWay, "RETRYING");

            Files.writeString(file, "endpointOverrides:\n  - {from: \"" + inCpa + "\", to: \"" + real + "\"}\n");

            awaitOutbound(nodes.hospital(), underWay, "COMPLETE");
            assertThat(cpa(nodes.hospital()).path("messages").get(0).path("sentTo").asText()).isEqualTo(real);

            Files.writeString(file, "endpointOverrides:\n  - {from: \"" + inCpa + "\", to: \"lab/ebms\"}\n");
            CommandRun reload = CommandRun.ebrelay("cpa", "reload", "--node", nodes.hospital().baseUri().toString());
            assertThat(reload.exitCode()).isEqualTo(1);
            assertThat(reload.out()).contains("rejected " + file).contains(file + ":2:");
            assertThat(MAIL.waitForIncomingEmail(15_000, 1)).isTrue();
            assertThat(MAIL.getReceivedMessages()[0].getSubject()).contains("Endpoint overrides edit rejected");
            awaitOutbound(nodes.hospital(), nodes.order(Hl7Messages.order()).messageId(), "COMPLETE");
        }
    }

    @Test
    void administratorsGetAnEmailBeforeTheCpaExpires() throws Exception {
        String end = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        try (TwoNodes nodes = TwoNodes.in(root).cpa(c -> c.end(end))
                .hospitalConfig(c -> watching(c, List.of())).start()) {
            assertThat(MAIL.waitForIncomingEmail(15_000, 1)).isTrue();
            MimeMessage mail = MAIL.getReceivedMessages()[0];
            assertThat(mail.getSubject()).contains("CPA " + DemoCpa.CPA_ID + " expires at " + end);
            assertThat(mail.getHeader("X-Ebrelay-Notice")[0]).isEqualTo("CPA_EXPIRING");
            assertThat(cpa(nodes.hospital()).path("summary").path("state").asText()).isEqualTo("EXPIRING");
        }
    }

    @Test
    void administratorsGetAnEmailBeforeACertificateInTheCpaExpires() throws Exception {
        String alpha = Files.readString(Path.of("src/test/resources/signing/alpha-signing.b64"));
        String beta = Files.readString(Path.of("src/test/resources/signing/beta-signing.b64"));
        Duration longBefore = Duration.ofDays(365L * 101); // the test certificates run until 2126
        try (TwoNodes nodes = TwoNodes.in(root).labRunning(false).cpa(c -> c.signed(alpha, beta, true))
                .hospitalConfig(c -> {
                    GatewayConfig watched = watching(c, List.of());
                    return watched.withCpa(watched.cpa().withWatch(Duration.ofMillis(200), longBefore))
                            .withSigning(new GatewayConfig.Signing(org.ebrelay.adapter.xmldsig.TestKeys.keystore("alpha"),
                                    "PKCS12", "changeit", false));
                }).start()) {
            MimeMessage mail = eventually().until(() -> certificateMail(), m -> m != null);

            assertThat(mail.getSubject()).contains("certificate RGH_Signing of party RiversideGeneralHospital in CPA " + DemoCpa.CPA_ID)
                    .contains("expires at 2126-");
            assertThat(cpa(nodes.hospital()).path("summary").path("expiring").toString()).contains("certificate ");
        }
    }

    private static MimeMessage certificateMail() throws Exception {
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            String[] kind = m.getHeader("X-Ebrelay-Notice");
            if (kind != null && kind[0].equals("CPA_CERTIFICATE_EXPIRING")) {
                return m;
            }
        }
        return null;
    }

    private static int lineOf(String xml, String text) {
        return (int) xml.substring(0, xml.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    private static JsonNode cpa(Gateway node) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(node.apiBaseUri() + "/api/cpas/" + DemoCpa.CPA_ID)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
