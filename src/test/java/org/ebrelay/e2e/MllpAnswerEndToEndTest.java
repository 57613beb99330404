package org.ebrelay.e2e;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.app.PartyIds;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventually;

/**
 * HL7 application acknowledgments back to their sender, with HAPI's MLLP client and server on both sides: the
 * hospital's engine sends an order over MLLP; the laboratory system answers it with an application ACK; the lab's
 * gateway sends that ACK back through ebXML; the hospital's gateway hands it to the engine's return destination.
 */
class MllpAnswerEndToEndTest {
    @TempDir
    static Path root;
    static TwoNodes nodes;
    static LocalHl7System hospitalEngine;
    static LocalHl7System labSystem;

    @BeforeAll
    static void startNodes() throws Exception {
        hospitalEngine = new LocalHl7System(TestNode.freePort()).takingAnswers().start();
        labSystem = new LocalHl7System(TestNode.freePort()).start();
        nodes = TwoNodes.in(root)
                .hospitalConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(new GatewayConfig.MllpListener("127.0.0.1", 0)),
                        List.of(new GatewayConfig.MllpRoute("lab-orders", "RGH-HIS", null, "NRL-LIS", null, "OML",
                                "O21", DemoCpa.CPA_ID, null, DemoCpa.LAB, null, null, DemoCpa.ORDER).returningTo("his")),
                        // the engine takes results by routing; ACKs reach it only as answers to its own orders
                        List.of(new GatewayConfig.MllpDestination("his", DemoCpa.CPA_ID, null, DemoCpa.RESULT,
                                null, null, null, null, "ORU", null, "127.0.0.1", hospitalEngine.port(), 20,
                                Duration.ofMillis(500))))))
                .labConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(), List.of(),
                        List.of(new GatewayConfig.MllpDestination("lis", DemoCpa.CPA_ID, null, DemoCpa.ORDER,
                                null, null, null, null, "OML", null, "127.0.0.1", labSystem.port(), 20,
                                Duration.ofMillis(500), true, DemoCpa.RESULT)))))
                .start();
    }

    @AfterAll
    static void stopNodes() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        hospitalEngine.close();
        labSystem.close();
    }

    @Test
    void theLaboratorysApplicationAckReachesTheHospitalEngineOnceWithMsa2EqualToTheOrdersHl7Id() throws Exception {
        Hl7Messages.Er7 order = Hl7Messages.order();

        Message commit = hospitalEngine.send(mllpPort(), order.text());

        assertThat(new Terser(commit).get("/MSA-1")).isEqualTo("AA");
        eventually().until(() -> !answersAtEngine(order.id()).isEmpty());
        assertThat(answersAtEngine(order.id())).singleElement().satisfies(ack -> {
            assertThat(ack).startsWith("MSH|").contains("|ACK");
            assertThat(ack).contains("\rMSA|AA|" + order.id());
        });
        MessageView answer = answerAtHospital(order.id());
        eventually().until(() -> deliveries(nodes.hospital(), answer.hl7MessageId()).stream()
                .allMatch(d -> d.confirmed()));
        assertThat(answersAtEngine(order.id())).hasSize(1);
    }

    @Test
    void theAnswerTravelsUnderTheSameCpaAndConversationReferringToTheOrder() throws Exception {
        Hl7Messages.Er7 order = Hl7Messages.order();

        hospitalEngine.send(mllpPort(), order.text());

        eventually().until(() -> !answersAtEngine(order.id()).isEmpty());
        MessageView sent = Observed.outbound(nodes.hospital(), order.id());
        MessageView answer = answerAtHospital(order.id());
        assertThat(answer.cpaId()).isEqualTo(DemoCpa.CPA_ID);
        assertThat(answer.conversationId()).isEqualTo(sent.conversationId());
        assertThat(answer.action()).isEqualTo(DemoCpa.RESULT);
        MessageView returned = nodes.lab().query().find(answer.hl7MessageId()).stream()
                .filter(m -> m.direction().equals("OUTBOUND")).findFirst().orElseThrow();
        assertThat(returned.messageId()).isEqualTo(answer.messageId());
        MessageView orderAtLab = Observed.inbound(nodes.lab(), order.id());
        assertThat(orderAtLab.state()).isEqualTo("DELIVERED");
        assertThat(orderAtLab.events()).anySatisfy(e -> assertThat(e.detail())
                .contains("goes back to the partner as " + answer.messageId()));
    }

    @Test
    void anAnswerMatchingNoMessageSentOverMllpStaysInTheInboxWithAnEventSayingWhy() {
        String ackId = Hl7Messages.newId();
        byte[] ack = ("MSH|^~\\&|NRL-LIS|NRL-0042|RGH-HIS|RGH-0001|20260115113000||ACK^O21^ACK|" + ackId
                + "|P|2.5.1\rMSA|AA|NO-SUCH-ORDER\r").getBytes(StandardCharsets.UTF_8);

        SubmissionResult result = nodes.lab().submit().submit(new Submission(CpaId.of(DemoCpa.CPA_ID), null,
                DemoCpa.RESULT, null, PartyIds.parse(DemoCpa.HOSPITAL), List.of(new Submission.Payload(
                "application/hl7-v2; charset=UTF-8", ack)), null, null));

        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        eventually().until(() -> eventsAtHospital(ackId).stream().anyMatch(e -> e.type().equals("NOTE")));
        assertThat(eventsAtHospital(ackId)).anySatisfy(e -> assertThat(e.detail())
                .contains("MSA-2 NO-SUCH-ORDER").contains("matches no message sent over MLLP"));
        assertThat(deliveries(nodes.hospital(), ackId)).singleElement()
                .satisfies(d -> assertThat(d.confirmed()).isFalse());
        assertThat(answersAtEngine("NO-SUCH-ORDER")).isEmpty();
    }

    private static int mllpPort() {
        return nodes.hospital().mllpListeners().get(0).port();
    }

    /** The messages the engine received that answer {@code hl7Id}. */
    private static List<String> answersAtEngine(String hl7Id) {
        return hospitalEngine.received().stream().filter(m -> m.contains("\rMSA|AA|" + hl7Id)).toList();
    }

    /** The answer as the hospital's gateway received it: the inbound message referring to the order. */
    private static MessageView answerAtHospital(String orderHl7Id) {
        String ackText = answersAtEngine(orderHl7Id).get(0);
        String ackId = ackText.split("\r")[0].split("\\|", -1)[9];
        return Observed.inbound(nodes.hospital(), ackId);
    }

    private static List<MessageView.Event> eventsAtHospital(String hl7Id) {
        return nodes.hospital().query().find(hl7Id).stream().filter(m -> m.direction().equals("INBOUND"))
                .flatMap(m -> m.events().stream()).toList();
    }
}
