package org.ebrelay.boot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ebrelay.adapter.rest.ApiTestNode;
import org.ebrelay.adapter.rest.FakeNodePorts;
import org.ebrelay.adapter.rest.RestApi;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.boot.LoopbackPorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The client commands run in-process via picocli against a real HTTP node with in-memory use cases. */
class ClientCommandsTest {
    private static final String HL7 = "MSH|^~\\&|HIS|HOSPITAL|LIS|LAB|20261120101530||ORM^O01|MSG00001|P|2.5.1\r";
    private static final List<String> tokens = new CopyOnWriteArrayList<>();
    private static ApiTestNode node;
    private static String url;

    @TempDir
    Path dir;
    private Path payload;

    @BeforeAll
    static void start() throws Exception {
        node = ApiTestNode.start((token, operation) -> tokens.add(token + " " + operation),
                RestApi.DEFAULT_MAX_BODY_BYTES);
        url = node.base().toString();
        node.ports.messagesById.put("m1@hospital", List.of(FakeNodePorts.outbound("m1@hospital", "HL7-ONE", "RETRYING")));
        node.ports.messagesById.put("HL7-TWICE", List.of(FakeNodePorts.outbound("m2@hospital", "HL7-TWICE", "MANUAL"),
                FakeNodePorts.outbound("m3@hospital", "HL7-TWICE", "COMPLETE")));
        node.ports.deliveries.put("d-1", FakeNodePorts.delivery("d-1", false));
        node.ports.deliveries.put("d-2", FakeNodePorts.delivery("d-2", true));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
    }

    @BeforeEach
    void writePayload() throws IOException {
        payload = Files.writeString(dir.resolve("order.hl7"), HL7, StandardCharsets.US_ASCII);
        node.ports.submissions.clear();
        tokens.clear();
    }

    @Test
    void sendPrintsTheAcceptedIdsAndExits0() {
        CliRun run = CliRun.run(new SendCommand(), "--node", url, "--cpa", "cpa-hl7", "--action", "ORM_O01",
                "--service", "lab-orders", "--service-type", "HL7", "--from", "urn:oid:1.2.3:HOSPITAL",
                "--to", ":urn:oid:1.2.3.4", "--payload", payload.toString(), "--hl7-id", "MSG00001",
                "--conversation-id", "conv-1", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("messageId").asText()).isEqualTo("msg-1@ebrelay.test");
        assertThat(json.get("hl7MessageId").asText()).isEqualTo("MSG00001");
        assertThat(json.get("state").asText()).isEqualTo("QUEUED");
        Submission s = node.ports.submissions.get(0);
        assertThat(s.service()).isEqualTo(Service.of("HL7", "lab-orders"));
        assertThat(s.from()).isEqualTo(PartyId.of("urn:oid:1.2.3", "HOSPITAL"));
        assertThat(s.to()).isEqualTo(PartyId.untyped("urn:oid:1.2.3.4"));
        assertThat(s.conversationId().value()).isEqualTo("conv-1");
        assertThat(s.payloads().get(0).content()).isEqualTo(HL7.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void sendGuessesAnHl7V2ContentTypeAndAnExplicitOneWins() {
        CliRun guessed = CliRun.run(new SendCommand(), "--node", url, "--cpa", "c", "--action", "A",
                "--to", "urn:x:B", "--payload", payload.toString());
        CliRun explicit = CliRun.run(new SendCommand(), "--node", url, "--cpa", "c", "--action", "A",
                "--to", "urn:x:B", "--payload", payload.toString(), "--content-type", "text/plain");

        assertThat(guessed.exitCode()).isZero();
        assertThat(guessed.out()).startsWith("Accepted msg-1@ebrelay.test (HL7 id HL7-1), state QUEUED");
        assertThat(node.ports.submissions.get(0).payloads().get(0).contentType()).isEqualTo("application/hl7-v2");
        assertThat(explicit.exitCode()).isZero();
        assertThat(node.ports.submissions.get(1).payloads().get(0).contentType()).isEqualTo("text/plain");
    }

    @Test
    void aRefusedSendPrintsErrorAndDetailAndExits1() {
        CliRun json = CliRun.run(new SendCommand(), "--node", url, "--cpa", FakeNodePorts.REFUSING_CPA,
                "--action", "A", "--to", "urn:x:B", "--payload", payload.toString(), "--json");
        CliRun text = CliRun.run(new SendCommand(), "--node", url, "--cpa", FakeNodePorts.REFUSING_CPA,
                "--action", "A", "--to", "urn:x:B", "--payload", payload.toString());

        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.json().get("error").asText()).isEqualTo("UnknownCpa");
        assertThat(json.json().get("detail").asText()).contains(FakeNodePorts.REFUSING_CPA);
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).contains("UnknownCpa").contains(FakeNodePorts.REFUSING_CPA);
    }

    @Test
    void aNodeThatCannotBeReachedExits2() throws IOException {
        String nobody = "http://127.0.0.1:" + LoopbackPorts.next();

        CliRun send = CliRun.run(new SendCommand(), "--node", nobody, "--cpa", "c", "--action", "A",
                "--to", "urn:x:B", "--payload", payload.toString(), "--json");
        CliRun status = CliRun.run(new StatusCommand(), "--node", nobody, "m1@hospital");

        assertThat(send.exitCode()).isEqualTo(2);
        assertThat(send.json().get("error").asText()).isEqualTo("Unreachable");
        assertThat(send.json().get("detail").asText()).contains(nobody);
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("cannot reach the node");
    }

    @Test
    void aWrongCommandLineExits64NotTheUnreachableCode() {
        CliRun badParty = CliRun.run(new SendCommand(), "--node", url, "--cpa", "c", "--action", "A",
                "--to", "LAB", "--payload", payload.toString());
        CliRun noFile = CliRun.run(new SendCommand(), "--node", url, "--cpa", "c", "--action", "A",
                "--to", "urn:x:B", "--payload", dir.resolve("missing.hl7").toString());
        CliRun badNode = CliRun.run(new StatusCommand(), "--node", "ftp://127.0.0.1", "x");

        assertThat(badParty.exitCode()).isEqualTo(64);
        assertThat(badParty.err()).contains("has no type");
        assertThat(noFile.exitCode()).isEqualTo(64);
        assertThat(noFile.err()).contains("missing.hl7");
        assertThat(badNode.exitCode()).isEqualTo(64);
        assertThat(node.ports.submissions).isEmpty();
    }

    @Test
    void theTokenComesFromTheOptionOrElseFromEbrelayToken() {
        CliRun.run(new StatusCommand(), "--node", url, "--token", "from-option", "m1@hospital");
        CliRun.run(new StatusCommand(), Map.of("EBRELAY_TOKEN", "from-env"), "--node", url, "m1@hospital");
        CliRun.run(new StatusCommand(), "--node", url, "m1@hospital");

        assertThat(tokens).containsExactly("from-option GET /messages", "from-env GET /messages",
                "null GET /messages");
    }

    @Test
    void inboxListsUnconfirmedDeliveriesAsAJsonArray() {
        CliRun run = CliRun.run(new InboxCommand(), "--node", url, "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode deliveries = run.json();
        assertThat(deliveries.isArray()).isTrue();
        assertThat(deliveries).hasSize(1);
        JsonNode d = deliveries.get(0);
        assertThat(d.get("deliveryId").asText()).isEqualTo("d-1");
        assertThat(d.get("messageId").asText()).isEqualTo("in-d-1@partner.test");
        assertThat(d.get("hl7MessageId").asText()).isEqualTo("HL7-d-1");
        assertThat(d.get("cpaId").asText()).isEqualTo("cpa-hl7");
        assertThat(d.get("from").asText()).isEqualTo("urn:oid:1.2.3:HOSPITAL");
        assertThat(d.get("to").asText()).isEqualTo("urn:oid:1.2.3:LAB");
        assertThat(d.get("service").asText()).isEqualTo("urn:hl7:v2");
        assertThat(d.get("action").asText()).isEqualTo("ORU_R01");
        assertThat(d.get("receivedAt").asText()).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(d.get("confirmed").asBoolean()).isFalse();
        assertThat(d.get("payloads").get(0).get("contentType").asText()).isEqualTo("application/hl7-v2");
    }

    @Test
    void inboxAllWithAPartyShowsConfirmedOnesToo() {
        CliRun json = CliRun.run(new InboxCommand(), "--node", url, "--all", "--party", "urn:oid:1.2.3:LAB", "--json");
        CliRun text = CliRun.run(new InboxCommand(), "--node", url, "--all");

        assertThat(json.exitCode()).isZero();
        assertThat(json.json()).hasSize(2);
        assertThat(node.ports.inboxQueries).contains("urn:oid:1.2.3:LAB|true");
        assertThat(text.out()).contains("d-1  2026-11-20T10:15:30Z  urn:oid:1.2.3:HOSPITAL -> urn:oid:1.2.3:LAB")
                .contains("d-2").contains("confirmed");
    }

    @Test
    void inboxConfirmExits0ForAKnownDeliveryAnd1ForAnUnknownOne() {
        node.ports.deliveries.put("d-9", FakeNodePorts.delivery("d-9", false));

        CliRun confirmed = CliRun.run(new InboxCommand(), "--node", url, "--confirm", "d-9", "--json");
        CliRun again = CliRun.run(new InboxCommand(), "--node", url, "--confirm", "d-9");
        CliRun unknown = CliRun.run(new InboxCommand(), "--node", url, "--confirm", "d-404", "--json");

        assertThat(confirmed.exitCode()).isZero();
        assertThat(confirmed.json().get("deliveryId").asText()).isEqualTo("d-9");
        assertThat(confirmed.json().get("result").asText()).isEqualTo("CONFIRMED");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("d-9 was already confirmed");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.json().get("error").asText()).isEqualTo("NotFound");
    }

    @Test
    void statusOfOneMessagePrintsOneObjectWithEveryRequiredField() {
        CliRun run = CliRun.run(new StatusCommand(), "--node", url, "m1@hospital", "--json");

        assertThat(run.exitCode()).isZero();
        JsonNode m = run.json();
        assertThat(m.isObject()).isTrue();
        assertThat(m.get("messageId").asText()).isEqualTo("m1@hospital");
        assertThat(m.get("messageIds")).hasSize(2);
        assertThat(m.get("messageIds").get(0).asText()).isEqualTo("first-m1@hospital");
        assertThat(m.get("hl7MessageId").asText()).isEqualTo("HL7-ONE");
        assertThat(m.get("direction").asText()).isEqualTo("OUTBOUND");
        assertThat(m.get("state").asText()).isEqualTo("RETRYING");
        assertThat(m.get("attempts").asInt()).isEqualTo(3);
        JsonNode event = m.get("events").get(1);
        assertThat(event.get("time").asText()).isEqualTo("2026-11-20T10:15:35Z");
        assertThat(event.get("type").asText()).isEqualTo("RETRY");
        assertThat(event.get("detail").asText()).isEqualTo("connection refused");
    }

    @Test
    void statusOfAnHl7IdWithSeveralMessagesPrintsAnArray() {
        CliRun run = CliRun.run(new StatusCommand(), "--node", url, "HL7-TWICE", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().isArray()).isTrue();
        assertThat(run.json()).hasSize(2);
        assertThat(run.json().get(1).get("state").asText()).isEqualTo("COMPLETE");
    }

    @Test
    void statusOfAnUnknownIdExits1AndTheTextFormShowsTheEvents() {
        CliRun unknown = CliRun.run(new StatusCommand(), "--node", url, "nobody@nowhere", "--json");
        CliRun text = CliRun.run(new StatusCommand(), "--node", url, "m1@hospital");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.json().get("error").asText()).isEqualTo("NotFound");
        assertThat(text.out()).contains("state         RETRYING")
                .contains("messageIds    first-m1@hospital, m1@hospital")
                .contains("2026-11-20T10:15:35Z  RETRY  connection refused");
    }

    @Test
    void messagesByStatePrintsAJsonArray() {
        CliRun run = CliRun.run(new MessagesCommand(), "--node", url, "--state", "MANUAL", "--limit", "10", "--json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.json().isArray()).isTrue();
        assertThat(run.json()).hasSize(1);
        assertThat(run.json().get(0).get("messageId").asText()).isEqualTo("m2@hospital");
        assertThat(node.ports.lastLimit).isEqualTo(10);
        CliRun badLimit = CliRun.run(new MessagesCommand(), "--node", url, "--state", "MANUAL", "--limit", "0");
        assertThat(badLimit.exitCode()).isEqualTo(1);
        assertThat(badLimit.err()).contains("'limit'");
    }

    @Test
    void pingExits0OnAPongAnd1Without() {
        CliRun pong = CliRun.run(new PingCommand(), "--node", url, "--cpa", "cpa-hl7", "--to", "urn:oid:1.2.3:LAB");
        CliRun silent = CliRun.run(new PingCommand(), "--node", url, "--cpa", "cpa-hl7",
                "--from", "urn:oid:1.2.3:HOSPITAL", "--to", "urn:oid:1.2.3:SILENT", "--json");

        assertThat(pong.exitCode()).isZero();
        assertThat(pong.out()).contains("Pong from urn:oid:1.2.3:LAB in 42 ms");
        assertThat(silent.exitCode()).isEqualTo(1);
        assertThat(silent.json().get("ok").asBoolean()).isFalse();
        assertThat(silent.json().get("error").asText()).contains("no Pong");
        assertThat(node.ports.diagnoses).contains("ping cpa-hl7 urn:oid:1.2.3:HOSPITAL urn:oid:1.2.3:SILENT");
    }

    @Test
    void statusRequestPrintsThePartnersStatus() {
        CliRun json = CliRun.run(new StatusRequestCommand(), "--node", url, "--cpa", "cpa-hl7",
                "--to", "urn:oid:1.2.3:LAB", "m1@hospital", "--json");
        CliRun text = CliRun.run(new StatusRequestCommand(), "--node", url, "--cpa", "cpa-hl7",
                "--to", "urn:oid:1.2.3:LAB", "unknown@hospital");

        assertThat(json.exitCode()).isZero();
        assertThat(json.json().get("messageId").asText()).isEqualTo("m1@hospital");
        assertThat(json.json().get("status").asText()).isEqualTo("Received");
        assertThat(json.json().get("timestamp").asText()).isEqualTo("2026-11-20T10:15:30Z");
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("unknown@hospital: NotRecognized");
    }

    @Test
    void theCommandsRegisterUnderTheirNamesOnAMainCommand() {
        @picocli.CommandLine.Command(name = "ebrelay")
        class Main {
        }
        picocli.CommandLine main = ClientCommands.addTo(new picocli.CommandLine(new Main()));

        assertThat(main.getSubcommands().keySet())
                .containsExactly("send", "inbox", "notices", "status", "messages", "ping", "status-request", "resend",
                        "abandon", "ordering");
    }
}
