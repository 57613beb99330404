package org.ebrelay.app.inbound;

import org.ebrelay.app.WithDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.inbound.Messages.DEMO;
import static org.ebrelay.app.inbound.Messages.DEMO_CPA;
import static org.ebrelay.app.inbound.Messages.HOSPITAL;
import static org.ebrelay.app.inbound.Messages.LAB;
import static org.ebrelay.app.inbound.Messages.NOW;
import static org.ebrelay.app.inbound.Messages.messageId;
import static org.ebrelay.app.inbound.Messages.reliableOrder;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.ReceivedStatus;
import org.ebrelay.app.port.out.StoreFailure;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receiving user messages: store once, deliver once, acknowledge after the commit, replay for duplicates (RM-R*). */
class ReceivePipelineTest extends WithDatabase {
    @TempDir
    Path dir;
    private InboundNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private InboundNode demoNode() {
        node = InboundNode.on(database).cpa(DEMO_CPA).actingFor(LAB).start();
        return node;
    }

    @Test
    void aValidReliableMessageIsStoredOnceWithOneDeliveryAndAcknowledgedOnTheHttpResponse() {
        EbmsMessage order = reliableOrder("a").build();
        WireMessage wire = demoNode().codec.encode(order);

        InboundReply reply = node.receive(wire);

        assertThat(reply.httpStatus()).isEqualTo(200);
        EbmsMessage ack = node.decode(reply.body());
        assertThat(ack.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
        assertThat(ack.header().from().partyIds()).containsExactly(LAB);
        assertThat(ack.header().to().partyIds()).containsExactly(HOSPITAL);
        assertThat(ack.header().cpaId()).isEqualTo(DEMO);
        assertThat(ack.header().conversationId()).isEqualTo(order.header().conversationId());
        assertThat(ack.header().refToMessageId()).isEqualTo(messageId("a"));
        assertThat(ack.acknowledgment().refToMessageId()).isEqualTo(messageId("a"));
        assertThat(ack.acknowledgment().timestamp()).isEqualTo(NOW);
        assertThat(ack.ackRequested()).as("MSH-1: an ack asks for no ack").isNull();

        List<Delivery> deliveries = node.store.listDeliveries(LAB, false, 10);
        assertThat(deliveries).singleElement().satisfies(delivery -> {
            assertThat(delivery.party()).isEqualTo(LAB);
            assertThat(delivery.heading().messageId()).isEqualTo(messageId("a"));
            assertThat(delivery.heading().hl7Id()).isEqualTo("HL7-a");
            assertThat(delivery.heading().from()).isEqualTo(HOSPITAL);
            assertThat(delivery.heading().action()).isEqualTo("OML_O21");
            assertThat(delivery.receivedAt()).isEqualTo(NOW);
            assertThat(delivery.nextPushAt()).as("no webhook configured").isNull();
            assertThat(delivery.wire().body()).isEqualTo(wire.body());
            assertThat(delivery.wire().contentType()).isEqualTo(wire.contentType());
        });
        assertThat(node.store.statusOf(DEMO, messageId("a")).map(ReceivedStatus::state)).contains(InboundState.RECEIVED);
        assertThat(node.allAsyncReplies()).as("nothing goes asynchronously").isEmpty();
    }

    @Test
    void theSameMessageAgainIsNotDeliveredAgainAndGetsTheStoredAcknowledgmentByteForByte() {
        WireMessage wire = demoNode().codec.encode(reliableOrder("a").build());
        InboundReply first = node.receive(wire);
        node.clock.advance(Duration.ofSeconds(30));

        InboundReply again = node.receive(wire);

        assertThat(again.httpStatus()).isEqualTo(200);
        assertThat(again.body().body()).as("RM-R4: the same Acknowledgment").isEqualTo(first.body().body());
        assertThat(node.store.listDeliveries(LAB, true, 10)).hasSize(1);
        assertThat(eventsOf("a")).extracting(MessageEvent::type)
                .containsExactly(EventType.RECEIVED, EventType.DUPLICATE_RECEIVED);
    }

    @Test
    void aResendWithANewTimestampAndEnvelopeIsStillTheSameMessage() {
        InboundReply first = demoNode().receive(reliableOrder("a").build());
        EbmsMessage resent = reliableOrder("a").syncReply(true).build();
        resent = resent.toBuilder().header(withTimestamp(resent, NOW.plusSeconds(20))).build();

        InboundReply again = node.receive(resent);

        assertThat(again.body().body()).isEqualTo(first.body().body());
        assertThat(node.store.listDeliveries(LAB, true, 10)).hasSize(1);
    }

    @Test
    void theSameMessageIdWithOtherContentGetsAMessageErrorAndIsNotDelivered() {
        demoNode().receive(reliableOrder("a").build());
        EbmsMessage other = reliableOrder("a").build();
        other = new EbmsMessage(other.header(), other.ackRequested(), true, null, null, null, null, null, null,
                false, List.of(Payload.text("hl7-a@hospital.test", "application/hl7-v2; charset=UTF-8",
                "MSH|^~\\&|RGH|RGH|NRL|NRL|20270301120000||OML^O21^OML_O21|HL7-other|P|2.5.1\r")));

        InboundReply reply = node.receive(other);

        assertThat(reply.httpStatus()).isEqualTo(200);
        EbmsMessage error = node.decode(reply.body());
        assertThat(error.kind()).isEqualTo(MessageKind.MESSAGE_ERROR);
        assertThat(error.header().refToMessageId()).isEqualTo(messageId("a"));
        assertThat(error.errorList().errors()).singleElement().satisfies(e -> {
            assertThat(e.is(ErrorCode.INCONSISTENT)).isTrue();
            assertThat(e.severity()).isEqualTo(Severity.ERROR);
            assertThat(e.location()).isEqualTo("//Header/MessageHeader/MessageData/MessageId");
            assertThat(e.description()).contains("other content");
        });
        assertThat(node.store.listDeliveries(LAB, true, 10)).hasSize(1);
        assertThat(eventsOf("a")).extracting(MessageEvent::type)
                .containsExactly(EventType.RECEIVED, EventType.CONFLICTING_DUPLICATE);
    }

    @Test
    void theMessageIdIsRememberedForThePersistDurationAfterItsReceipt() {
        demoNode().receive(reliableOrder("a").build());

        assertThat(node.store.purgeRememberedIds(NOW.plus(Duration.ofHours(1)).minusMillis(1), 10)).isZero();
        assertThat(node.store.purgeRememberedIds(NOW.plus(Duration.ofHours(1)), 10)).as("PT1H in the demo CPA")
                .isEqualTo(1);
    }

    @Test
    void withoutDuplicateEliminationEveryCopyIsDeliveredAndAcknowledged() {
        Path perMessage = CpaVariants.of(DEMO_CPA, dir, "tns:ackRequested=\"always\" tns:ackSignatureRequested="
                + "\"never\" tns:duplicateElimination=\"always\"", "tns:ackRequested=\"always\" "
                + "tns:ackSignatureRequested=\"never\" tns:duplicateElimination=\"perMessage\"");
        node = InboundNode.on(database).cpa(perMessage).actingFor(LAB).start();
        EbmsMessage order = reliableOrder("a").header(Messages.header("a", false)).build();

        InboundReply first = node.receive(order);
        InboundReply second = node.receive(order);

        assertThat(List.of(first.httpStatus(), second.httpStatus())).containsExactly(200, 200);
        assertThat(node.decode(second.body()).kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
        assertThat(node.store.listDeliveries(LAB, true, 10)).as("RM-R5").hasSize(2);
    }

    @Test
    void aMessageWithoutAckRequestedIsStoredAndAnsweredWithNoContent() {
        Path perMessage = CpaVariants.of(DEMO_CPA, dir, "tns:ackRequested=\"always\"", "tns:ackRequested=\"perMessage\"");
        node = InboundNode.on(database).cpa(perMessage).actingFor(LAB).start();

        InboundReply reply = node.receive(reliableOrder("a").ackRequested(null).build());

        assertThat(reply.httpStatus()).isEqualTo(204);
        assertThat(reply.body()).isNull();
        assertThat(node.store.listDeliveries(LAB, false, 10)).hasSize(1);
    }

    @Test
    void aPartyWithAWebhookHasItsDeliveryDueForAPushAtOnce() {
        node = InboundNode.on(database).cpa(DEMO_CPA).actingFor(LAB)
                .settings(ReceiveSettings.defaults().withWebhooks((heading, party) -> party.equals(LAB)
                        && heading.action().equals("OML_O21")))
                .start();

        node.receive(reliableOrder("a").build());

        assertThat(node.store.duePushes(NOW, 10)).singleElement()
                .satisfies(delivery -> assertThat(delivery.nextPushAt()).isEqualTo(NOW));
    }

    @Test
    void withoutSyncReplyTheAcknowledgmentIsPostedToTheSendersEndpointAfterA204() throws Exception {
        node = InboundNode.on(database).cpa(Messages.ASYNC_CPA).actingFor(Messages.GATEWAY).start();
        EbmsMessage message = Messages.asyncHarnessMessage("a").build();

        InboundReply reply = node.receive(message);

        assertThat(reply.httpStatus()).isEqualTo(204);
        RecordingTransport.Sent sent = node.partner.next();
        assertThat(sent.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8301/ebms"));
        assertThat(sent.message().soapAction()).isEqualTo(WireMessage.EBXML_SOAP_ACTION);
        EbmsMessage ack = node.decode(sent.message());
        assertThat(ack.kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
        assertThat(ack.acknowledgment().refToMessageId()).isEqualTo(message.messageId());
        assertThat(ack.header().to().partyIds()).containsExactly(Messages.PEER);

        InboundReply again = node.receive(message);

        assertThat(again.httpStatus()).isEqualTo(204);
        assertThat(node.partner.next().message().body()).as("the stored ack, replayed asynchronously")
                .isEqualTo(sent.message().body());
        assertThat(node.store.listDeliveries(Messages.GATEWAY, true, 10)).hasSize(1);
    }

    @Test
    void whenTheStoreFailsNothingIsAcknowledgedAndTheSenderIsToldToTryAgain() {
        node = InboundNode.on(database).cpa(DEMO_CPA).actingFor(LAB)
                .storeSeenByPipeline(ReceivePipelineTest::failingRegistrations).start();

        InboundReply reply = node.receive(reliableOrder("a").build());

        assertThat(reply.httpStatus()).isEqualTo(500);
        assertThat(new String(reply.body().body(), StandardCharsets.UTF_8))
                .contains("Server").contains("send it again later").doesNotContain("disk full");
        assertThat(node.store.listDeliveries(LAB, true, 10)).isEmpty();
    }

    private List<MessageEvent> eventsOf(String key) {
        return node.store.findByMessageId(messageId(key)).get(0).events();
    }

    private static MessageHeader withTimestamp(EbmsMessage message, Instant at) {
        MessageHeader h = message.header();
        return new MessageHeader(h.from(), h.to(), h.cpaId(), h.conversationId(), h.service(), h.action(),
                new MessageData(h.messageId(), at, null, null), h.duplicateElimination(), h.descriptions());
    }

    /** The real store, except that registering fails as a full disk would. */
    private static MessageStore failingRegistrations(MessageStore store) {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register")) {
                        throw new StoreFailure("disk full", null);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
