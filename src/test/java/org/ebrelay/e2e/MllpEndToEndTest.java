package org.ebrelay.e2e;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.deliveries;
import static org.ebrelay.e2e.Observed.eventually;
import static org.ebrelay.e2e.Observed.inbound;

/**
 * The MLLP path end to end with HAPI's own MLLP client and server: the hospital's interface engine sends an order
 * over MLLP to its gateway, which routes it to the laboratory's gateway over ebXML, which delivers it over MLLP to
 * the laboratory system; each hop answers with the truth.
 */
class MllpEndToEndTest {
    @TempDir
    static Path root;
    static TwoNodes nodes;
    static LocalHl7System hospitalEngine;
    static LocalHl7System labSystem;

    @BeforeAll
    static void startNodes() throws Exception {
        hospitalEngine = new LocalHl7System(TestNode.freePort());
        labSystem = new LocalHl7System(TestNode.freePort()).start();
        nodes = TwoNodes.in(root)
                .hospitalConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(new GatewayConfig.MllpListener("127.0.0.1", 0)),
                        List.of(new GatewayConfig.MllpRoute("lab-orders", "RGH-HIS", null, "NRL-LIS", null, "OML",
                                "O21", DemoCpa.CPA_ID, null, DemoCpa.LAB, null, null, DemoCpa.ORDER)),
                        List.of())))
                .labConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(), List.of(),
                        List.of(new GatewayConfig.MllpDestination("lis", DemoCpa.CPA_ID, null, DemoCpa.ORDER,
                                null, null, null, null, "OML", null, "127.0.0.1", labSystem.port(), 20,
                                Duration.ofMillis(500))))))
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

    @BeforeEach
    void labSystemAccepts() throws Exception {
        labSystem.answerWith(AcknowledgmentCode.AA);
    }

    @Test
    void anOrderSentOverMllpArrivesOverMllpAtTheLaboratoryOnceWithItsHl7IdUnchanged() throws Exception {
        Hl7Messages.Er7 order = Hl7Messages.order();

        Message ack = hospitalEngine.send(mllpPort(), order.text());

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AA");
        assertThat(new Terser(ack).get("/MSA-2")).isEqualTo(order.id());
        eventually().until(() -> confirmedAtLab(order));
        assertThat(labSystem.received()).filteredOn(m -> m.contains(order.id())).singleElement()
                .isEqualTo(order.text());
        assertThat(inbound(nodes.lab(), order.id()).state()).isEqualTo("DELIVERED");
    }

    @Test
    void aMessageNoRouteTakesIsAnsweredArAndGoesNowhere() throws Exception {
        Hl7Messages.Er7 result = Hl7Messages.result();

        Message ack = hospitalEngine.send(mllpPort(), result.text());

        assertThat(new Terser(ack).get("/MSA-1")).isEqualTo("AR");
        assertThat(ack.encode()).contains("ERR|").contains("no route");
        assertThat(nodes.hospital().query().find(result.id())).isEmpty();
    }

    @Test
    void theLaboratorySystemDownThenBackGetsTheOrderOnceItIsBack() throws Exception {
        labSystem.stop();
        try {
            Hl7Messages.Er7 order = Hl7Messages.order();
            assertThat(new Terser(hospitalEngine.send(mllpPort(), order.text())).get("/MSA-1")).isEqualTo("AA");
            eventually().until(() -> eventsAtLab(order).stream().anyMatch(e -> e.type().equals("PUSH_FAILED")));
            assertThat(labSystem.received()).noneMatch(m -> m.contains(order.id()));

            labSystem.start();

            eventually().until(() -> confirmedAtLab(order));
            assertThat(labSystem.received()).filteredOn(m -> m.contains(order.id())).hasSize(1);
        } finally {
            labSystem.start();
        }
    }

    @Test
    void anAeFromTheLaboratorySystemIsAnEventOperatorsSeeAndIsNotSentAgain() throws Exception {
        labSystem.answerWith(AcknowledgmentCode.AE);
        Hl7Messages.Er7 order = Hl7Messages.order();

        hospitalEngine.send(mllpPort(), order.text());

        eventually().until(() -> eventsAtLab(order).stream().anyMatch(e -> e.type().equals("PUSH_FAILED")));
        assertThat(eventsAtLab(order)).filteredOn(e -> e.type().equals("PUSH_FAILED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("HL7 AE").contains("refused by the test")
                        .contains("not sent again"));
        assertThat(deliveries(nodes.lab(), order.id())).singleElement()
                .satisfies(d -> assertThat(d.confirmed()).isFalse());
        assertThat(labSystem.received()).filteredOn(m -> m.contains(order.id())).hasSize(1);
    }

    private static int mllpPort() {
        return nodes.hospital().mllpListeners().get(0).port();
    }

    private static boolean confirmedAtLab(Hl7Messages.Er7 message) {
        return deliveries(nodes.lab(), message.id()).stream().anyMatch(d -> d.confirmed());
    }

    private static List<MessageView.Event> eventsAtLab(Hl7Messages.Er7 message) {
        return nodes.lab().query().find(message.id()).stream().filter(m -> m.direction().equals("INBOUND"))
                .flatMap(m -> m.events().stream()).toList();
    }
}
