package org.ebrelay.app.inbound;

import org.ebrelay.app.WithDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.inbound.Messages.DEMO_CPA;
import static org.ebrelay.app.inbound.Messages.HOSPITAL;
import static org.ebrelay.app.inbound.Messages.LAB;
import static org.ebrelay.app.inbound.Messages.NOW;
import static org.ebrelay.app.inbound.Messages.messageId;
import static org.ebrelay.app.inbound.Messages.reliableOrder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.ebrelay.app.port.in.ReceiveMessage.InboundReply;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.AgreementStatus;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.message.Severity;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages the pipeline refuses: each gets an ebXML MessageError (RM-R1, ERR-1) on the HTTP response when it asked
 * for SyncReply, else at the sender's MSH endpoint (ERR-4); a rejected user message is kept REJECTED, undelivered.
 */
class ReceiveRejectionTest extends WithDatabase {
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

    /** The single error of the synchronous MessageError answering {@code key}'s message. */
    private EbmsError syncError(InboundReply reply, String key) {
        assertThat(reply.httpStatus()).as("HTTP-4: an ebXML error is a normal reply").isEqualTo(200);
        EbmsMessage error = node.decode(reply.body());
        assertThat(error.kind()).isEqualTo(MessageKind.MESSAGE_ERROR);
        assertThat(error.header().refToMessageId()).isEqualTo(messageId(key));
        assertThat(error.ackRequested()).as("ERR-4: no AckRequested on an error").isNull();
        assertThat(error.errorList().errors()).hasSize(1);
        return error.errorList().errors().get(0);
    }

    private static void assertError(EbmsError error, ErrorCode code, String location, String descriptionPart) {
        assertThat(error.is(code)).as("code " + error.errorCode()).isTrue();
        assertThat(error.severity()).isEqualTo(Severity.ERROR);
        assertThat(error.location()).isEqualTo(location);
        assertThat(error.description()).contains(descriptionPart);
    }

    @Test
    void anUnknownCpaGetsValueNotRecognizedAndTheMessageIsKeptRejected() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(h.from(), h.to(),
                CpaId.of("urn:nobody:cpa"), h.conversationId(), h.service(), h.action(), h.messageData(), true,
                List.of()));

        EbmsError error = syncError(node.receive(order), "a");

        assertError(error, ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/CPAId", "urn:nobody:cpa");
        List<MessageSummary> rejected = node.store.listInbound(InboundState.REJECTED, 10);
        assertThat(rejected).singleElement().satisfies(summary -> {
            assertThat(summary.heading().messageId()).isEqualTo(messageId("a"));
            assertThat(summary.lastReason()).contains("ValueNotRecognized");
        });
        assertThat(node.store.listDeliveries(null, true, 10)).isEmpty();
    }

    @Test
    void anUnknownCpaWithoutSyncReplyHasNobodyToTellAndIsOnlyLogged() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a").syncReply(false), h -> new MessageHeader(h.from(), h.to(),
                CpaId.of("urn:nobody:cpa"), h.conversationId(), h.service(), h.action(), h.messageData(), true,
                List.of()));

        InboundReply reply = node.receive(order);

        assertThat(reply.httpStatus()).isEqualTo(204);
        assertThat(node.allAsyncReplies()).as("ERR-4: no error-reporting location").isEmpty();
        assertThat(node.store.listInbound(InboundState.REJECTED, 10)).hasSize(1);
    }

    @Test
    void aMessageToAPartyThisNodeDoesNotActForIsRefused() {
        node = InboundNode.on(database).cpa(DEMO_CPA).actingFor(HOSPITAL).start();

        EbmsError error = syncError(node.receive(reliableOrder("a").build()), "a");

        assertError(error, ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/To/PartyId", "does not act for");
    }

    @Test
    void aFromPartyOutsideTheCpaIsRefused() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(
                Party.of(PartyId.of(Messages.OID, "STRANGER"), "OrderPlacer"), h.to(), h.cpaId(), h.conversationId(),
                h.service(), h.action(), h.messageData(), true, List.of()));

        EbmsError error = syncError(node.receive(order), "a");

        assertError(error, ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/From/PartyId", "STRANGER");
    }

    @Test
    void anActionTheSenderMayNotSendIsNotRecognized() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(h.from(), h.to(), h.cpaId(),
                h.conversationId(), h.service(), "ORU_R01", h.messageData(), true, List.of()));

        EbmsError error = syncError(node.receive(order), "a");

        assertError(error, ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/Action", "ORU_R01");
    }

    @Test
    void anUnknownServiceIsNotRecognized() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(h.from(), h.to(), h.cpaId(),
                h.conversationId(), Service.of(null, "urn:example:other"), h.action(), h.messageData(), true,
                List.of()));

        EbmsError error = syncError(node.receive(order), "a");

        assertError(error, ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/Action", "urn:example:other");
    }

    @Test
    void rolesThatDoNotMatchTheBindingAreInconsistent() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(Party.of(HOSPITAL, "OrderFiller"),
                h.to(), h.cpaId(), h.conversationId(), h.service(), h.action(), h.messageData(), true, List.of()));

        EbmsError error = syncError(node.receive(order), "a");

        assertError(error, ErrorCode.INCONSISTENT, "//Header/MessageHeader/From/Role", "OrderPlacer");
    }

    static Stream<Arguments> headersTheChannelDoesNotAllow() {
        return Stream.of(
                Arguments.of("ACK-3: AckRequested missing where always", (UnaryOperator<EbmsMessageBuilder>)
                        b -> b.ackRequested(null), ErrorCode.INCONSISTENT, "//Header/AckRequested"),
                Arguments.of("ACK-2: a signed ack asked where never", (UnaryOperator<EbmsMessageBuilder>)
                        b -> b.ackRequested(AckRequested.toPartyMsh(true)), ErrorCode.INCONSISTENT,
                        "//Header/AckRequested/@signed"),
                Arguments.of("ACK-4: nextMSH where the CPA names toPartyMSH", (UnaryOperator<EbmsMessageBuilder>)
                        b -> b.ackRequested(new AckRequested(Actor.NEXT_MSH, false)), ErrorCode.NOT_SUPPORTED,
                        "//Header/AckRequested/@actor"),
                Arguments.of("HDR-3: DuplicateElimination missing where always", (UnaryOperator<EbmsMessageBuilder>)
                        b -> b.header(Messages.header("a", false)), ErrorCode.INCONSISTENT,
                        "//Header/MessageHeader/DuplicateElimination"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headersTheChannelDoesNotAllow")
    void aHeaderTheReceiveChannelDoesNotAllowIsRefused(String rule, UnaryOperator<EbmsMessageBuilder> change,
                                                       ErrorCode code, String location) {
        demoNode();

        EbmsError error = syncError(node.receive(change.apply(reliableOrder("a")).build()), "a");

        assertError(error, code, location, "");
        assertThat(node.store.listDeliveries(null, true, 10)).isEmpty();
        assertThat(node.store.listInbound(InboundState.REJECTED, 10)).hasSize(1);
    }

    @Test
    void syncReplyMissingWhereTheCpaWantsItIsInconsistentAndTheErrorGoesToTheSendersEndpoint() throws Exception {
        demoNode();

        InboundReply reply = node.receive(reliableOrder("a").syncReply(false).build());

        assertThat(reply.httpStatus()).isEqualTo(204);
        RecordingTransport.Sent sent = node.partner.next();
        assertThat(sent.endpoint()).isEqualTo(URI.create(Messages.HOSPITAL_ENDPOINT));
        EbmsMessage error = node.decode(sent.message());
        assertThat(error.header().to().partyIds()).containsExactly(HOSPITAL);
        assertThat(error.header().refToMessageId()).isEqualTo(messageId("a"));
        assertError(error.errorList().errors().get(0), ErrorCode.INCONSISTENT, "//Header/SyncReply", "mshSignalsOnly");
    }

    @Test
    void aMessageWhoseTimeToLiveHasPassedIsNotDelivered() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(h.from(), h.to(), h.cpaId(),
                h.conversationId(), h.service(), h.action(),
                new MessageData(h.messageId(), NOW.minusSeconds(60), null, NOW.minusMillis(1)), true, List.of()));

        EbmsError error = syncError(node.receive(order), "a");

        assertError(error, ErrorCode.TIME_TO_LIVE_EXPIRED, "//Header/MessageHeader/MessageData/TimeToLive",
                "had passed");
        assertThat(node.store.listDeliveries(null, true, 10)).isEmpty();
    }

    @Test
    void aTimeToLiveOfExactlyNowIsStillInTime() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(h.from(), h.to(), h.cpaId(),
                h.conversationId(), h.service(), h.action(),
                new MessageData(h.messageId(), NOW.minusSeconds(60), null, NOW), true, List.of()));

        assertThat(node.decode(node.receive(order).body()).kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
    }

    @Test
    void messageOrderUnderACpaWithoutGuaranteedOrderIsNotSupported() throws Exception {
        node = InboundNode.on(database).cpa(Messages.ASYNC_CPA).actingFor(Messages.GATEWAY).start();
        EbmsMessage message = Messages.asyncHarnessMessage("a").messageOrder(new MessageOrder(0, SequenceStatus.RESET))
                .build();

        InboundReply reply = node.receive(message);

        assertThat(reply.httpStatus()).isEqualTo(204);
        RecordingTransport.Sent sent = node.partner.next();
        assertThat(sent.endpoint()).isEqualTo(URI.create("http://127.0.0.1:8301/ebms"));
        EbmsError error = node.decode(sent.message()).errorList().errors().get(0);
        assertError(error, ErrorCode.NOT_SUPPORTED, "//Header/MessageOrder", "not Guaranteed");
    }

    @Test
    void messageOrderUnderACpaWithGuaranteedOrderIsAcceptedAndDeliveredAsItComes() throws Exception {
        Path guaranteed = CpaVariants.of(Messages.ASYNC_CPA, dir, "NotGuaranteed", "Guaranteed");
        node = InboundNode.on(database).cpa(guaranteed).actingFor(Messages.GATEWAY).start();
        EbmsMessage message = Messages.asyncHarnessMessage("a").messageOrder(new MessageOrder(0, SequenceStatus.RESET))
                .build();

        assertThat(node.receive(message).httpStatus()).isEqualTo(204);
        assertThat(node.decode(node.partner.next().message()).kind()).isEqualTo(MessageKind.ACKNOWLEDGMENT);
        assertThat(node.store.listDeliveries(Messages.GATEWAY, false, 10)).hasSize(1);
    }

    @Test
    void aCpaThatEndedNoLongerGovernsMessages() {
        demoNode().clock.set(Instant.parse("2031-11-19T00:00:00Z"));

        EbmsError error = syncError(node.receive(reliableOrder("a").build()), "a");

        assertError(error, ErrorCode.INCONSISTENT, "//Header/MessageHeader/CPAId", "ended");
    }

    @Test
    void aCpaThatIsOnlyProposedGovernsNoMessage() {
        Agreement demo = InboundNode.load(DEMO_CPA, Clock.fixed(NOW, ZoneOffset.UTC));
        Agreement proposed = new Agreement(demo.cpaId(), demo.version(), AgreementStatus.PROPOSED, demo.start(),
                demo.end(), demo.parties());
        node = InboundNode.on(database).agreement(proposed).actingFor(LAB).start();

        EbmsError error = syncError(node.receive(reliableOrder("a").build()), "a");

        assertError(error, ErrorCode.INCONSISTENT, "//Header/MessageHeader/CPAId", "proposed");
    }

    @Test
    void aProblemTheDecoderFoundIsReportedWithItsLocation() {
        demoNode();
        EbmsMessage order = withHeader(reliableOrder("a"), h -> new MessageHeader(h.from(), h.to(), h.cpaId(),
                h.conversationId(), h.service(), h.action(),
                new MessageData(h.messageId(), h.messageData().timestamp(), MessageId.of("<earlier@hospital.test>"),
                        null), true, List.of()));

        EbmsError error = syncError(node.receive(order), "a");

        assertThat(error.is(ErrorCode.OTHER_XML)).as("HDR-4: no angle brackets").isTrue();
        assertThat(error.location()).contains("RefToMessageId");
        assertThat(node.store.listInbound(InboundState.REJECTED, 10)).hasSize(1);
    }

    private static EbmsMessage withHeader(EbmsMessageBuilder builder, UnaryOperator<MessageHeader> change) {
        EbmsMessage message = builder.build();
        return message.toBuilder().header(change.apply(message.header())).build();
    }
}
