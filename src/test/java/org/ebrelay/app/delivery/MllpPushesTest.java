package org.ebrelay.app.delivery;

import org.ebrelay.adapter.webhook.HttpApplicationWebhook;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.TestStore;
import org.ebrelay.app.hl7.Hl7Fields;
import org.ebrelay.app.hl7.Hl7Route;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.LocalHl7Systems;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.domain.message.EbmsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.CODEC;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.hl7;
import static org.ebrelay.app.ServiceFixtures.received;
import static org.ebrelay.app.ServiceFixtures.userMessage;

/** MLLP as a push channel over the real store: what each answer of the local system does to the delivery. */
class MllpPushesTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    private static TestStore testStore;
    private static MessageStore store;
    private final TestClock clock = new TestClock(T0.plusSeconds(10));
    private final ScriptedSystem his = new ScriptedSystem();

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

    @Test
    void anAaConfirmsTheDeliveryAndTheMessageIsSentAsStored() {
        receiveResult("a");
        his.answers.add(new LocalHl7Systems.Hl7Answer("AA", null));

        assertThat(pusher(2).pushDue()).isEqualTo(1);

        assertThat(delivery("a").confirmed()).isTrue();
        assertThat(his.sent).singleElement().satisfies(text -> assertThat(text)
                .isEqualTo(new String(hl7("x", "HL7-a").content(), StandardCharsets.UTF_8)));
    }

    @Test
    void noAnswerOrAnArIsSentAgainAfterTheIntervalUntilTheRetriesRunOut() {
        receiveResult("a");
        his.answers.add(LocalHl7Systems.Hl7Answer.noAnswer("connection refused"));
        his.answers.add(new LocalHl7Systems.Hl7Answer("AR", "busy"));

        pusher(1).pushDue();
        assertThat(delivery("a").nextPushAt()).isEqualTo(clock.instant().plus(INTERVAL));
        clock.advance(INTERVAL);
        pusher(1).pushDue();

        Delivery gaveUp = delivery("a");
        assertThat(gaveUp.confirmed()).isFalse();
        assertThat(gaveUp.nextPushAt()).isNull();
        assertThat(gaveUp.lastPushError()).contains("HL7 AR: busy").contains("gave up after 2 sends");
    }

    @Test
    void anAeIsNotSentAgain() {
        receiveResult("a");
        his.answers.add(new LocalHl7Systems.Hl7Answer("AE", "unknown patient"));

        pusher(5).pushDue();

        Delivery failed = delivery("a");
        assertThat(failed.nextPushAt()).isNull();
        assertThat(failed.lastPushError()).contains("HL7 AE: unknown patient").contains("not sent again");
        assertThat(his.sent).hasSize(1);
    }

    @Test
    void aMessageNoDestinationTakesByItsHl7FieldsIsLeftToTheWebhookChannel() {
        receiveResult("a");
        MllpDestination onlyAdt = new MllpDestination("pas", null, null, null,
                new Hl7Route.Matcher(null, null, null, null, "ADT", null), "127.0.0.1", 2576, 2, INTERVAL);

        new WebhookPusher(store, CODEC, WebhookRouting.none(), new HttpApplicationWebhook(Duration.ofSeconds(1),
                Duration.ofSeconds(1)), new MllpPushes(List.of(onlyAdt), his, store, clock), clock).pushDue();

        assertThat(his.sent).isEmpty();
        assertThat(delivery("a").lastPushError()).contains("no webhook or MLLP destination");
    }

    private WebhookPusher pusher(int retries) {
        MllpDestination results = new MllpDestination("his", null, null, "ORU_R01",
                new Hl7Route.Matcher("LAB", null, null, null, "ORU", "R01"), "127.0.0.1", 2576, retries, INTERVAL);
        return new WebhookPusher(store, CODEC, WebhookRouting.none(), new HttpApplicationWebhook(
                Duration.ofSeconds(1), Duration.ofSeconds(1)), new MllpPushes(List.of(results), his, store, clock),
                clock);
    }

    private void receiveResult(String key) {
        EbmsMessage result = userMessage(key + "@nrl.example", LAB, HOSPITAL, "ORU_R01", T0,
                hl7("hl7-" + key + "@nrl.example", "HL7-" + key));
        store.register(received("in-" + key, result, "HL7-" + key, T0.plusSeconds(1),
                new NewDelivery(DeliveryId.of("dlv-" + key), HOSPITAL, T0.plusSeconds(1))));
    }

    private Delivery delivery(String key) {
        return store.findDelivery(DeliveryId.of("dlv-" + key)).orElseThrow();
    }

    /** A local system answering from a script; reads MSH fields by a plain split (the adapter uses its own). */
    private static final class ScriptedSystem implements LocalHl7Systems {
        final Deque<Hl7Answer> answers = new ArrayDeque<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public Optional<Hl7Fields> fields(String contentType, byte[] content) {
            String[] f = new String(content, StandardCharsets.UTF_8).split("\r")[0].split("\\|", -1);
            String[] type = f[8].split("\\^");
            return Optional.of(new Hl7Fields(f[2], f[3], f[4], f[5], type[0], type.length > 1 ? type[1] : null, f[9]));
        }

        @Override
        public Hl7Answer send(String host, int port, String contentType, byte[] content) {
            sent.add(new String(content, StandardCharsets.UTF_8));
            return answers.isEmpty() ? Hl7Answer.noAnswer("nothing scripted") : answers.poll();
        }
    }
}
