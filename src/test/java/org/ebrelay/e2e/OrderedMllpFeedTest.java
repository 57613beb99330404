package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.eventually;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.boot.config.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ordered HL7 feed end to end (issue 8): the hospital's interface engine sends orders 1..100 over MLLP on a route
 * configured ordered; the CPA asks for ordered delivery, so the hospital's gateway numbers them (eb:MessageOrder);
 * the network between the gateways reorders and drops some of them; the laboratory's gateway delivers them over
 * MLLP to the laboratory system (HAPI's server) strictly in order, each exactly once.
 */
class OrderedMllpFeedTest {
    private static final int MESSAGES = 100;

    @TempDir
    Path root;
    private TwoNodes nodes;
    private FaultProxy network;
    private LocalHl7System hospitalEngine;
    private LocalHl7System labSystem;

    @AfterEach
    void stop() throws Exception {
        if (nodes != null) {
            nodes.close();
        }
        if (network != null) {
            network.close();
        }
        hospitalEngine.close();
        labSystem.close();
    }

    @Test
    void ordersSentOneToAHundredThroughAReorderingLossyNetworkArriveOneToAHundredEachOnce() throws Exception {
        start();
        for (int i = 0; i < 300; i++) {
            // the pattern applies to requests (first attempts and retries alike): some overtaken, some lost
            network.then(i % 7 == 3 ? FaultProxy.Fault.HOLD_REQUEST : i % 5 == 1 ? FaultProxy.Fault.DELAY_REQUEST
                    : FaultProxy.Fault.FORWARD, i % 7 == 3 ? Duration.ofMillis(200) : Duration.ofMillis(700));
        }
        List<Hl7Messages.Er7> orders = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            orders.add(Hl7Messages.order());
        }
        List<String> sent = orders.stream().map(Hl7Messages.Er7::id).toList();

        List<Message> answers = hospitalEngine.sendInTurn(mllpPort(), orders.stream().map(Hl7Messages.Er7::text)
                .toList());

        for (Message answer : answers) {
            assertThat(new Terser(answer).get("/MSA-1")).isEqualTo("AA");
        }

        eventually(Duration.ofMinutes(3)).until(() -> arrivedAtLab(sent).size() >= MESSAGES);

        assertThat(network.applied()).contains(FaultProxy.Fault.HOLD_REQUEST, FaultProxy.Fault.DELAY_REQUEST);
        assertThat(arrivedAtLab(sent)).containsExactlyElementsOf(sent);
        assertThat(labEvents(sent.get(MESSAGES - 1)).stream().map(MessageView.Event::type))
                .contains("RELEASED_IN_ORDER", "DELIVERED");
        assertThat(sent.stream().flatMap(id -> labEvents(id).stream()))
                .as("some messages overtook an earlier one and were held")
                .anySatisfy(e -> assertThat(e.type()).isEqualTo("HELD_FOR_ORDER"));
    }

    @Test
    void aMessageWhoseLocalDeliveryIsRetryingHoldsBackTheLaterOnesOfItsFeedAndSaysSo() throws Exception {
        start();
        labSystem.answerWith(AcknowledgmentCode.AR); // refused for now: retried
        Hl7Messages.Er7 first = Hl7Messages.order();
        Hl7Messages.Er7 second = Hl7Messages.order();
        hospitalEngine.send(mllpPort(), first.text());
        hospitalEngine.send(mllpPort(), second.text());

        eventually().until(() -> labEvents(first.id()).stream().anyMatch(e -> e.type().equals("PUSH_FAILED")));
        eventually().until(() -> labEvents(second.id()).stream().anyMatch(e -> e.type().equals("HELD_FOR_ORDER")));
        // the event says why at the moment it was held: the two may travel in either order between the nodes
        assertThat(labEvents(second.id())).filteredOn(e -> e.type().equals("HELD_FOR_ORDER")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("sequence 0")
                        .containsAnyOf("is not delivered yet", "has not arrived"));
        assertThat(arrivedAtLab(List.of(second.id()))).isEmpty();
        assertThat(nodes.lab().ordering().held()).singleElement()
                .satisfies(g -> assertThat(g.inFlight()).isNotNull());

        labSystem.answerWith(AcknowledgmentCode.AA);

        eventually().until(() -> arrivedAtLab(List.of(second.id())).size() == 1);
        List<String> arrived = arrivedAtLab(List.of(first.id(), second.id()));
        assertThat(arrived).as("the refused sends of the first, then the second once").endsWith(first.id(), second.id())
                .containsOnlyOnce(second.id());
    }

    @Test
    void anOperatorLetsTheFeedGoOnPastAMessageTheLocalSystemRefusedForGoodWithTheCommandLine() throws Exception {
        start();
        labSystem.answerWith(AcknowledgmentCode.AE); // a content error: not sent again, stays in the inbox
        Hl7Messages.Er7 refused = Hl7Messages.order();
        hospitalEngine.send(mllpPort(), refused.text());
        eventually().until(() -> labEvents(refused.id()).stream().anyMatch(e -> e.type().equals("PUSH_FAILED")));
        labSystem.answerWith(AcknowledgmentCode.AA);
        Hl7Messages.Er7 next = Hl7Messages.order();
        hospitalEngine.send(mllpPort(), next.text());
        eventually().until(() -> labEvents(next.id()).stream().anyMatch(e -> e.type().equals("HELD_FOR_ORDER")));

        CommandRun listed = CommandRun.ebrelay("ordering", "--node", nodes.lab().baseUri().toString(), "--json");
        CommandRun skipped = CommandRun.ebrelay("ordering", "--node", nodes.lab().baseUri().toString(),
                "--skip-gap", "--cpa", DemoCpa.CPA_ID, "--conversation", "mllp-feed:adt", "--reason",
                "the LIS rejected it; re-entered by hand", "--operator", "dana");

        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.json().path("conversations").get(0).path("why").asText())
                .contains("is not delivered yet");
        assertThat(skipped.exitCode()).as(skipped.err()).isZero();
        eventually().until(() -> arrivedAtLab(List.of(next.id())).size() == 1);
        assertThat(labEvents(refused.id())).filteredOn(e -> e.type().equals("ORDER_GAP_SKIPPED")).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("dana").contains("re-entered by hand"));
    }

    private void start() throws Exception {
        hospitalEngine = new LocalHl7System(TestNode.freePort());
        labSystem = new LocalHl7System(TestNode.freePort()).start();
        int labPort = TestNode.freePort();
        network = FaultProxy.to(labPort);
        nodes = TwoNodes.in(root).labPort(labPort).hospitalReachesLabAt(network.port())
                .cpa(cpa -> cpa.asynchronousAcks().retries(20, Duration.ofMillis(300))
                        .edit("NotGuaranteed", "Guaranteed"))
                .hospitalConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(new GatewayConfig.MllpListener("127.0.0.1", 0)),
                        List.of(new GatewayConfig.MllpRoute("adt", "RGH-HIS", null, "NRL-LIS", null, "OML",
                                "O21", DemoCpa.CPA_ID, null, DemoCpa.LAB, null, null, DemoCpa.ORDER)
                                .asOrderedFeed(null)),
                        List.of())))
                .labConfig(c -> c.withMllp(new GatewayConfig.Mllp("UTF-8", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), List.of(), List.of(),
                        List.of(new GatewayConfig.MllpDestination("lis", DemoCpa.CPA_ID, null, DemoCpa.ORDER,
                                null, null, null, null, "OML", null, "127.0.0.1", labSystem.port(), 50,
                                Duration.ofMillis(300))))))
                .start();
    }

    private int mllpPort() {
        return nodes.hospital().mllpListeners().get(0).port();
    }

    /** The HL7 ids of {@code ids} the laboratory system received, in arrival order (repeats kept). */
    private List<String> arrivedAtLab(List<String> ids) {
        List<String> arrived = new ArrayList<>();
        for (String text : labSystem.received()) {
            ids.stream().filter(id -> text.contains("|" + id + "|")).forEach(arrived::add);
        }
        return arrived;
    }

    private List<MessageView.Event> labEvents(String hl7Id) {
        return nodes.lab().query().find(hl7Id).stream().filter(m -> m.direction().equals("INBOUND"))
                .flatMap(m -> m.events().stream()).toList();
    }
}
