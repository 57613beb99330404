package org.ebrelay.adapter.jdbc;

import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.MllpOrigins;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.NewMessageId;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.hl7;
import static org.ebrelay.app.ServiceFixtures.received;
import static org.ebrelay.app.ServiceFixtures.submitted;
import static org.ebrelay.app.ServiceFixtures.userMessage;
import static org.ebrelay.app.ServiceFixtures.wire;

/** Origins of MLLP submissions and answers stored with the confirmation of the delivery they answer, on real H2. */
class JdbcMllpAnswersTest extends WithDatabase {
    private MessageStore store;
    private JdbcMllpAnswers answers;

    @BeforeEach
    void stores() {
        store = new JdbcMessageStore(database);
        answers = new JdbcMllpAnswers(database);
    }

    @Test
    void anOriginIsFoundByItsHl7IdByItsMessageIdAndByItsConversation() {
        EbmsMessage order = sendOrder("order-1", "HL7-1");

        assertThat(answers.record(MessageId.of("order-1"), "HL7-1", "lab-orders", "his", T0)).isTrue();

        MllpOrigins.Origin expected = new MllpOrigins.Origin(InternalId.of("out-order-1"), "HL7-1", "lab-orders",
                "his");
        assertThat(answers.byHl7Id("HL7-1")).contains(expected);
        assertThat(answers.byMessageId(MessageId.of("order-1"))).contains(expected);
        assertThat(answers.byConversation(order.header().conversationId())).contains(expected);
        assertThat(answers.byHl7Id("HL7-2")).isEmpty();
        assertThat(answers.byConversation(ConversationId.of("another"))).isEmpty();
    }

    @Test
    void anAnswerReferringToARegeneratedMessageIdFindsTheOriginToo() {
        sendOrder("order-1", "HL7-1");
        answers.record(MessageId.of("order-1"), "HL7-1", "lab-orders", "his", T0);
        EbmsMessage renamed = userMessage("order-1-bis", HOSPITAL, LAB, "OML_O21", T0.plusSeconds(60));

        store.assignNewMessageId(new NewMessageId(InternalId.of("out-order-1"), OutboundState.QUEUED,
                MessageId.of("order-1-bis"), T0.plusSeconds(60), null, wire(renamed), T0.plusSeconds(60)));

        assertThat(answers.byMessageId(MessageId.of("order-1-bis"))).map(MllpOrigins.Origin::returnTo)
                .contains("his");
    }

    @Test
    void originsRecordedBeforeTheCutOffAreForgottenOldestFirstAndTheOthersKept() {
        sendOrder("order-1", "HL7-1");
        sendOrder("order-2", "HL7-2");
        sendOrder("order-3", "HL7-3");
        answers.record(MessageId.of("order-1"), "HL7-1", "lab-orders", "his", T0);
        answers.record(MessageId.of("order-2"), "HL7-2", "lab-orders", "his", T0.plusSeconds(10));
        answers.record(MessageId.of("order-3"), "HL7-3", "lab-orders", "his", T0.plusSeconds(20));

        assertThat(answers.purgeOrigins(T0.plusSeconds(20), 1)).isEqualTo(1);
        assertThat(answers.byHl7Id("HL7-1")).isEmpty();
        assertThat(answers.byHl7Id("HL7-2")).isPresent();

        assertThat(answers.purgeOrigins(T0.plusSeconds(20), 10)).isEqualTo(1);
        assertThat(answers.byHl7Id("HL7-2")).isEmpty();
        assertThat(answers.byHl7Id("HL7-3")).isPresent();
    }

    @Test
    void noOriginIsRecordedForAMessageThatIsNotStored() {
        assertThat(answers.record(MessageId.of("never-stored"), "HL7-9", "lab-orders", "his", T0)).isFalse();
        assertThat(answers.byHl7Id("HL7-9")).isEmpty();
    }

    @Test
    void anAnswerIsStoredInTheTransactionThatConfirmsTheDeliveryAndOnlyOnce() {
        receiveOrder("in-1", "order-1", "dlv-1");
        EbmsMessage ack = userMessage("ack-1", LAB, HOSPITAL, "ORU_R01", T0.plusSeconds(5));

        ConfirmResult first = answers.confirmWithAnswer(DeliveryId.of("dlv-1"), T0.plusSeconds(5),
                submitted("out-ack-1", ack, "ACK-1", T0.plusSeconds(5)), "answered");
        ConfirmResult second = answers.confirmWithAnswer(DeliveryId.of("dlv-1"), T0.plusSeconds(6),
                submitted("out-ack-2", userMessage("ack-2", LAB, HOSPITAL, "ORU_R01", T0.plusSeconds(6)), "ACK-2",
                        T0.plusSeconds(6)), "answered again");

        assertThat(first).isEqualTo(ConfirmResult.CONFIRMED);
        assertThat(second).isEqualTo(ConfirmResult.ALREADY_CONFIRMED);
        assertThat(store.findDelivery(DeliveryId.of("dlv-1")).orElseThrow().confirmed()).isTrue();
        assertThat(store.findByHl7Id("ACK-1")).singleElement()
                .satisfies(m -> assertThat(m.summary().state().code()).isEqualTo("QUEUED"));
        assertThat(store.findByHl7Id("ACK-2")).isEmpty();
        assertThat(store.findByHl7Id("HL7-in-1")).singleElement().satisfies(m -> assertThat(m.events())
                .anySatisfy(e -> assertThat(e.detail()).isEqualTo("answered")));
    }

    private EbmsMessage sendOrder(String messageId, String hl7Id) {
        EbmsMessage order = userMessage(messageId, HOSPITAL, LAB, "OML_O21", T0, hl7("c-" + messageId, hl7Id));
        store.insert(submitted("out-" + messageId, order, hl7Id, T0));
        return order;
    }

    private void receiveOrder(String internalId, String messageId, String deliveryId) {
        EbmsMessage order = userMessage(messageId, HOSPITAL, LAB, "OML_O21", T0,
                hl7("c-" + messageId, "HL7-" + internalId));
        store.register(received(internalId, order, "HL7-" + internalId, T0.plusSeconds(1),
                new NewDelivery(DeliveryId.of(deliveryId), LAB, T0.plusSeconds(1))));
    }
}
