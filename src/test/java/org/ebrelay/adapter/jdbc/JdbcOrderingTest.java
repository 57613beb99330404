package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.DuplicateCheck;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.OrderGap;
import org.ebrelay.app.port.out.OrderedDeliveries;
import org.ebrelay.app.port.out.RegistrationResult;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ordered delivery on a real H2 database: numbering on the sender, hold and release on the receiver. */
class JdbcOrderingTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final CpaId CPA = CpaId.of("urn:cpa:ordered");
    private static final ConversationId FEED = ConversationId.of("adt-feed");
    private static final PartyId HOSPITAL = PartyId.of("urn:oid:1.2", "HOSPITAL");
    private static final PartyId LAB = PartyId.of("urn:oid:1.2", "LAB");
    private static final int NO_LIMIT = 1_000;

    private JdbcOrdering ordering;
    private JdbcMessageStore store;

    @BeforeEach
    void connect() {
        ordering = new JdbcOrdering(database);
        store = new JdbcMessageStore(database);
    }

    // --- the sender's numbers

    @Test
    void aConversationIsNumberedFromZeroWithResetThenContinueAndEachConversationOnItsOwn() {
        assertThat(number("a", FEED)).isEqualTo(new MessageOrder(0, SequenceStatus.RESET));
        assertThat(number("b", FEED)).isEqualTo(new MessageOrder(1, SequenceStatus.CONTINUE));
        assertThat(number("c", ConversationId.of("other"))).isEqualTo(new MessageOrder(0, SequenceStatus.RESET));
        assertThat(number("d", FEED)).isEqualTo(new MessageOrder(2, SequenceStatus.CONTINUE));
        assertThat(events(InternalId.of("out-b"))).filteredOn(e -> e.type() == EventType.SEQUENCED).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("sequence 1 (Continue)").contains("adt-feed"));
    }

    @Test
    void afterTheLastNumberTheSequenceWrapsToZeroWithReset() {
        ordering.setNextNumber(CPA, FEED, MessageOrder.MAX_SEQUENCE_NUMBER - 1);

        assertThat(number("a", FEED).sequenceNumber()).isEqualTo(99_999_998L);
        assertThat(number("b", FEED)).isEqualTo(new MessageOrder(99_999_999L, SequenceStatus.CONTINUE));
        assertThat(number("c", FEED)).isEqualTo(new MessageOrder(0, SequenceStatus.RESET));
        assertThat(number("d", FEED)).isEqualTo(new MessageOrder(1, SequenceStatus.CONTINUE));
    }

    @Test
    void aSubmissionThatCannotBeStoredUsesNoNumber() {
        number("a", FEED);

        assertThatThrownBy(() -> number("a", FEED)).isInstanceOf(IllegalArgumentException.class);

        assertThat(number("b", FEED).sequenceNumber()).isEqualTo(1);
    }

    @Test
    void concurrentSubmissionsToOneConversationTakeDistinctConsecutiveNumbers() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<MessageOrder>> numbers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "m" + i;
            numbers.add(threads.submit(() -> number(key, FEED)));
        }
        List<Long> taken = new ArrayList<>();
        for (Future<MessageOrder> n : numbers) {
            taken.add(n.get().sequenceNumber());
        }
        threads.shutdown();

        assertThat(taken).containsExactlyInAnyOrderElementsOf(
                java.util.stream.LongStream.range(0, 40).boxed().toList());
    }

    // --- the receiver's hold and release

    @Test
    void messagesArrivingInOrderAreReleasedOneAtATimeAsEachIsDelivered() {
        assertThat(receive(0).released()).isTrue();
        assertThat(receive(1).released()).isFalse();
        assertThat(unconfirmed()).containsExactly("dlv-0");
        assertThat(detailsOf("in-1", EventType.HELD_FOR_ORDER)).singleElement().asString()
                .contains("sequence 0 (message msg-0@lab) is not delivered yet");

        store.confirm(DeliveryId.of("dlv-0"), T0.plusSeconds(1));

        assertThat(unconfirmed()).containsExactly("dlv-1");
        assertThat(detailsOf("in-1", EventType.RELEASED_IN_ORDER)).hasSize(1);
    }

    @Test
    void aMessageOvertakingAnEarlierOneIsHeldUntilTheGapFillsThenTheyGoInSequence() {
        receive(0);
        confirmAll();
        receive(3);
        receive(2);
        assertThat(detailsOf("in-3", EventType.HELD_FOR_ORDER)).singleElement().asString()
                .contains("sequence 1 has not arrived").contains("1 later message(s) held");
        assertThat(unconfirmed()).isEmpty();

        receive(1);
        assertThat(unconfirmed()).containsExactly("dlv-1");
        confirmAll();
        assertThat(unconfirmed()).containsExactly("dlv-2");
        confirmAll();
        assertThat(unconfirmed()).containsExactly("dlv-3");
        confirmAll();
        assertThat(ordering.held(10)).isEmpty();
        assertThat(store.listInbound(InboundState.DELIVERED, 100)).hasSize(4);
    }

    @Test
    void aDuplicateOfAHeldMessageChangesNothingAndIsNotDeliveredTwice() {
        receive(0);
        receive(2);

        OrderedDeliveries.OrderedRegistration again = ordering.register(registration(2), MessageOrder.numbered(2),
                NO_LIMIT);

        assertThat(again.result()).isInstanceOf(RegistrationResult.Duplicate.class);
        assertThat(ordering.held(10)).singleElement().satisfies(g -> assertThat(g.held()).isEqualTo(1));
    }

    @Test
    void theSequenceWrapsFrom99999999ToAResetZeroAndAnEarlyResetWaitsForItsTurn() throws Exception {
        startStreamAt(99_999_998L);
        receiveNumbered(0);
        receiveNumbered(99_999_999L);
        receiveNumbered(99_999_998L);

        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            delivered.addAll(unconfirmed());
            confirmAll();
        }

        assertThat(delivered).containsExactly("dlv-99999998", "dlv-99999999", "dlv-0");
    }

    @Test
    void moreHeldThanTheLimitIsReportedOncePerGap() {
        receive(0);
        confirmAll();
        assertThat(ordering.register(registration(2), MessageOrder.numbered(2), 2).reported()).isNull();
        assertThat(ordering.register(registration(3), MessageOrder.numbered(3), 2).reported()).isNull();

        OrderGap reported = ordering.register(registration(4), MessageOrder.numbered(4), 2).reported();
        OrderGap again = ordering.register(registration(5), MessageOrder.numbered(5), 2).reported();

        assertThat(reported).isNotNull();
        assertThat(reported.waitingFor()).isEqualTo(1);
        assertThat(reported.from()).isEqualTo(HOSPITAL);
        assertThat(again).isNull();
        assertThat(detailsOf("in-4", EventType.ORDER_GAP_REPORTED)).singleElement().asString()
                .contains("more than 2 held").contains("sequence 1 has not arrived");
    }

    @Test
    void aGapWaitingLongerThanTheLimitIsReportedOnceWithAnEventOnTheOldestHeldMessage() {
        receive(0);
        confirmAll();
        receive(2, T0.plusSeconds(10));
        receive(3, T0.plusSeconds(20));

        assertThat(ordering.reportOverdue(T0.plusSeconds(5), T0.plusSeconds(60))).isEmpty();
        List<OrderGap> overdue = ordering.reportOverdue(T0.plusSeconds(15), T0.plusSeconds(60));
        List<OrderGap> later = ordering.reportOverdue(T0.plusSeconds(100), T0.plusSeconds(120));

        assertThat(overdue).singleElement().satisfies(g -> {
            assertThat(g.waitingFor()).isEqualTo(1);
            assertThat(g.held()).isEqualTo(2);
        });
        assertThat(later).isEmpty();
        assertThat(detailsOf("in-2", EventType.ORDER_GAP_REPORTED)).singleElement().asString()
                .contains("held longer than the limit").contains("sequence 1 has not arrived");
    }

    @Test
    void anOperatorSkipsAGapThatNeverFillsAndTheHeldMessagesGoOnInOrderWithTheSkipAudited() {
        receive(0);
        confirmAll();
        receive(4);
        receive(3);

        OrderedDeliveries.GapSkip skip = ordering.skipGap(CPA, FEED, "alice (sender lost them)", T0.plusSeconds(5))
                .orElseThrow();

        assertThat(skip.skippedFrom()).isEqualTo(1);
        assertThat(skip.skippedTo()).isEqualTo(2);
        assertThat(skip.released()).containsExactly("msg-3@lab");
        assertThat(unconfirmed()).containsExactly("dlv-3");
        assertThat(detailsOf("in-3", EventType.ORDER_GAP_SKIPPED)).singleElement().asString()
                .contains("alice").contains("skipped sequence 1..2");
        confirmAll();
        assertThat(unconfirmed()).containsExactly("dlv-4");
        assertThat(ordering.skipGap(CPA, ConversationId.of("unknown"), "alice", T0)).isEmpty();
    }

    @Test
    void anOperatorStopsLaterMessagesWaitingForOneWhoseDeliveryGaveUp() {
        receive(0);
        receive(1);

        OrderedDeliveries.GapSkip skip = ordering.skipGap(CPA, FEED, "bob", T0.plusSeconds(5)).orElseThrow();

        assertThat(skip.released()).containsExactly("msg-1@lab");
        assertThat(unconfirmed()).containsExactly("dlv-0", "dlv-1");
        assertThat(detailsOf("in-0", EventType.ORDER_GAP_SKIPPED)).singleElement().asString()
                .contains("bob").contains("stays in the inbox");
    }

    @Test
    void aReceiverSeeingASenderStartAfreshSkipsToTheHeldReset() {
        receive(0);
        confirmAll();
        receive(1);
        confirmAll();
        // the sender lost its counter: a new sequence starts while 2 was expected
        receiveNumbered(0, "restart-0");

        ordering.skipGap(CPA, FEED, "carol", T0.plusSeconds(5)).orElseThrow();

        assertThat(unconfirmed()).containsExactly("dlv-restart-0");
    }

    @Test
    void conversationsAreIndependent() {
        receive(1);
        OrderedDeliveries.OrderedRegistration other = ordering.register(
                registration("x0", ConversationId.of("other-feed"), T0), MessageOrder.numbered(0), NO_LIMIT);

        assertThat(other.released()).isTrue();
        assertThat(unconfirmed()).containsExactly("dlv-x0");
    }

    // --- helpers

    private MessageOrder number(String key, ConversationId conversation) {
        return ordering.insertNumbered(CPA, conversation, order -> submitted(key, conversation));
    }

    private static SubmittedMessage submitted(String key, ConversationId conversation) {
        MessageHeading heading = new MessageHeading(CPA, conversation, MessageId.of("out-" + key + "@hospital"),
                null, HOSPITAL, LAB, Service.of(null, "urn:svc"), "ADT_A01", T0);
        return new SubmittedMessage(InternalId.of("out-" + key), heading, new DeliveryTerms(true, true, false, 3,
                Duration.ofSeconds(30), Duration.ofHours(1)), null, null, "http://lab/ebms", "\"ebXML\"",
                new WireBytes("text/xml", ("wire " + key).getBytes(StandardCharsets.UTF_8)), T0, T0);
    }

    private OrderedDeliveries.OrderedRegistration receive(long number) {
        return receive(number, T0);
    }

    private OrderedDeliveries.OrderedRegistration receive(long number, Instant at) {
        return ordering.register(registration(String.valueOf(number), FEED, at), MessageOrder.numbered(number),
                NO_LIMIT);
    }

    private void receiveNumbered(long number) {
        receiveNumbered(number, String.valueOf(number));
    }

    private void receiveNumbered(long number, String key) {
        ordering.register(registration(key, FEED, T0), MessageOrder.numbered(number), NO_LIMIT);
    }

    /** A conversation whose receiver expects {@code next}, as after a long run of messages. */
    private void startStreamAt(long next) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO order_streams (cpa_id, conversation_id, from_party_type,"
                    + " from_party_value, next_expected, updated_at) VALUES ('" + CPA.value() + "', '"
                    + FEED.value() + "', 'urn:oid:1.2', 'HOSPITAL', " + next + ", 0)");
        }
    }

    private static InboundRegistration registration(long number) {
        return registration(String.valueOf(number), FEED, T0);
    }

    private static InboundRegistration registration(String key, ConversationId conversation, Instant at) {
        MessageHeading heading = new MessageHeading(CPA, conversation, MessageId.of("msg-" + key + "@lab"), null,
                HOSPITAL, LAB, Service.of(null, "urn:svc"), "ADT_A01", at);
        return new InboundRegistration(InternalId.of("in-" + key), heading, at,
                new WireBytes("text/xml", ("wire " + key).getBytes(StandardCharsets.UTF_8)), InboundState.RECEIVED,
                new DuplicateCheck(("digest " + key).getBytes(StandardCharsets.UTF_8), at.plusSeconds(3600)), null,
                List.of(new NewDelivery(DeliveryId.of("dlv-" + key), LAB, null)), "received");
    }

    private List<String> unconfirmed() {
        return store.listDeliveries(null, false, 100).stream().map(d -> d.id().value()).toList();
    }

    private void confirmAll() {
        for (Delivery d : store.listDeliveries(null, false, 100)) {
            store.confirm(d.id(), T0.plusSeconds(1));
        }
    }

    private List<MessageEvent> events(InternalId message) {
        return store.eventsAfter(0, 10_000).stream().filter(e -> e.message().equals(message)).toList();
    }

    private List<String> detailsOf(String key, EventType type) {
        return events(InternalId.of(key)).stream().filter(e -> e.type() == type).map(MessageEvent::detail).toList();
    }
}
