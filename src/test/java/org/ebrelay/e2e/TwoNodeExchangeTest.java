package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.awaitOutbound;
import static org.ebrelay.e2e.Observed.deliveredOnce;
import static org.ebrelay.e2e.Observed.eventTypes;
import static org.ebrelay.e2e.Observed.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.app.port.in.DiagnosePartner;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.domain.message.CpaId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hospital and a laboratory node in this JVM, over loopback HTTP and real H2, under the demo CPA (reliable,
 * acknowledgments on the HTTP response): messages both ways arrive exactly once and complete with the
 * synchronous Acknowledgment; the REST API, Ping and StatusRequest work across the two nodes.
 */
class TwoNodeExchangeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void anOrderArrivesOnceAtTheLaboratoryAndCompletesWithTheSynchronousAcknowledgment() {
        Hl7Messages.Er7 order = Hl7Messages.order();

        SubmissionResult.Accepted accepted = nodes.order(order);

        assertThat(accepted.hl7MessageId()).isEqualTo(order.id());
        assertThat(accepted.state()).as("stored claimed, on its way").isEqualTo("SENDING");
        MessageView sent = awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.hl7MessageId()).isEqualTo(order.id());
        assertThat(eventTypes(sent)).startsWith("SUBMITTED").contains("ACKNOWLEDGED");
        DeliveryView delivery = deliveredOnce(nodes.lab(), order);
        assertThat(delivery.messageId()).isEqualTo(accepted.messageId());
        assertThat(delivery.cpaId()).isEqualTo(DemoCpa.CPA_ID);
        assertThat(delivery.from()).isEqualTo(DemoCpa.HOSPITAL);
        assertThat(delivery.to()).isEqualTo(DemoCpa.LAB);
        assertThat(delivery.service()).isEqualTo(DemoCpa.SERVICE);
        assertThat(delivery.action()).isEqualTo(DemoCpa.ORDER);
        assertThat(delivery.confirmed()).isFalse();
        MessageView received = inbound(nodes.lab(), order.id());
        assertThat(received.state()).isEqualTo("RECEIVED");
        assertThat(received.messageId()).isEqualTo(accepted.messageId());
    }

    @Test
    void aResultTravelsTheOtherWayAndArrivesOnceAtTheHospital() {
        Hl7Messages.Er7 result = Hl7Messages.result();

        SubmissionResult.Accepted accepted = nodes.result(result);

        MessageView sent = awaitOutbound(nodes.lab(), accepted.messageId(), "COMPLETE");
        assertThat(sent.attempts()).isEqualTo(1);
        DeliveryView delivery = deliveredOnce(nodes.hospital(), result);
        assertThat(delivery.from()).isEqualTo(DemoCpa.LAB);
        assertThat(delivery.to()).isEqualTo(DemoCpa.HOSPITAL);
        assertThat(delivery.action()).isEqualTo(DemoCpa.RESULT);
    }

    @Test
    void aConfirmedDeliveryMakesTheInboundMessageDelivered() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted accepted = nodes.order(order);
        awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");
        DeliveryView delivery = deliveredOnce(nodes.lab(), order);

        assertThat(nodes.lab().inbox().confirm(delivery.deliveryId())).isEqualTo(Inbox.ConfirmResult.CONFIRMED);

        assertThat(nodes.lab().inbox().confirm(delivery.deliveryId()))
                .isEqualTo(Inbox.ConfirmResult.ALREADY_CONFIRMED);
        assertThat(inbound(nodes.lab(), order.id()).state()).isEqualTo("DELIVERED");
        assertThat(nodes.lab().inbox().list(null, false)).extracting(DeliveryView::deliveryId)
                .doesNotContain(delivery.deliveryId());
    }

    @Test
    void aMessageSubmittedThroughTheRestApiCompletes() throws Exception {
        Hl7Messages.Er7 order = Hl7Messages.order();
        String body = JSON.writeValueAsString(Map.of(
                "cpaId", DemoCpa.CPA_ID,
                "action", DemoCpa.ORDER,
                "to", DemoCpa.LAB,
                "payloads", java.util.List.of(Map.of("contentType", "application/hl7-v2",
                        "content", Base64.getEncoder().encodeToString(order.bytes())))));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(nodes.hospital().baseUri() + "/api/messages"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("hl7MessageId").asText()).isEqualTo(order.id());
        assertThat(answer.path("state").asText()).isEqualTo("SENDING");
        String messageId = answer.path("messageId").asText();
        awaitOutbound(nodes.hospital(), messageId, "COMPLETE");
        assertThat(deliveredOnce(nodes.lab(), order).messageId()).isEqualTo(messageId);
    }

    @Test
    void aPingToTheLaboratoryIsAnsweredWithAPong() {
        DiagnosePartner.PingResult pong = nodes.hospital().diagnose().ping(CpaId.of(DemoCpa.CPA_ID),
                PartyIds.parse(DemoCpa.HOSPITAL), PartyIds.parse(DemoCpa.LAB));

        assertThat(pong.error()).isNull();
        assertThat(pong.ok()).isTrue();
        assertThat(pong.pingMessageId()).isNotBlank();
        assertThat(pong.pongMessageId()).isNotBlank().isNotEqualTo(pong.pingMessageId());
    }

    @Test
    void aStatusRequestReportsReceivedThenProcessedOnceTheApplicationConfirmed() {
        Hl7Messages.Er7 order = Hl7Messages.order();
        SubmissionResult.Accepted accepted = nodes.order(order);
        awaitOutbound(nodes.hospital(), accepted.messageId(), "COMPLETE");

        DiagnosePartner.StatusResult received = requestStatus(accepted.messageId());
        nodes.lab().inbox().confirm(deliveredOnce(nodes.lab(), order).deliveryId());
        DiagnosePartner.StatusResult processed = requestStatus(accepted.messageId());

        assertThat(received.error()).isNull();
        assertThat(received.status()).isEqualTo("Received");
        assertThat(received.timestamp()).isNotNull();
        assertThat(processed.status()).isEqualTo("Processed");
        assertThat(processed.timestamp()).isEqualTo(received.timestamp());
    }

    @Test
    void aStatusRequestForAMessageTheLaboratoryNeverSawReportsNotRecognized() {
        DiagnosePartner.StatusResult unknown = requestStatus("never-sent-" + Hl7Messages.newId() + "@hospital");

        assertThat(unknown.error()).isNull();
        assertThat(unknown.status()).isEqualTo("NotRecognized");
    }

    private static DiagnosePartner.StatusResult requestStatus(String messageId) {
        return nodes.hospital().diagnose().requestStatus(CpaId.of(DemoCpa.CPA_ID),
                PartyIds.parse(DemoCpa.HOSPITAL), PartyIds.parse(DemoCpa.LAB), messageId);
    }
}
