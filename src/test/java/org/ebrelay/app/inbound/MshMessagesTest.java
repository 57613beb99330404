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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.StatusResponse;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MSH-level messages: Ping gets Pong (PNG-2), StatusRequest a StatusResponse (STA-*), signals settle our messages. */
class MshMessagesTest extends WithDatabase {
    private InboundNode node;

    @BeforeEach
    void start() {
        node = InboundNode.on(database).cpa(DEMO_CPA).cpa(Messages.ASYNC_CPA).actingFor(LAB)
                .actingFor(Messages.GATEWAY).start();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private static EbmsMessage ping(String key, boolean syncReply) {
        return EbmsMessages.ping(DEMO, ConversationId.of("conv-" + key), Party.of(HOSPITAL, null), Party.of(LAB, null),
                messageId(key), NOW.minusSeconds(1), syncReply);
    }

    private static EbmsMessage statusRequest(String key, MessageId about) {
        return EbmsMessages.statusRequest(DEMO, ConversationId.of("conv-" + key), Party.of(HOSPITAL, null),
                Party.of(LAB, null), messageId(key), NOW.minusSeconds(1), about, true);
    }

    @Test
    void aPingWithSyncReplyGetsItsPongOnTheHttpResponse() {
        InboundReply reply = node.receive(ping("p", true));

        assertThat(reply.httpStatus()).isEqualTo(200);
        EbmsMessage pong = node.decode(reply.body());
        assertThat(pong.kind()).isEqualTo(MessageKind.PONG);
        assertThat(pong.header().refToMessageId()).isEqualTo(messageId("p"));
        assertThat(pong.header().from().partyIds()).containsExactly(LAB);
        assertThat(pong.header().to().partyIds()).containsExactly(HOSPITAL);
        assertThat(pong.header().conversationId()).isEqualTo(ConversationId.of("conv-p"));
        assertThat(pong.header().messageData().timestamp()).isEqualTo(NOW);
        assertThat(node.store.listDeliveries(null, true, 10)).as("never delivered").isEmpty();
    }

    @Test
    void aPingWithoutSyncReplyUnderAnAsynchronousCpaGetsItsPongPostedToThePartnersEndpoint() throws Exception {
        EbmsMessage ping = EbmsMessages.ping(Messages.HARNESS_ASYNC, ConversationId.of("conv-p"),
                Party.of(Messages.PEER, null), Party.of(Messages.GATEWAY, null), messageId("p"), NOW.minusSeconds(1),
                false);

        InboundReply reply = node.receive(ping);

        assertThat(reply.httpStatus()).isEqualTo(204);
        RecordingTransport.Sent sent = node.partner.next();
        assertThat(sent.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8301/ebms"));
        EbmsMessage pong = node.decode(sent.message());
        assertThat(pong.kind()).isEqualTo(MessageKind.PONG);
        assertThat(pong.header().refToMessageId()).isEqualTo(messageId("p"));
        assertThat(pong.header().to().partyIds()).containsExactly(Messages.PEER);
    }

    @Test
    void aPingWithoutSyncReplyUnderACpaWhoseMshChannelIsSynchronousGetsItsPongOnTheResponse() {
        InboundReply reply = node.receive(ping("p", false));

        assertThat(reply.httpStatus()).isEqualTo(200);
        assertThat(node.decode(reply.body()).kind()).isEqualTo(MessageKind.PONG);
        assertThat(node.allAsyncReplies()).isEmpty();
    }

    @Test
    void aStatusRequestAboutAMessageWeHoldIsReceivedAndProcessedOnceConfirmed() {
        node.receive(reliableOrder("a").build());

        StatusResponse received = statusOf(node.receive(statusRequest("s1", messageId("a"))));
        assertThat(received).isEqualTo(new StatusResponse(MessageStatus.RECEIVED, messageId("a"), NOW));

        node.clock.advance(Duration.ofMinutes(1));
        assertThat(node.store.confirm(node.store.listDeliveries(LAB, false, 1).get(0).id(), node.clock.instant()))
                .isEqualTo(ConfirmResult.CONFIRMED);
        StatusResponse processed = statusOf(node.receive(statusRequest("s2", messageId("a"))));
        assertThat(processed).as("the time it was received (STA-2)")
                .isEqualTo(new StatusResponse(MessageStatus.PROCESSED, messageId("a"), NOW));
    }

    @Test
    void aStatusRequestAboutAnUnknownMessageIsNotRecognizedWithoutATime() {
        StatusResponse status = statusOf(node.receive(statusRequest("s", MessageId.of("never@hospital.test"))));

        assertThat(status).isEqualTo(new StatusResponse(MessageStatus.NOT_RECOGNIZED,
                MessageId.of("never@hospital.test"), null));
    }

    @Test
    void aStatusRequestAboutAMessageReceivedUnderAnotherCpaIsNotRecognized() {
        EbmsMessage other = Messages.asyncHarnessMessage("x").build();
        assertThat(node.receive(other).httpStatus()).isEqualTo(204);

        StatusResponse status = statusOf(node.receive(statusRequest("s", other.messageId())));

        assertThat(status.status()).as("STA-4").isEqualTo(MessageStatus.NOT_RECOGNIZED);
        assertThat(status.timestamp()).isNull();
    }

    @Test
    void aStatusRequestAboutARejectedMessageIsNotRecognized() {
        node.receive(reliableOrder("a").ackRequested(null).build());

        StatusResponse status = statusOf(node.receive(statusRequest("s", messageId("a"))));

        assertThat(status.status()).isEqualTo(MessageStatus.NOT_RECOGNIZED);
    }

    @Test
    void anAsynchronousAcknowledgmentOfOurMessageCompletesIt() {
        node.store.insert(outbound("out-1", "ours-1@lab.test"));
        EbmsMessage ack = EbmsMessages.acknowledgmentOf(ourMessageAsReceivedByTheHospital("ours-1@lab.test"),
                MessageId.of("ack-1@hospital.test"), NOW.minusSeconds(1), NOW.minusSeconds(2), List.of());

        InboundReply reply = node.receive(ack);

        assertThat(reply.httpStatus()).isEqualTo(204);
        assertThat(reply.body()).isNull();
        MessageSummary summary = node.store.findByMessageId(MessageId.of("ours-1@lab.test")).get(0).summary();
        assertThat(summary.state()).isEqualTo(OutboundState.COMPLETE);
        assertThat(summary.lastReason()).contains("ack-1@hospital.test");
    }

    @Test
    void aPartnersMessageErrorFailsOurMessage() {
        node.store.insert(outbound("out-1", "ours-1@lab.test"));
        EbmsMessage error = EbmsMessages.messageErrorFor(ourMessageAsReceivedByTheHospital("ours-1@lab.test").header(),
                MessageId.of("err-1@hospital.test"), NOW.minusSeconds(1),
                ErrorList.of(EbmsError.error(ErrorCode.DELIVERY_FAILURE, null, "the LIS is down for good")));

        assertThat(node.receive(error).httpStatus()).isEqualTo(204);

        MessageSummary summary = node.store.findByMessageId(MessageId.of("ours-1@lab.test")).get(0).summary();
        assertThat(summary.state()).isEqualTo(OutboundState.FAILED);
        assertThat(summary.lastReason()).contains("DeliveryFailure").contains("the LIS is down for good");
    }

    @Test
    void aPongCompletesTheWaitingPing() throws Exception {
        CompletableFuture<EbmsMessage> waiting = node.pendingReplies.register(MessageId.of("ping-1@lab.test"));
        EbmsMessage ourPing = EbmsMessages.ping(DEMO, ConversationId.of("c"), Party.of(LAB, null),
                Party.of(HOSPITAL, null), MessageId.of("ping-1@lab.test"), NOW.minusSeconds(2), false);
        EbmsMessage pong = EbmsMessages.pongFor(ourPing.header(), MessageId.of("pong-1@hospital.test"),
                NOW.minusSeconds(1));

        assertThat(node.receive(pong).httpStatus()).isEqualTo(204);

        assertThat(waiting.get(10, TimeUnit.SECONDS).messageId()).isEqualTo(MessageId.of("pong-1@hospital.test"));
    }

    private StatusResponse statusOf(InboundReply reply) {
        assertThat(reply.httpStatus()).isEqualTo(200);
        EbmsMessage response = node.decode(reply.body());
        assertThat(response.kind()).isEqualTo(MessageKind.STATUS_RESPONSE);
        assertThat(response.header().to().partyIds()).containsExactly(HOSPITAL);
        return response.statusResponse();
    }

    /** An ORU_R01 result we (the lab) sent to the hospital, as the hospital saw it. */
    private static EbmsMessage ourMessageAsReceivedByTheHospital(String messageId) {
        return reliableOrder("unused").header(new MessageHeader(Party.of(LAB, "OrderFiller"),
                Party.of(HOSPITAL, "OrderPlacer"), DEMO, ConversationId.of("conv-out"), Messages.LABORATORY,
                "ORU_R01", new MessageData(MessageId.of(messageId), NOW.minusSeconds(5), null, null), true,
                List.of())).build();
    }

    private static SubmittedMessage outbound(String id, String messageId) {
        Instant at = NOW.minusSeconds(5);
        MessageHeading heading = new MessageHeading(DEMO, ConversationId.of("conv-out"), MessageId.of(messageId),
                "HL7-out", LAB, HOSPITAL, Messages.LABORATORY, "ORU_R01", at);
        return new SubmittedMessage(InternalId.of(id), heading, new DeliveryTerms(true, true, false, 4,
                Duration.ofSeconds(2), Duration.ofHours(1)), null, null, Messages.HOSPITAL_ENDPOINT, "\"ebXML\"",
                new WireBytes("text/xml", "<wire/>".getBytes(StandardCharsets.UTF_8)), at, at);
    }
}
