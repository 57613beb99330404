package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.CommandRun.ebrelay;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.outbound;

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
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator handles the messages whose retries ran out, through {@code ebrelay messages | resend | abandon} and the
 * REST API of a running hospital node. CPA: Retries 1, RetryInterval PT1S, so a message sent while the laboratory is
 * down waits for an operator within seconds.
 */
class ManualHandlingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path root;
    static TwoNodes nodes;

    @BeforeAll
    static void startTheHospitalWithTheLaboratoryDown() {
        nodes = TwoNodes.in(root).labRunning(false).withoutSlowRetry().cpa(cpa -> cpa.retries(1, Duration.ofSeconds(1)))
                .start();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    @Test
    void aMessageWaitingForAnOperatorIsListedResentWithAReasonAndDeliveredOnce() {
        nodes.stopLab();
        Hl7Messages.Er7 order = Hl7Messages.order();
        String messageId = waitingForAnOperator(nodes.order(order));

        CommandRun listed = ebrelay("messages", "--node", hospital(), "--state", "MANUAL", "--json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(texts(listed.json(), "messageId")).contains(messageId);
        CommandRun toTheLab = ebrelay("messages", "--node", hospital(), "--state", "MANUAL", "--cpa", DemoCpa.CPA_ID,
                "--party", DemoCpa.LAB, "--json");
        CommandRun otherCpa = ebrelay("messages", "--node", hospital(), "--state", "MANUAL", "--cpa", "urn:other", "--json");
        assertThat(texts(toTheLab.json(), "messageId")).contains(messageId);
        assertThat(texts(otherCpa.json(), "messageId")).isEmpty();

        nodes.startLab();
        CommandRun resent = ebrelay("resend", "--node", hospital(), messageId, "--reason", "the laboratory is back",
                "--operator", "alice", "--json");

        assertThat(resent.exitCode()).as(resent.toString()).isZero();
        assertThat(resent.json().path("messageId").asText()).isEqualTo(messageId);
        assertThat(resent.json().path("hl7MessageId").asText()).isEqualTo(order.id());
        assertThat(resent.json().path("previousState").asText()).isEqualTo("MANUAL");
        assertThat(resent.json().path("state").asText()).isEqualTo("QUEUED");
        MessageView complete = awaitOutbound(nodes.hospital(), messageId, "COMPLETE");
        assertThat(complete.events()).filteredOn(e -> e.type().equals("RESENT_BY_OPERATOR")).singleElement()
                .satisfies(e -> assertThat(e.detail()).isEqualTo("by operator alice: the laboratory is back"));
        deliveredOnce(nodes.lab(), order);

        CommandRun again = ebrelay("resend", "--node", hospital(), messageId, "--reason", "once more", "--json");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.json().path("error").asText()).isEqualTo("NotAllowed");
        assertThat(again.json().path("detail").asText()).contains("COMPLETE");
    }

    @Test
    void anAbandonedMessageIsFinalAndCannotBeResent() {
        nodes.stopLab();
        Hl7Messages.Er7 order = Hl7Messages.order();
        String messageId = waitingForAnOperator(nodes.order(order));

        CommandRun abandoned = ebrelay("abandon", "--node", hospital(), order.id(), "--reason", "order cancelled by phone",
                "--operator", "bob");

        assertThat(abandoned.exitCode()).as(abandoned.toString()).isZero();
        assertThat(abandoned.out()).startsWith("Abandoned " + messageId + " (HL7 id " + order.id() + "): ")
                .contains("-> ABANDONED");
        MessageView message = outbound(nodes.hospital(), messageId);
        assertThat(message.state()).isEqualTo("ABANDONED");
        assertThat(message.events()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo("ABANDONED_BY_OPERATOR");
            assertThat(e.detail()).isEqualTo("by operator bob: order cancelled by phone");
        });

        nodes.startLab();
        CommandRun resent = ebrelay("resend", "--node", hospital(), messageId, "--reason", "changed my mind");
        assertThat(resent.exitCode()).as(resent.toString()).isEqualTo(1);
        assertThat(resent.err()).contains("NotAllowed").contains("ABANDONED");
        assertThat(outbound(nodes.hospital(), messageId).state()).isEqualTo("ABANDONED");
        assertThat(deliveries(nodes.lab(), order.id())).isEmpty();
    }

    @Test
    void theRestApiAnswers404ForAnUnknownMessage409ForAFinishedOne400WithoutAReason() throws Exception {
        nodes.startLab();
        SubmissionResult.Accepted accepted = nodes.order(Hl7Messages.order());
        awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");

        Answer unknown = post("nobody@nowhere", "resend", "{\"reason\": \"test\"}");
        Answer finished = post(accepted.messageId(), "abandon", "{\"reason\": \"test\", \"operator\": \"carol\"}");
        Answer noReason = post(accepted.messageId(), "resend", "{\"operator\": \"carol\"}");
        Answer blankReason = post(accepted.messageId(), "abandon", "{\"reason\": \"  \"}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("error").asText()).isEqualTo("NotFound");
        assertThat(finished.status()).isEqualTo(409);
        assertThat(finished.body().path("error").asText()).isEqualTo("NotAllowed");
        assertThat(finished.body().path("state").asText()).isEqualTo("COMPLETE");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(blankReason.status()).isEqualTo(400);
        assertThat(outbound(nodes.hospital(), accepted.messageId()).state()).isEqualTo("COMPLETE");
    }

    @Test
    void theCommandsRefuseAMissingReasonAsAWrongCommandLineAndReportAnUnknownMessage() {
        CommandRun noReason = ebrelay("resend", "--node", hospital(), "some-id");
        CommandRun unknown = ebrelay("abandon", "--node", hospital(), "nobody@nowhere", "--reason", "test", "--json");

        assertThat(noReason.exitCode()).as(noReason.toString()).isEqualTo(64);
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.json().path("error").asText()).isEqualTo("NotFound");
    }

    /**
     * Waits until the message's retries ran out: MANUAL (or SLOW_RETRY where slow retry follows; a resend is allowed
     * from both). Returns its MessageId.
     */
    private static String waitingForAnOperator(SubmissionResult.Accepted accepted) {
        eventually().until(() -> outbound(nodes.hospital(), accepted.messageId()).state(),
                state -> state.equals("MANUAL"));
        return accepted.messageId();
    }

    private static String hospital() {
        return nodes.hospital().baseUri().toString();
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer post(String messageId, String action, String json) throws Exception {
        URI uri = nodes.hospital().apiBaseUri().resolve("/api/messages/" + messageId + "/" + action);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.path(field).asText()));
        return texts;
    }
}
