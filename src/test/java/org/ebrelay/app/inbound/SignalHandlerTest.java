package org.ebrelay.app.inbound;

import org.ebrelay.app.WithDatabase;

import org.ebrelay.app.TestClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.inbound.Messages.DEMO;
import static org.ebrelay.app.inbound.Messages.HOSPITAL;
import static org.ebrelay.app.inbound.Messages.LAB;
import static org.ebrelay.app.inbound.Messages.NOW;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessageBuilder;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageHeader;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageStatus;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.StatusResponse;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.app.outbound.OutboundListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signals about our own messages, on the real store: ACK-8, ACK-10, ERR-7, and replies someone waits for. */
class SignalHandlerTest extends WithDatabase {
    private static final MessageId OURS = MessageId.of("ours-1@lab.test");

    private final List<String> told = new ArrayList<>();
    private MessageStore store;
    private PendingReplies pendingReplies;
    private SignalHandler signals;

    @BeforeEach
    void start() {
        store = new JdbcMessageStore(database);
        pendingReplies = new PendingReplies(new TestClock(NOW), Duration.ofMinutes(5));
        signals = new SignalHandler(store, pendingReplies, new OutboundListener() {
            @Override
            public void completed(MessageHeading heading, Duration sinceCreated) {
                told.add("completed " + heading.messageId().value());
            }

            @Override
            public void failed(MessageHeading heading, String reason) {
                told.add("failed " + heading.messageId().value() + ": " + reason);
            }
        });
        store.insert(outbound());
    }

    @Test
    void anAcknowledgmentCompletesTheMessageItRefersTo() {
        signals.handle(ack("ack-1@hospital.test"), NOW);

        assertThat(details().summary().state()).isEqualTo(OutboundState.COMPLETE);
        assertThat(lastEvent().type()).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(lastEvent().time()).isEqualTo(NOW);
        assertThat(lastEvent().detail()).contains("ack-1@hospital.test");
        assertThat(told).as("metrics and notifications hear of it").containsExactly("completed " + OURS.value());
    }

    @Test
    void aLateAcknowledgmentIsRecordedAndChangesNothing() {
        signals.handle(ack("ack-1@hospital.test"), NOW);

        signals.handle(ack("ack-2@hospital.test"), NOW.plusSeconds(5));

        assertThat(details().summary().state()).isEqualTo(OutboundState.COMPLETE);
        assertThat(lastEvent().type()).as("ACK-10").isEqualTo(EventType.ACK_IGNORED);
        assertThat(lastEvent().from()).isNull();
        assertThat(lastEvent().detail()).contains("ack-2@hospital.test").contains("COMPLETE");
        assertThat(told).as("told once, not for the late one").hasSize(1);
    }

    @Test
    void anAcknowledgmentFromAnotherPartyThanTheRecipientIsRecordedAndSettlesNothing() {
        EbmsMessage sentElsewhere = EbmsMessageBuilder.withHeader(new MessageHeader(Party.of(LAB, "OrderFiller"),
                Party.of(PartyId.of("urn:oid:2.16.840.1.113883.19.5", "SOMEONE-ELSE"), "OrderPlacer"), DEMO,
                ConversationId.of("conv-out"), Messages.LABORATORY, "ORU_R01", new MessageData(OURS, NOW, null, null),
                true, List.of())).build();
        EbmsMessage forged = EbmsMessages.acknowledgmentOf(sentElsewhere, MessageId.of("ack-x@elsewhere.test"), NOW,
                NOW, List.of());

        signals.handle(forged, NOW);

        assertThat(details().summary().state()).as("ACK-8").isEqualTo(OutboundState.QUEUED);
        assertThat(lastEvent().type()).isEqualTo(EventType.ACK_IGNORED);
        assertThat(lastEvent().detail()).contains("SOMEONE-ELSE").contains("not from the recipient");
        assertThat(told).isEmpty();
    }

    @Test
    void anAcknowledgmentOfAMessageWeNeverSentIsIgnored() {
        EbmsMessage stray = EbmsMessages.acknowledgmentOf(sentAs(MessageId.of("nobody@lab.test")),
                MessageId.of("ack-9@hospital.test"), NOW, NOW, List.of());

        signals.handle(stray, NOW);

        assertThat(details().summary().state()).isEqualTo(OutboundState.QUEUED);
    }

    @Test
    void aMessageErrorOfSeverityErrorFailsTheMessageWithThePartnersWords() {
        signals.handle(error(EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED, "//Header/MessageHeader/Action",
                "501319:Unknown action")), NOW);

        assertThat(details().summary().state()).isEqualTo(OutboundState.FAILED);
        assertThat(lastEvent().type()).isEqualTo(EventType.PARTNER_ERROR);
        assertThat(lastEvent().detail()).contains("ValueNotRecognized").contains("//Header/MessageHeader/Action")
                .contains("501319:Unknown action");
        assertThat(told).singleElement().asString().startsWith("failed " + OURS.value()).contains("ValueNotRecognized");
    }

    @Test
    void aMessageErrorAfterTheMessageWasAcknowledgedIsOnlyNoted() {
        signals.handle(ack("ack-1@hospital.test"), NOW);

        signals.handle(error(EbmsError.error(ErrorCode.DELIVERY_FAILURE, null, "late")), NOW.plusSeconds(1));

        assertThat(details().summary().state()).isEqualTo(OutboundState.COMPLETE);
        assertThat(lastEvent().type()).isEqualTo(EventType.NOTE);
        assertThat(lastEvent().detail()).contains("DeliveryFailure");
    }

    @Test
    void warningsAreNotedOnTheMessageWhichCarriesOn() {
        signals.handle(error(EbmsError.warning(ErrorCode.DELIVERY_FAILURE, null, "probably not delivered")), NOW);

        assertThat(details().summary().state()).isEqualTo(OutboundState.QUEUED);
        assertThat(lastEvent().type()).isEqualTo(EventType.NOTE);
        assertThat(lastEvent().detail()).contains("warning from the partner").contains("probably not delivered");
    }

    @Test
    void aStatusResponseGoesToWhoeverWaitsForIt() {
        EbmsMessage request = EbmsMessages.statusRequest(DEMO, ConversationId.of("c"), Party.of(LAB, null),
                Party.of(HOSPITAL, null), MessageId.of("sr-1@lab.test"), NOW, OURS, true);
        CompletableFuture<EbmsMessage> waiting = pendingReplies.register(request.messageId());
        EbmsMessage response = EbmsMessages.statusResponseFor(request.header(), MessageId.of("rsp@hospital.test"),
                NOW, new StatusResponse(MessageStatus.PROCESSED, OURS, NOW.minusSeconds(3)));

        signals.handle(response, NOW);

        assertThat(waiting).isCompletedWithValue(response);
    }

    @Test
    void aMessageErrorAnsweringAPingGoesToWhoeverWaitsForItAndTouchesNoMessage() {
        MessageId ping = MessageId.of("ping-1@lab.test");
        CompletableFuture<EbmsMessage> waiting = pendingReplies.register(ping);
        EbmsMessage refusal = EbmsMessages.messageErrorFor(sentAs(ping).header(), MessageId.of("err-7@hospital.test"),
                NOW, org.ebrelay.domain.message.ErrorList.of(EbmsError.error(ErrorCode.INCONSISTENT, null, "CPA expired")));

        signals.handle(refusal, NOW);

        assertThat(waiting).isCompletedWithValue(refusal);
        assertThat(details().summary().state()).isEqualTo(OutboundState.QUEUED);
    }

    private EbmsMessage ack(String ackId) {
        return EbmsMessages.acknowledgmentOf(sentAs(OURS), MessageId.of(ackId), NOW, NOW.minusSeconds(1), List.of());
    }

    private EbmsMessage error(EbmsError error) {
        return EbmsMessages.messageErrorFor(sentAs(OURS).header(), MessageId.of("err-1@hospital.test"), NOW,
                ErrorList.of(error));
    }

    /** Our message as the hospital received it. */
    private static EbmsMessage sentAs(MessageId id) {
        return EbmsMessageBuilder.withHeader(new MessageHeader(Party.of(LAB, "OrderFiller"),
                Party.of(HOSPITAL, "OrderPlacer"), DEMO, ConversationId.of("conv-out"), Messages.LABORATORY,
                "ORU_R01", new MessageData(id, NOW.minusSeconds(5), null, null), true, List.of())).build();
    }

    private MessageDetails details() {
        return store.findByMessageId(OURS).get(0);
    }

    private MessageEvent lastEvent() {
        List<MessageEvent> events = details().events();
        return events.get(events.size() - 1);
    }

    private static SubmittedMessage outbound() {
        MessageHeading heading = new MessageHeading(DEMO, ConversationId.of("conv-out"), OURS, "HL7-out", LAB,
                HOSPITAL, Messages.LABORATORY, "ORU_R01", NOW.minusSeconds(5));
        return new SubmittedMessage(InternalId.of("out-1"), heading, new DeliveryTerms(true, true, false, 4,
                Duration.ofSeconds(2), Duration.ofHours(1)), null, null, Messages.HOSPITAL_ENDPOINT, "\"ebXML\"",
                new WireBytes("text/xml", "<wire/>".getBytes(StandardCharsets.UTF_8)), NOW.minusSeconds(5),
                NOW.minusSeconds(5));
    }
}
