package org.ebrelay.app.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.port.out.StoreFixtures.HOSPITAL;
import static org.ebrelay.app.port.out.StoreFixtures.OTHER_CPA;
import static org.ebrelay.app.port.out.StoreFixtures.T0;
import static org.ebrelay.app.port.out.StoreFixtures.received;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HL7-level duplicate protection in the real H2 store: a known (CPAId, From party, HL7 id) under a new MessageId is
 * stored DUPLICATE, not delivered, in the registration's own transaction.
 */
class Hl7DuplicateStoreTest extends WithDatabase {
    private static final Instant WINDOW_END = T0.plus(Duration.ofDays(30));

    private MessageStore store;

    @BeforeEach
    void store() {
        store = new JdbcMessageStore(database);
    }

    private static InboundRegistration checked(StoreFixtures.Received message, Instant rememberUntil) {
        return checked(message, rememberUntil, message.build().id().value());
    }

    private static InboundRegistration checked(StoreFixtures.Received message, Instant rememberUntil, String id) {
        InboundRegistration r = message.build();
        return new InboundRegistration(InternalId.of(id), r.heading(), r.receivedAt(), r.wire(), r.state(), r.duplicateCheck(),
                r.reply(), r.deliveries(), r.detail(), new Hl7DuplicateCheck(rememberUntil));
    }

    private static InboundRegistration order(String key, Instant at) {
        return checked(received(key).hl7Id("ORDER-1").receivedAt(at), WINDOW_END);
    }

    private MessageDetails stored(String key) {
        List<MessageDetails> found = store.findByMessageId(MessageId.of(key + "@lab.example"));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private int deliveries() {
        return store.listDeliveries(HOSPITAL, true, 100).size();
    }

    @Test
    void aKnownHl7IdUnderANewMessageIdIsKeptAsADuplicateWithoutDeliveryAndBothMessagesSayWhy() {
        assertThat(store.register(order("first", T0))).isInstanceOf(RegistrationResult.Registered.class);

        RegistrationResult again = store.register(order("again", T0.plusSeconds(60)));

        assertThat(again).isEqualTo(new RegistrationResult.Hl7Duplicate(InternalId.of("in-again"),
                InternalId.of("in-first")));
        assertThat(deliveries()).isEqualTo(1);
        MessageDetails copy = stored("again");
        assertThat(copy.summary().state()).isEqualTo(InboundState.DUPLICATE);
        assertThat(copy.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.HL7_DUPLICATE);
            assertThat(e.detail()).contains("ORDER-1").contains("first@lab.example");
        });
        assertThat(stored("first").events()).extracting(MessageEvent::type)
                .containsExactly(EventType.RECEIVED, EventType.HL7_DUPLICATE);
        assertThat(stored("first").events().get(1).detail()).contains("again@lab.example");
    }

    @Test
    void theDuplicateResentUnderItsOwnMessageIdGetsItsOwnStoredAcknowledgment() {
        store.register(order("first", T0));
        store.register(order("again", T0.plusSeconds(60)));

        RegistrationResult resent = store.register(order("again", T0.plusSeconds(90)));

        assertThat(resent).isInstanceOfSatisfying(RegistrationResult.Duplicate.class, d -> {
            assertThat(d.original()).isEqualTo(InternalId.of("in-again"));
            assertThat(new String(d.reply().body())).isEqualTo("ack for again@lab.example");
        });
        assertThat(deliveries()).isEqualTo(1);
    }

    @Test
    void theSameHl7IdUnderAnotherCpaIsAnotherMessage() {
        store.register(order("first", T0));

        RegistrationResult other = store.register(checked(received("other").hl7Id("ORDER-1").cpa(OTHER_CPA),
                WINDOW_END));

        assertThat(other).isInstanceOf(RegistrationResult.Registered.class);
        assertThat(deliveries()).isEqualTo(2);
    }

    @Test
    void withoutTheCheckOrWithoutAnHl7IdEveryNewMessageIdIsDelivered() {
        store.register(order("first", T0));

        assertThat(store.register(received("unchecked").hl7Id("ORDER-1").build()))
                .isInstanceOf(RegistrationResult.Registered.class);
        assertThat(store.register(checked(received("no-id-1").hl7Id(null), WINDOW_END)))
                .isInstanceOf(RegistrationResult.Registered.class);
        assertThat(store.register(checked(received("no-id-2").hl7Id(null), WINDOW_END)))
                .isInstanceOf(RegistrationResult.Registered.class);
        assertThat(deliveries()).isEqualTo(4);
    }

    @Test
    void theSameMessageIdAgainWithoutDuplicateEliminationIsDeliveredAgainAsRmR5Asks() {
        store.register(checked(received("first").hl7Id("ORDER-1").withoutDuplicateElimination(), WINDOW_END));

        RegistrationResult copy = store.register(checked(received("first").hl7Id("ORDER-1")
                .withoutDuplicateElimination().deliveries(new NewDelivery(DeliveryId.of("dlv-copy"), HOSPITAL, null)),
                WINDOW_END, "in-first-copy"));

        assertThat(copy).isEqualTo(new RegistrationResult.Registered(InternalId.of("in-first-copy")));
        assertThat(deliveries()).isEqualTo(2);
        assertThat(store.register(order("new-id", T0.plusSeconds(5))))
                .as("still remembered for the first copy")
                .isEqualTo(new RegistrationResult.Hl7Duplicate(InternalId.of("in-new-id"), InternalId.of("in-first")));
    }

    @Test
    void aRejectedMessageLeavesNoHl7IdBehind() {
        store.register(checked(received("refused").hl7Id("ORDER-1").rejected(), WINDOW_END));

        assertThat(store.register(order("first", T0.plusSeconds(5))))
                .isInstanceOf(RegistrationResult.Registered.class);
    }

    @Test
    void onceTheWindowHasPassedTheHl7IdIsNewAgainAndThePurgeForgetsIt() {
        Instant end = T0.plus(Duration.ofHours(1));
        store.register(checked(received("first").hl7Id("ORDER-1"), end));

        assertThat(store.register(checked(received("late").hl7Id("ORDER-1").receivedAt(end), WINDOW_END)))
                .as("not yet purged, but expired").isInstanceOf(RegistrationResult.Registered.class);
        assertThat(store.register(checked(received("later").hl7Id("ORDER-1").receivedAt(end.plusSeconds(1)),
                WINDOW_END))).as("now remembered for the late copy")
                .isEqualTo(new RegistrationResult.Hl7Duplicate(InternalId.of("in-later"), InternalId.of("in-late")));

        store.register(checked(received("b").hl7Id("ORDER-2"), end));
        assertThat(store.purgeRememberedHl7Ids(end.minusSeconds(1), 100)).isZero();
        assertThat(store.purgeRememberedHl7Ids(end, 100)).isEqualTo(1);
        assertThat(store.register(checked(received("b-again").hl7Id("ORDER-2").receivedAt(end), WINDOW_END)))
                .isInstanceOf(RegistrationResult.Registered.class);
    }
}
