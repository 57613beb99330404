package org.ebrelay.app.query;

import org.ebrelay.app.TestStore;
import org.ebrelay.app.port.in.MessageView;
import org.ebrelay.app.port.out.AttemptOutcome;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.NewMessageId;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.hl7;
import static org.ebrelay.app.ServiceFixtures.received;
import static org.ebrelay.app.ServiceFixtures.submitted;
import static org.ebrelay.app.ServiceFixtures.userMessage;
import static org.ebrelay.app.ServiceFixtures.wire;

/** Status queries over the real store (H2 file database), messages encoded by the real codec. */
class QueryServiceTest {
    @TempDir
    static Path dataDir;
    private static TestStore testStore;
    private static MessageStore store;
    private final QueryService query = new QueryService(store);

    @BeforeAll
    static void open() {
        testStore = new TestStore(dataDir);
        store = testStore.store();
    }

    @AfterAll
    static void close() {
        testStore.close();
    }

    @BeforeEach
    void empty() {
        testStore.empty();
    }

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    private void sendOrder(String internalId, String messageId, String hl7Id, Instant at) {
        EbmsMessage order = userMessage(messageId, HOSPITAL, LAB, "OML_O21", at, hl7("p-" + messageId, hl7Id));
        store.insert(submitted(internalId, order, hl7Id, at));
    }

    private void receiveResult(String internalId, String messageId, String hl7Id, Instant at) {
        EbmsMessage result = userMessage(messageId, LAB, HOSPITAL, "ORU_R01", at, hl7("p-" + messageId, hl7Id));
        store.register(received(internalId, result, hl7Id, at,
                new NewDelivery(DeliveryId.of("dlv-" + internalId), HOSPITAL, null)));
    }

    /** Claims the message, fails the attempt with HTTP 503 and gives it a second MessageId. */
    private void failAndRegenerate(String newMessageId) {
        ClaimedMessage claimed = store.claimDue(NodeId.of("node-a"), at(1), at(61), 10).get(0);
        store.recordAttempt(AttemptOutcome.retryAt(claimed.claim(), at(2), at(4), "HTTP 503"));
        EbmsMessage resent = userMessage(newMessageId, HOSPITAL, LAB, "OML_O21", at(3));
        assertThat(store.assignNewMessageId(new NewMessageId(claimed.id(), OutboundState.RETRYING,
                MessageId.of(newMessageId), at(3), null, wire(resent), at(3)))).isTrue();
    }

    @Test
    void anOutboundMessageIsFoundByEveryIdOfItsChainWithItsWholeHistory() {
        sendOrder("out-1", "a1@rgh.example", "HL7-1", T0);
        failAndRegenerate("a2@rgh.example");

        List<MessageView> byFirstId = query.find("a1@rgh.example");
        List<MessageView> byCurrentId = query.find(" a2@rgh.example ");

        assertThat(byCurrentId).isEqualTo(byFirstId);
        MessageView view = byFirstId.get(0);
        assertThat(byFirstId).hasSize(1);
        assertThat(view.messageId()).isEqualTo("a2@rgh.example");
        assertThat(view.messageIds()).containsExactly("a1@rgh.example", "a2@rgh.example");
        assertThat(view.hl7MessageId()).isEqualTo("HL7-1");
        assertThat(view.direction()).isEqualTo("OUTBOUND");
        assertThat(view.state()).isEqualTo("RETRYING");
        assertThat(view.attempts()).isEqualTo(1);
        assertThat(view.cpaId()).isEqualTo("urn:ebrelay:demo:cpa:hospital-lab:1");
        assertThat(view.conversationId()).isEqualTo("conv-a1@rgh.example");
        assertThat(view.from()).isEqualTo("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
        assertThat(view.to()).isEqualTo("urn:oid:2.16.840.1.113883.19.5:NRL-0042");
        assertThat(view.service()).isEqualTo("urn:example:services:hl7v2:laboratory");
        assertThat(view.action()).isEqualTo("OML_O21");
        assertThat(view.createdAt()).isEqualTo(T0);
        assertThat(view.events()).extracting(MessageView.Event::type)
                .containsExactly("SUBMITTED", "SEND_STARTED", "SEND_FAILED", "MESSAGE_ID_REGENERATED");
        assertThat(view.events().get(2).time()).isEqualTo(at(2));
        assertThat(view.events().get(2).detail()).isEqualTo("HTTP 503");
    }

    @Test
    void anHl7IdFindsEveryMessageCarryingItInBothDirectionsOldestFirst() {
        receiveResult("in-1", "r1@nrl.example", "HL7-7", at(5));
        sendOrder("out-1", "o1@rgh.example", "HL7-7", at(1));
        sendOrder("out-2", "o2@rgh.example", "HL7-8", at(2));

        List<MessageView> found = query.find("HL7-7");

        assertThat(found).extracting(MessageView::messageId).containsExactly("o1@rgh.example", "r1@nrl.example");
        MessageView inbound = found.get(1);
        assertThat(inbound.direction()).isEqualTo("INBOUND");
        assertThat(inbound.state()).isEqualTo("RECEIVED");
        assertThat(inbound.attempts()).isZero();
        assertThat(inbound.messageIds()).containsExactly("r1@nrl.example");
        assertThat(inbound.from()).isEqualTo("urn:oid:2.16.840.1.113883.19.5:NRL-0042");
        assertThat(inbound.action()).isEqualTo("ORU_R01");
        assertThat(inbound.createdAt()).isEqualTo(at(5));
        assertThat(inbound.events()).extracting(MessageView.Event::type).containsExactly("RECEIVED");
        assertThat(found.get(0).direction()).isEqualTo("OUTBOUND");
        assertThat(found.get(0).state()).isEqualTo("QUEUED");
    }

    @Test
    void anEbxmlMessageIdIsLookedUpBeforeHl7Ids() {
        sendOrder("out-1", "X-1", "HL7-1", T0);
        receiveResult("in-1", "r1@nrl.example", "X-1", at(1));

        assertThat(query.find("X-1")).extracting(MessageView::direction).containsExactly("OUTBOUND");
    }

    @Test
    void anUnknownOrBlankIdFindsNothing() {
        sendOrder("out-1", "a1@rgh.example", "HL7-1", T0);

        assertThat(query.find("nobody@nowhere")).isEmpty();
        assertThat(query.find("  ")).isEmpty();
        assertThat(query.find(null)).isEmpty();
    }

    @Test
    void byStateListsOutboundAndInboundStatesWithTheirChainsAndEventsUpToTheLimit() {
        sendOrder("out-1", "a1@rgh.example", "HL7-1", T0);
        failAndRegenerate("a2@rgh.example");
        sendOrder("out-2", "b1@rgh.example", "HL7-2", at(10));
        sendOrder("out-3", "c1@rgh.example", "HL7-3", at(11));
        receiveResult("in-1", "r1@nrl.example", "HL7-4", at(12));

        List<MessageView> queued = query.byState("QUEUED", 10);
        List<MessageView> retrying = query.byState("RETRYING", 10);

        assertThat(queued).extracting(MessageView::messageId).containsExactly("b1@rgh.example", "c1@rgh.example");
        assertThat(queued).allSatisfy(v -> assertThat(v.events()).extracting(MessageView.Event::type)
                .containsExactly("SUBMITTED"));
        assertThat(retrying).singleElement().satisfies(v -> {
            assertThat(v.messageIds()).containsExactly("a1@rgh.example", "a2@rgh.example");
            assertThat(v.events()).hasSize(4);
        });
        assertThat(query.byState("QUEUED", 1)).extracting(MessageView::messageId).containsExactly("b1@rgh.example");
        assertThat(query.byState("RECEIVED", 10)).singleElement().satisfies(v -> {
            assertThat(v.direction()).isEqualTo("INBOUND");
            assertThat(v.hl7MessageId()).isEqualTo("HL7-4");
        });
        assertThat(query.byState("COMPLETE", 10)).isEmpty();
        assertThat(query.byState("DELIVERED", 10)).isEmpty();
    }

    @Test
    void anUnknownStateNameIsRefusedWithTheValidNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> query.byState("SENT", 10))
                .withMessageStartingWith("unknown state 'SENT': outbound states are QUEUED, SENDING,")
                .withMessageContaining("ABANDONED; inbound states are RECEIVED, DELIVERED, REJECTED");
        assertThatIllegalArgumentException().isThrownBy(() -> query.byState(null, 10))
                .withMessageStartingWith("unknown state 'null'");
    }

    @Test
    void theStateOfAReceivedMessageFollowsItsConfirmation() {
        receiveResult("in-1", "r1@nrl.example", "HL7-4", at(12));

        store.confirm(DeliveryId.of("dlv-in-1"), at(20));

        MessageView view = query.find("r1@nrl.example").get(0);
        assertThat(view.state()).isEqualTo("DELIVERED");
        assertThat(view.events()).extracting(MessageView.Event::type).containsExactly("RECEIVED", "DELIVERED");
        assertThat(query.byState("DELIVERED", 10)).extracting(MessageView::messageId)
                .containsExactly("r1@nrl.example");
    }
}
