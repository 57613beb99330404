package org.ebrelay.app.delivery;

import org.ebrelay.adapter.jdbc.JdbcMllpAnswers;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.TestStore;
import org.ebrelay.app.hl7.Hl7Fields;
import org.ebrelay.app.hl7.Hl7Route;
import org.ebrelay.app.outbound.Outbox;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.LocalHl7Systems;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.Payload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.DEMO;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.received;
import static org.ebrelay.app.ServiceFixtures.submitted;
import static org.ebrelay.app.ServiceFixtures.userMessage;

/** HL7 answers both ways over the real store: what goes back to the partner, and where a partner's answer goes. */
class MllpAnswerPushesTest {
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final String ORDER = "MSH|^~\\&|HIS|RGH|LIS|NRL|20260302080000||OML^O21|ORD-1|P|2.5.1\r";
    private static final String ACK = "MSH|^~\\&|LIS|NRL|HIS|RGH|20260302080001||ACK^O21|ACK-1|P|2.5.1\rMSA|AA|ORD-1\r";

    @TempDir
    static Path dataDir;
    private static TestStore testStore;
    private static MessageStore store;
    private static JdbcMllpAnswers answers;
    private final TestClock clock = new TestClock(T0.plusSeconds(10));
    private final ScriptedSystem system = new ScriptedSystem();
    private final List<Submission> submissions = new ArrayList<>();
    private final AtomicInteger wakes = new AtomicInteger();

    @BeforeAll
    static void open() {
        testStore = new TestStore(dataDir);
        store = testStore.store();
        answers = new JdbcMllpAnswers(testStore.database());
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
    void anAaWithItsAckIsSentBackReferringToTheDeliveredMessageInTheTransactionThatConfirmsIt() {
        receive("in-1", "order-1@rgh", ORDER);
        system.answer = new LocalHl7Systems.Hl7Answer("AA", null).withReply(reply(ACK));

        pushes(lis(true), accepting()).push(store.findDelivery(DeliveryId.of("dlv-in-1")).orElseThrow(),
                payloads(ORDER), null);

        assertThat(store.findDelivery(DeliveryId.of("dlv-in-1")).orElseThrow().confirmed()).isTrue();
        assertThat(submissions).singleElement().satisfies(s -> {
            assertThat(s.refToMessageId()).isEqualTo(MessageId.of("order-1@rgh"));
            assertThat(s.from()).isEqualTo(LAB);
            assertThat(s.to()).isEqualTo(HOSPITAL);
            assertThat(s.action()).isEqualTo("ORU_R01");
            assertThat(s.conversationId().value()).isEqualTo("conv-order-1@rgh");
            assertThat(s.payloads().get(0).content()).isEqualTo(ACK.getBytes(StandardCharsets.UTF_8));
        });
        assertThat(store.findByMessageId(MessageId.of("answer-1"))).hasSize(1);
        assertThat(eventsOf("HL7-in-1")).anySatisfy(e -> assertThat(e).contains("goes back to the partner as answer-1"));
        assertThat(wakes).hasValue(1);
    }

    @Test
    void anAnswerTheCpaRefusesIsNotSentBackButTheDeliveryIsConfirmedWithANoteSayingWhy() {
        receive("in-1", "order-1@rgh", ORDER);
        system.answer = new LocalHl7Systems.Hl7Answer("AA", null).withReply(reply(ACK));

        pushes(lis(true), submission -> new SubmissionResult.Refused("UnknownAction", "no ORU_R01 from the lab"))
                .push(store.findDelivery(DeliveryId.of("dlv-in-1")).orElseThrow(), payloads(ORDER), null);

        assertThat(store.findDelivery(DeliveryId.of("dlv-in-1")).orElseThrow().confirmed()).isTrue();
        assertThat(eventsOf("HL7-in-1")).anySatisfy(e -> assertThat(e)
                .contains("was not sent back to the partner: UnknownAction: no ORU_R01 from the lab"));
        assertThat(wakes).hasValue(0);
    }

    @Test
    void anAnswerDeliveredToASystemIsNeverAnsweredBack() {
        receive("in-1", "ack-1@nrl", ACK);
        system.answer = new LocalHl7Systems.Hl7Answer("AA", null).withReply(reply(ACK));
        MllpDestination everything = new MllpDestination("his", null, null, null, Hl7Route.Matcher.ANY, "127.0.0.1",
                2576, 2, INTERVAL, true, null);

        pushes(everything, accepting()).push(store.findDelivery(DeliveryId.of("dlv-in-1")).orElseThrow(),
                payloads(ACK), null);

        assertThat(store.findDelivery(DeliveryId.of("dlv-in-1")).orElseThrow().confirmed()).isTrue();
        assertThat(submissions).isEmpty();
        assertThat(system.unacknowledged).hasSize(1);
    }

    @Test
    void aPartnersAnswerGoesToTheReturnDestinationOfTheOriginalsRouteWhateverItsFilters() {
        EbmsMessage order = userMessage("order-1@rgh", HOSPITAL, LAB, "OML_O21", T0);
        store.insert(submitted("out-1", order, "ORD-1", T0));
        answers.record(MessageId.of("order-1@rgh"), "ORD-1", "lab-orders", "engine", T0);
        receive("in-2", "ack-1@nrl", ACK);
        MllpDestination engine = new MllpDestination("engine", null, null, "NOTHING-MATCHES",
                Hl7Route.Matcher.ANY, "127.0.0.1", 2577, 2, INTERVAL);

        boolean pushed = new MllpPushes(List.of(engine), system, store, clock,
                new AnswerRouting(answers, Map.of("engine", engine), Set.of(DEMO.value())), null, store)
                .push(store.findDelivery(DeliveryId.of("dlv-in-2")).orElseThrow(), payloads(ACK), null);

        assertThat(pushed).isTrue();
        assertThat(system.unacknowledged).containsExactly("127.0.0.1:2577");
        assertThat(store.findDelivery(DeliveryId.of("dlv-in-2")).orElseThrow().confirmed()).isTrue();
    }

    @Test
    void anAnswerMatchingNoOriginalIsNotedAndLeftToTheOrdinaryDelivery() {
        receive("in-2", "ack-1@nrl", ACK);
        MllpDestination engine = new MllpDestination("engine", null, null, "NOTHING-MATCHES",
                Hl7Route.Matcher.ANY, "127.0.0.1", 2577, 2, INTERVAL);

        boolean pushed = new MllpPushes(List.of(engine), system, store, clock,
                new AnswerRouting(answers, Map.of("engine", engine), Set.of(DEMO.value())), null, store)
                .push(store.findDelivery(DeliveryId.of("dlv-in-2")).orElseThrow(), payloads(ACK), null);

        assertThat(pushed).isFalse();
        assertThat(system.unacknowledged).isEmpty();
        assertThat(eventsOf("HL7-in-2")).anySatisfy(e -> assertThat(e).contains("MSA-2 ORD-1")
                .contains("matches no message sent over MLLP"));
    }

    private MllpPushes pushes(MllpDestination destination, SubmitMessage submit) {
        Function<Outbox, SubmitMessage> submissions = outbox -> submission -> {
            this.submissions.add(submission);
            SubmissionResult result = submit.submit(submission);
            if (result instanceof SubmissionResult.Accepted) {
                EbmsMessage answer = userMessage("answer-1", LAB, HOSPITAL, submission.action(), clock.instant());
                outbox.accept(submitted("out-answer-1", answer, "ACK-1", clock.instant()));
            }
            return result;
        };
        return new MllpPushes(List.of(destination), system, store, clock, null,
                new AnswerReturn(submissions, answers, store, store, wakes::incrementAndGet), store);
    }

    private static SubmitMessage accepting() {
        return submission -> new SubmissionResult.Accepted("answer-1", "ACK-1", "QUEUED");
    }

    private static MllpDestination lis(boolean returnAcks) {
        return new MllpDestination("lis", null, null, null, Hl7Route.Matcher.ANY, "127.0.0.1", 2576, 2, INTERVAL,
                returnAcks, "ORU_R01");
    }

    private void receive(String key, String messageId, String er7) {
        EbmsMessage message = userMessage(messageId, HOSPITAL, LAB, "OML_O21", T0,
                Payload.text("c-" + key, "application/hl7-v2", er7));
        store.register(received(key, message, "HL7-" + key, T0.plusSeconds(1),
                new NewDelivery(DeliveryId.of("dlv-" + key), LAB, T0.plusSeconds(1))));
    }

    private static List<Payload> payloads(String er7) {
        return List.of(Payload.text("c-1", "application/hl7-v2", er7));
    }

    private static LocalHl7Systems.Reply reply(String er7) {
        return new LocalHl7Systems.Reply("application/hl7-v2; charset=UTF-8", er7.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> eventsOf(String hl7Id) {
        return store.findByHl7Id(hl7Id).stream().flatMap(m -> m.events().stream()).map(MessageEvent::detail).toList();
    }

    /** A local system answering as scripted; reads MSH and MSA by a plain split (the adapter uses its own). */
    private static final class ScriptedSystem implements LocalHl7Systems {
        Hl7Answer answer = Hl7Answer.noAnswer("nothing scripted");
        final List<String> unacknowledged = new ArrayList<>();

        @Override
        public Optional<Hl7Fields> fields(String contentType, byte[] content) {
            String[] f = new String(content, StandardCharsets.UTF_8).split("\r")[0].split("\\|", -1);
            String[] type = f[8].split("\\^");
            return Optional.of(new Hl7Fields(f[2], f[3], f[4], f[5], type[0], type.length > 1 ? type[1] : null, f[9]));
        }

        @Override
        public Optional<String> acknowledgedId(String contentType, byte[] content) {
            for (String segment : new String(content, StandardCharsets.UTF_8).split("\r")) {
                if (segment.startsWith("MSA|")) {
                    return Optional.of(segment.split("\\|", -1)[2]);
                }
            }
            return Optional.empty();
        }

        @Override
        public Hl7Answer send(String host, int port, String contentType, byte[] content) {
            return answer;
        }

        @Override
        public Hl7Answer sendUnacknowledged(String host, int port, String contentType, byte[] content) {
            unacknowledged.add(host + ":" + port);
            return new Hl7Answer("AA", null);
        }
    }
}
