package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.boot.Gateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes ship to a standalone bank over HTTP. The bank is stopped while both keep exchanging messages, and
 * started again: afterwards it holds every message and every event of both nodes exactly once, each attributed to
 * the node it happened on. Operators find a message by its HL7 id, read it decoded, and resend it through the bank.
 */
class MessageBankEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void aBankStoppedDuringTrafficCatchesUpWithEveryMessageAndEventOfBothNodesExactlyOnce() {
        try (BankNodes bank = new BankNodes(root.resolve("bank"), List.of());
             TwoNodes nodes = TwoNodes.in(root).hospitalConfig(bank::shipping).labConfig(bank::shipping).start()) {
            List<Sent> sent = new ArrayList<>(exchange(nodes, 3));
            bank.stop();
            sent.addAll(exchange(nodes, 3));
            bank.start();

            for (Gateway node : List.of(nodes.hospital(), nodes.lab())) {
                List<MessageEvent> log = node.eventLog().eventsAfter(0, 100_000);
                eventually().until(() -> bankedEvents(bank, node.nodeId().value()).size() >= log.size());
                assertThat(bankedEvents(bank, node.nodeId().value())).containsExactlyInAnyOrderElementsOf(
                        log.stream().map(e -> e.sequence() + " " + e.message().value() + " " + e.type()).toList());
            }
            eventually().until(() -> bank.messagesOf("hospital").stream()
                    .filter(m -> m.summary().state().equals("COMPLETE")).count() == 6);
            assertThat(bank.messagesOf("hospital")).extracting(m -> m.summary().direction() + " "
                    + m.summary().hl7Id()).hasSize(12).doesNotHaveDuplicates();
            assertThat(bank.messagesOf("lab")).hasSize(12);
            assertThat(bank.messagesOf("hospital")).as("the CPA version each node recorded, shipped over HTTP")
                    .allSatisfy(m -> assertThat(m.summary().cpaVersion()).isEqualTo(1));
            assertThat(eventually().until(() -> bank.bank().cpa(DemoCpa.CPA_ID), c -> c.isPresent()
                    && c.get().nodes().size() == 2).orElseThrow().nodes())
                    .extracting(n -> n.node() + " " + n.state() + " v" + n.version())
                    .containsExactly("hospital ACTIVE v1", "lab ACTIVE v1");
            assertThat(sent).hasSize(12).allSatisfy(s -> assertThat(bank.bank().search(
                    new org.ebrelay.adapter.bank.BankQuery(s.hl7Id(), null, null, null, null, null, null, List.of(),
                            null, null, null, null, false), null, 10).items())
                    .extracting(m -> m.node() + " " + m.direction())
                    .containsExactlyInAnyOrder(s.from() + " OUTBOUND", s.to() + " INBOUND"));
        }
    }

    @Test
    void anOperatorFindsAMessageByItsHl7IdReadsItDecodedAndResendsItThroughTheBank() throws Exception {
        try (BankNodes bank = new BankNodes(root.resolve("bank"), List.of());
             TwoNodes nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry()
                     .cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                     .hospitalConfig(bank::shipping).labConfig(bank::shipping).start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            String messageId = nodes.order(order).messageId();
            awaitOutbound(nodes.hospital(), messageId, "MANUAL");
            JsonNode found = eventuallyFound(bank, "/bank/api/messages?hl7Id=" + order.id() + "&state=MANUAL");
            long id = found.path("items").get(0).path("id").asLong();

            JsonNode detail = get(bank, "/bank/api/messages/" + id);
            JsonNode decoded = get(bank, "/bank/api/messages/" + id + "/payloads/0/hl7");
            nodes.startLab();
            HttpResponse<String> resend = post(bank, "/bank/api/messages/" + id + "/resend",
                    "{\"reason\": \"the laboratory is back\", \"operator\": \"alice\"}");

            assertThat(detail.path("messageIds").get(0).path("messageId").asText()).isEqualTo(messageId);
            assertThat(texts(detail.path("events"), "type")).contains("SUBMITTED", "RETRIES_EXHAUSTED");
            assertThat(decoded.path("messageType").asText()).isEqualTo("OML^O21^OML_O21");
            assertThat(texts(decoded.path("segments"), "name")).containsExactly("MSH", "PID", "ORC", "OBR");
            assertThat(resend.statusCode()).as(resend.body()).isEqualTo(202);
            awaitOutbound(nodes.hospital(), messageId, "COMPLETE");
            eventually().until(() -> texts(get(bank, "/bank/api/messages/" + id).path("events"), "type"),
                    types -> types.containsAll(List.of("BANK_RESEND_REQUESTED", "RESENT_BY_OPERATOR",
                            "BANK_RESEND_DONE", "ACKNOWLEDGED")));
            assertThat(get(bank, "/bank/api/messages/" + id).path("state").asText()).isEqualTo("COMPLETE");
            assertThat(post(bank, "/bank/api/messages/" + id + "/resend", "{}").statusCode()).isEqualTo(400);
            assertThat(get(bank, "/bank/api/nodes").findValuesAsText("node")).containsExactlyInAnyOrder("hospital",
                    "lab");
        }
    }

    @Test
    void aStuckMessageIsResentAutomaticallyOnceItsTimeLimitHasPassed() {
        List<org.ebrelay.boot.config.GatewayConfig.AutoResend> rules = List.of(
                new org.ebrelay.boot.config.GatewayConfig.AutoResend("orders", null, null, DemoCpa.ORDER, null,
                        Duration.ofSeconds(2), 1));
        try (BankNodes bank = new BankNodes(root.resolve("bank"), rules);
             TwoNodes nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry()
                     .cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                     .hospitalConfig(bank::shipping).labConfig(bank::shipping).start()) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            String messageId = nodes.order(order).messageId();
            awaitOutbound(nodes.hospital(), messageId, "MANUAL");
            nodes.startLab();

            var complete = awaitOutbound(nodes.hospital(), messageId, "COMPLETE");

            assertThat(complete.events()).filteredOn(e -> e.type().equals("RESENT_BY_OPERATOR")).singleElement()
                    .satisfies(e -> assertThat(e.detail()).contains("bank rule orders"));
            long id = bank.bank().idsMatching(new org.ebrelay.adapter.bank.BankQuery(order.id(), null, null, null,
                    null, null, null, List.of(), "hospital", null, null, null, false), 1).get(0);
            eventually().until(() -> bank.bank().detail(id).orElseThrow().resendRequests(),
                    r -> r.size() == 1 && r.get(0).state().equals("DONE"));
            assertThat(bank.bank().detail(id).orElseThrow().resendRequests().get(0).origin()).isEqualTo("AUTOMATIC");
        }
    }

    /** A message one node sent the other. */
    private record Sent(String hl7Id, String from, String to) {
    }

    /** {@code count} orders and results, each delivered and acknowledged. */
    private static List<Sent> exchange(TwoNodes nodes, int count) {
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Hl7Messages.Er7 order = Hl7Messages.order();
            Hl7Messages.Er7 result = Hl7Messages.result();
            awaitOutbound(nodes.hospital(), nodes.order(order).messageId(), "COMPLETE");
            awaitOutbound(nodes.lab(), nodes.result(result).messageId(), "COMPLETE");
            sent.add(new Sent(order.id(), "hospital", "lab"));
            sent.add(new Sent(result.id(), "lab", "hospital"));
        }
        return sent;
    }

    private static List<String> bankedEvents(BankNodes bank, String node) {
        List<String> events = new ArrayList<>();
        for (Views.MessageDetail message : bank.messagesOf(node)) {
            for (Views.Event e : message.events()) {
                if (node.equals(e.node())) {
                    events.add(e.sequence() + " " + message.summary().key() + " " + e.type());
                }
            }
        }
        return events;
    }

    private static JsonNode eventuallyFound(BankNodes bank, String path) throws Exception {
        eventually().until(() -> get(bank, path).path("items").size() == 1);
        return get(bank, path);
    }

    static JsonNode get(BankNodes bank, String path) throws Exception {
        HttpResponse<String> response = bank.operator().get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> post(BankNodes bank, String path, String body) throws Exception {
        return bank.operator().post(path, body, true);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asText()));
        return values;
    }
}
