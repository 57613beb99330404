package org.ebrelay.app.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.jdbc.JdbcNoticeStore;
import org.ebrelay.adapter.webhook.HttpApplicationWebhook;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.ServiceFixtures;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.delivery.Webhook;
import org.ebrelay.app.delivery.WebhookRouting;
import org.ebrelay.app.port.in.Inbox;
import org.ebrelay.app.port.in.NoticeView;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewMessageId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The listener over the real store: what the application finds in its notices (and on its webhook) and what the
 * administrators get, when the dispatcher reports failures.
 */
class NotificationListenerTest extends WithDatabase {
    private static final String PARTY = PartyIds.format(HOSPITAL);
    private static final Duration DIGEST = Duration.ofMinutes(15);

    private final TestClock clock = new TestClock(T0);
    private final RecordingChannel admins = new RecordingChannel();
    private final List<String> posts = new CopyOnWriteArrayList<>();
    private final List<Integer> answers = new CopyOnWriteArrayList<>();
    private HttpServer application;
    private JdbcMessageStore messages;
    private JdbcNoticeStore store;
    private AdminNotifier notifier;
    private NoticeService notices;

    @BeforeEach
    void setUp() throws IOException, SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM notices");
        }
        messages = new JdbcMessageStore(database);
        store = new JdbcNoticeStore(database);
        notifier = new AdminNotifier(new AlertAggregator(DIGEST, Duration.ofSeconds(5), 3), List.of(admins), clock,
                DIGEST);
        notices = new NoticeService(store, clock);
        application = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        application.createContext("/", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = answers.isEmpty() ? 200 : answers.remove(0);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        application.start();
    }

    @AfterEach
    void stopApplication() {
        application.stop(0);
    }

    private NotificationListener listener(WebhookRouting routing) {
        return new NotificationListener(store, notifier, routing, () -> { }, clock);
    }

    private MessageHeading stored(String messageId, String hl7Id) {
        EbmsMessage message = ServiceFixtures.userMessage(messageId, HOSPITAL, LAB, "OML_O21", T0,
                ServiceFixtures.hl7("p1", hl7Id));
        messages.insert(ServiceFixtures.submitted("key-" + messageId, message, hl7Id, T0));
        return ServiceFixtures.heading(message, hl7Id);
    }

    @Test
    void retriesExhaustedAndManualHandlingAreListedForTheSendingPartyWithTheIdsAndTheHl7Id() {
        MessageHeading m = stored("m1@hospital", "HL7-1");
        NotificationListener listener = listener(WebhookRouting.none());

        listener.retriesExhausted(m, 5, "connection refused", null);
        listener.waitingForManualHandling(m, "no acknowledgment after 5 attempts");

        List<NoticeView> listed = notices.list(PARTY, false);
        assertThat(listed).extracting(NoticeView::kind).containsExactly("RETRIES_EXHAUSTED", "MANUAL_HANDLING");
        assertThat(listed).allSatisfy(n -> {
            assertThat(n.messageId()).isEqualTo("m1@hospital");
            assertThat(n.messageIds()).containsExactly("m1@hospital");
            assertThat(n.hl7MessageId()).isEqualTo("HL7-1");
            assertThat(n.from()).isEqualTo(PARTY);
            assertThat(n.to()).isEqualTo(PartyIds.format(LAB));
            assertThat(n.createdAt()).isEqualTo(T0);
        });
        assertThat(listed.get(0).detail()).contains("5 attempt(s)").contains("connection refused");
        assertThat(notices.list(PartyIds.format(LAB), true)).as("another party's listing").isEmpty();
    }

    @Test
    void eachNoticeIsAlsoAnEventOnTheMessagesTimeline() {
        MessageHeading m = stored("m1b@hospital", "HL7-1B");

        listener(WebhookRouting.none()).waitingForManualHandling(m, "no acknowledgment after 5 attempts");

        assertThat(messages.eventsAfter(0, 1_000)).filteredOn(e -> e.message().equals(InternalId.of("key-m1b@hospital")))
                .filteredOn(e -> e.type() == EventType.NOTICE_CREATED).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("MANUAL_HANDLING: ").contains("5 attempts"));
    }

    @Test
    void retriesExhaustedIsNoticedOncePerMessageThoughSlowRetrySequencesEndTheSameWay() {
        MessageHeading m = stored("m2@hospital", "HL7-2");
        NotificationListener listener = listener(WebhookRouting.none());
        Instant slowRetry = T0.plus(Duration.ofMinutes(10));

        listener.retriesExhausted(m, 5, "HTTP 503", slowRetry);
        listener.retriesExhausted(m, 10, "HTTP 503", slowRetry.plus(Duration.ofMinutes(20)));

        assertThat(notices.list(PARTY, true)).singleElement().satisfies(n -> {
            assertThat(n.nextAttemptAt()).isEqualTo(slowRetry);
            assertThat(n.detail()).contains("slow retry from " + slowRetry);
        });
    }

    @Test
    void aRegenerationNoticeCarriesTheWholeChainAndThePreviousId() {
        MessageHeading first = stored("m3@hospital", "HL7-3");
        Instant later = T0.plus(Duration.ofHours(2));
        messages.assignNewMessageId(new NewMessageId(InternalId.of("key-m3@hospital"), OutboundState.QUEUED,
                MessageId.of("m3-bis@hospital"), later, later.plus(Duration.ofHours(1)),
                ServiceFixtures.wire(ServiceFixtures.userMessage("m3-bis@hospital", HOSPITAL, LAB, "OML_O21", later)),
                later));

        listener(WebhookRouting.none()).messageIdRegenerated(first.withMessageId(MessageId.of("m3-bis@hospital"),
                later), first.messageId());

        assertThat(notices.list(PARTY, false)).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo("MESSAGE_ID_REGENERATED");
            assertThat(n.messageId()).isEqualTo("m3-bis@hospital");
            assertThat(n.messageIds()).containsExactly("m3@hospital", "m3-bis@hospital");
            assertThat(n.previousMessageId()).isEqualTo("m3@hospital");
            assertThat(n.hl7MessageId()).isEqualTo("HL7-3");
        });
    }

    @Test
    void aConfirmedNoticeLeavesTheListingAndConfirmingAgainIsHarmless() {
        MessageHeading m = stored("m4@hospital", "HL7-4");
        listener(WebhookRouting.none()).failed(m, "MessageError: SecurityFailure (Error)");
        String id = notices.list(PARTY, false).get(0).noticeId();

        assertThat(notices.confirm(id)).isEqualTo(Inbox.ConfirmResult.CONFIRMED);
        assertThat(notices.confirm(id)).isEqualTo(Inbox.ConfirmResult.ALREADY_CONFIRMED);
        assertThat(notices.confirm("no-such-notice")).isEqualTo(Inbox.ConfirmResult.NOT_FOUND);
        assertThat(notices.list(PARTY, false)).isEmpty();
        assertThat(notices.list(PARTY, true)).singleElement().satisfies(n -> {
            assertThat(n.confirmed()).isTrue();
            assertThat(n.kind()).isEqualTo("FAILED");
            assertThat(n.detail()).contains("SecurityFailure");
        });
        assertThat(notices.get(id).noticeId()).isEqualTo(id);
    }

    @Test
    void aNoticeIsPushedAsJsonWithATypeFieldAndTheSameIdUntilTheApplicationTakesIt() {
        WebhookRouting routing = new WebhookRouting(List.of(new Webhook(null, null, null, URI.create("http://127.0.0.1:"
                + application.getAddress().getPort() + "/app"), 2, Duration.ofSeconds(30))));
        NoticePusher pusher = new NoticePusher(store, routing, new HttpApplicationWebhook(Duration.ofSeconds(2),
                Duration.ofSeconds(5)), clock);
        MessageHeading m = stored("m5@hospital", "HL7-5");
        answers.add(500);

        listener(routing).waitingForManualHandling(m, "slow retry exhausted");
        assertThat(pusher.pushDue()).isEqualTo(1);
        assertThat(pusher.pushDue()).as("not due again before the webhook's RetryInterval").isZero();
        clock.advance(Duration.ofSeconds(30));
        assertThat(pusher.pushDue()).isEqualTo(1);

        assertThat(posts).hasSize(2);
        String id = notices.list(PARTY, true).get(0).noticeId();
        assertThat(posts).allSatisfy(json -> assertThat(json).contains("\"type\":\"notice\"")
                .contains("\"noticeId\":\"" + id + "\"").contains("\"kind\":\"MANUAL_HANDLING\"")
                .contains("\"messageIds\":[\"m5@hospital\"]").contains("\"hl7MessageId\":\"HL7-5\""));
        assertThat(notices.get(id).confirmed()).as("a 2xx answer confirms it").isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(pusher.pushDue()).isZero();
    }

    @Test
    void aNoticeStaysListedWhenEveryPushFails() {
        WebhookRouting routing = new WebhookRouting(List.of(new Webhook(null, null, null, URI.create("http://127.0.0.1:"
                + application.getAddress().getPort() + "/app"), 1, Duration.ofSeconds(10))));
        NoticePusher pusher = new NoticePusher(store, routing, new HttpApplicationWebhook(Duration.ofSeconds(2),
                Duration.ofSeconds(5)), clock);
        answers.addAll(List.of(503, 503, 503));

        listener(routing).failed(stored("m6@hospital", "HL7-6"), "refused by the partner (HTTP 403)");
        pusher.pushDue();
        clock.advance(Duration.ofSeconds(10));
        pusher.pushDue();
        clock.advance(Duration.ofMinutes(10));

        assertThat(pusher.pushDue()).isZero();
        assertThat(posts).hasSize(2);
        assertThat(notices.list(PARTY, false)).singleElement().satisfies(n -> assertThat(n.confirmed()).isFalse());
    }

    @Test
    void administratorsHearOfTheOutageOnceAndOfItsEndWhenAMessageCompletes() {
        NotificationListener listener = listener(WebhookRouting.none());
        for (int i = 0; i < 20; i++) {
            MessageHeading m = stored("storm-" + i + "@hospital", "HL7-S" + i);
            listener.retriesExhausted(m, 3, "connection refused", null);
            listener.waitingForManualHandling(m, "no acknowledgment");
        }
        clock.advance(Duration.ofSeconds(5));
        notifier.sendDue();
        listener.completed(stored("back@hospital", "HL7-B"), Duration.ofSeconds(1));
        notifier.sendDue();

        assertThat(admins.sent).extracting(AdminNotice::type)
                .containsExactly(AdminNotice.Type.OUTAGE_STARTED, AdminNotice.Type.OUTAGE_ENDED);
        assertThat(admins.sent.get(0).counts()).containsEntry(org.ebrelay.app.port.out.NoticeKind.RETRIES_EXHAUSTED, 20);
        assertThat(admins.sent.get(0).examples()).hasSize(6);
        assertThat(notices.list(PARTY, false)).as("every message has its application notices").hasSize(40);
    }

    @Test
    void aChannelThatIsDownGetsTheSameNoticeAgainAtTheNextDigestAndNothingElseIsHeldUp() {
        admins.down = true;
        NotificationListener listener = listener(WebhookRouting.none());
        listener.retriesExhausted(stored("m7@hospital", "HL7-7"), 3, "connection refused", null);
        clock.advance(Duration.ofSeconds(5));

        assertThat(notifier.sendDue()).isZero();
        assertThat(notifier.unsent()).isEqualTo(1);
        assertThat(notices.list(PARTY, false)).as("the application's notice does not depend on SMTP").hasSize(1);
        admins.down = false;
        clock.advance(DIGEST.minusSeconds(1));
        assertThat(notifier.sendDue()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(notifier.sendDue()).isEqualTo(1);

        assertThat(admins.sent).extracting(AdminNotice::type).containsExactly(AdminNotice.Type.OUTAGE_STARTED);
        assertThat(notifier.unsent()).isZero();
    }
}
