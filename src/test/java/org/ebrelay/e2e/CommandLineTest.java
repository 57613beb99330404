package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.CommandRun.ebrelay;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client commands ({@code ebrelay send}, {@code status}, {@code inbox}) run in-process, exactly as the
 * {@code ebrelay} launcher runs them, against two running nodes over their REST APIs.
 */
class CommandLineTest {

    @TempDir
    static Path root;
    static TwoNodes nodes;

    @BeforeAll
    static void startNodes() {
        nodes = TwoNodes.in(root).start();
    }

    @AfterAll
    static void stopNodes() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void sendPrintsTheAcceptedMessageAndStatusShowsItComplete() throws IOException {
        Hl7Messages.Er7 order = Hl7Messages.order();

        CommandRun sent = ebrelay("send", "--node", hospital(), "--cpa", DemoCpa.CPA_ID, "--action", DemoCpa.ORDER,
                "--to", DemoCpa.LAB, "--payload", payloadFile(order).toString(), "--json");

        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        String messageId = sent.json().path("messageId").asText();
        assertThat(messageId).isNotBlank();
        assertThat(sent.json().path("hl7MessageId").asText()).isEqualTo(order.id());
        assertThat(sent.json().path("state").asText()).isEqualTo("SENDING");
        awaitOutbound(nodes.hospital(), messageId, "COMPLETE");

        CommandRun status = ebrelay("status", "--node", hospital(), order.id(), "--json");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        JsonNode message = status.json();
        assertThat(message.path("messageId").asText()).isEqualTo(messageId);
        assertThat(texts(message.path("messageIds"))).containsExactly(messageId);
        assertThat(message.path("hl7MessageId").asText()).isEqualTo(order.id());
        assertThat(message.path("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(message.path("state").asText()).isEqualTo("COMPLETE");
        assertThat(message.path("attempts").asInt()).isEqualTo(1);
        List<String> eventTypes = new ArrayList<>();
        message.path("events").forEach(e -> {
            assertThat(e.path("time").asText()).isNotBlank();
            eventTypes.add(e.path("type").asText());
        });
        assertThat(eventTypes).startsWith("SUBMITTED").contains("ACKNOWLEDGED");
        deliveredOnce(nodes.lab(), order);
    }

    @Test
    void inboxListsTheUnconfirmedDeliveryAndConfirmRemovesItFromTheList() throws IOException {
        Hl7Messages.Er7 order = Hl7Messages.order();
        CommandRun sent = ebrelay("send", "--node", hospital(), "--cpa", DemoCpa.CPA_ID, "--action", DemoCpa.ORDER,
                "--to", DemoCpa.LAB, "--payload", payloadFile(order).toString(), "--json");
        awaitOutbound(nodes.hospital(), sent.json().path("messageId").asText(), "COMPLETE");

        CommandRun inbox = ebrelay("inbox", "--node", lab(), "--json");

        assertThat(inbox.exitCode()).as(inbox.toString()).isZero();
        JsonNode delivery = only(inbox.json(), order.id());
        assertThat(delivery.path("messageId").asText()).isEqualTo(sent.json().path("messageId").asText());
        assertThat(delivery.path("cpaId").asText()).isEqualTo(DemoCpa.CPA_ID);
        assertThat(delivery.path("from").asText()).isEqualTo(DemoCpa.HOSPITAL);
        assertThat(delivery.path("to").asText()).isEqualTo(DemoCpa.LAB);
        assertThat(delivery.path("action").asText()).isEqualTo(DemoCpa.ORDER);
        assertThat(delivery.path("confirmed").asBoolean()).isFalse();
        assertThat(delivery.path("payloads").get(0).path("size").asInt()).isEqualTo(order.bytes().length);
        String deliveryId = delivery.path("deliveryId").asText();

        CommandRun confirm = ebrelay("inbox", "--node", lab(), "--confirm", deliveryId, "--json");
        CommandRun unconfirmed = ebrelay("inbox", "--node", lab(), "--json");
        CommandRun all = ebrelay("inbox", "--node", lab(), "--all", "--json");

        assertThat(confirm.exitCode()).as(confirm.toString()).isZero();
        assertThat(matching(unconfirmed.json(), order.id())).isEmpty();
        assertThat(only(all.json(), order.id()).path("confirmed").asBoolean()).isTrue();
    }

    @Test
    void statusPrintsAnArrayWhenAnHl7IdMatchesSeveralMessages() throws IOException {
        Hl7Messages.Er7 order = Hl7Messages.order();
        Path payload = payloadFile(order);
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            CommandRun sent = ebrelay("send", "--node", hospital(), "--cpa", DemoCpa.CPA_ID, "--action", DemoCpa.ORDER,
                    "--to", DemoCpa.LAB, "--payload", payload.toString(), "--json");
            messageIds.add(sent.json().path("messageId").asText());
        }

        CommandRun status = ebrelay("status", "--node", hospital(), order.id(), "--json");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.json().isArray()).as(status.out()).isTrue();
        List<String> found = new ArrayList<>();
        status.json().forEach(m -> found.add(m.path("messageId").asText()));
        assertThat(found).containsExactlyInAnyOrderElementsOf(messageIds);
    }

    @Test
    void statusExitsWith1ForAnUnknownId() {
        CommandRun status = ebrelay("status", "--node", hospital(), "unknown-" + Hl7Messages.newId(), "--json");

        assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
        assertThat(status.json().path("error").asText()).isNotBlank();
    }

    @Test
    void sendExitsWith1AndAJsonErrorWhenTheCpaDoesNotAllowTheMessage() throws IOException {
        Hl7Messages.Er7 result = Hl7Messages.result();

        CommandRun refused = ebrelay("send", "--node", hospital(), "--cpa", DemoCpa.CPA_ID, "--action", DemoCpa.RESULT,
                "--to", DemoCpa.LAB, "--payload", payloadFile(result).toString(), "--json");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.json().path("error").asText()).isNotBlank();
        assertThat(refused.json().path("detail").asText()).isNotBlank();
        assertThat(nodes.hospital().query().find(result.id())).isEmpty();
    }

    @Test
    void sendExitsWith2WhenTheNodeCannotBeReached() throws IOException {
        CommandRun unreachable = ebrelay("send", "--node", "http://127.0.0.1:" + TestNode.freePort(), "--cpa",
                DemoCpa.CPA_ID, "--action", DemoCpa.ORDER, "--to", DemoCpa.LAB,
                "--payload", payloadFile(Hl7Messages.order()).toString(), "--json");

        assertThat(unreachable.exitCode()).as(unreachable.toString()).isEqualTo(2);
        assertThat(unreachable.json().path("error").asText()).isEqualTo("Unreachable");
    }

    private static String hospital() {
        return nodes.hospital().baseUri().toString();
    }

    private static String lab() {
        return nodes.lab().baseUri().toString();
    }

    private static Path payloadFile(Hl7Messages.Er7 message) throws IOException {
        return Files.write(root.resolve(message.id() + ".hl7"), message.bytes());
    }

    private static List<JsonNode> matching(JsonNode deliveries, String hl7Id) {
        assertThat(deliveries.isArray()).as(deliveries.toString()).isTrue();
        List<JsonNode> found = new ArrayList<>();
        deliveries.forEach(d -> {
            if (hl7Id.equals(d.path("hl7MessageId").asText())) {
                found.add(d);
            }
        });
        return found;
    }

    private static JsonNode only(JsonNode deliveries, String hl7Id) {
        List<JsonNode> found = matching(deliveries, hl7Id);
        assertThat(found).as("deliveries of %s in %s", hl7Id, deliveries).hasSize(1);
        return found.get(0);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
