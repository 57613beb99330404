package org.ebrelay.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.SoapCodec;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.ScriptedPartner;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.UuidIdGenerator;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.inbound.SignalHandler;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageEvent;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.SlowRetryResolver;
import org.ebrelay.domain.retry.SlowRetrySettings;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A three-day partner outage on a hand-moved clock, with the real dispatcher, store and codec. The demo CPA: Retries 4
 * every PT2S, PersistDuration PT1H (a MessageId may go out until 55 min after its Timestamp); slow retry wakes up
 * after 15 min, 30 min, 1 h, 2 h, then every 4 h (the defaults). The test moves the clock to each due time.
 */
class SlowRetryOutageTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CpaId DEMO = CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1");
    private static final PartyId HOSPITAL = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
    private static final PartyId LAB = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:NRL-0042");
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
    private static final Duration OUTAGE = Duration.ofDays(3);

    private record Attempt(Instant at, MessageId messageId, String conversationId, String payload) {
    }

    private final TestClock clock = new TestClock(T0);
    private final SoapCodec codec = new SoapCodec(new EbmsDecoder());
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private volatile boolean partnerUp;
    private String hl7Id;
    private JdbcMessageStore store;
    private OutboundDispatcher dispatcher;
    private SubmitMessageService submit;

    @BeforeEach
    void start() {
        store = new JdbcMessageStore(database);
        ScriptedPartner partner = new ScriptedPartner(codec, clock).answering(request -> {
            attempts.add(new Attempt(clock.instant(), request.messageId(), request.header().conversationId().value(),
                    new String(request.payloads().get(0).content(), StandardCharsets.UTF_8)));
            return partnerUp ? new ScriptedPartner(codec, clock).replyWith(EbmsMessages.acknowledgmentOf(request,
                    MessageId.of("ack-" + attempts.size() + "@lab"), clock.instant(), clock.instant(), List.of()))
                    : new SendOutcome.RetryableFailure("connection refused", null);
        });
        UuidIdGenerator ids = new UuidIdGenerator("node-test");
        RetrySetup retry = RetrySetup.defaults(ids, new TimeToLiveRule())
                .withSlowRetry(SlowRetryResolver.of(SlowRetrySettings.DEFAULTS));
        dispatcher = new OutboundDispatcher(store, partner, codec,
                new SignalHandler(store, new PendingReplies(clock, Duration.ofMinutes(1))), retry, clock,
                NodeId.of("node-test"), new DispatchSettings(16, 16, Duration.ofMinutes(2), Duration.ofSeconds(5),
                Duration.ofMillis(20)), recordingListener());
        AgreementRegistry agreements = new AgreementRegistry(List.of(
                new CpaFileLoader(clock).load(Path.of("cpa/demo-hospital-lab.xml")).agreement()));
        submit = new SubmitMessageService(agreements, new LocalParties(List.of(HOSPITAL)),
                new OutboundMessageFactory(ids, new TimeToLiveRule()), codec, dispatcher, ids, new Hl7MessageIds(), clock);
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        dispatcher.close();
    }

    @Test
    void aThreeDayOutageRunsThroughSlowRetryAndRegenerationsAndTheMessageCompletesOnceUnderItsNewestId() {
        SubmissionResult.Accepted accepted = send("ORD-OUTAGE-1");

        int made = 0;
        while (true) {
            made = awaitAttempt(made + 1);
            MessageDetails now = details();
            if (now.summary().state() == OutboundState.COMPLETE) {
                break;
            }
            Instant due = now.summary().nextAttemptAt();
            if (!due.isBefore(T0.plus(OUTAGE)) && !partnerUp) {
                partnerUp = true; // the partner is back after three days; the next wake-up finds it
            }
            clock.set(due);
            dispatcher.wake();
        }

        List<Instant> sequenceStarts = expectedSequenceStarts();
        assertThat(sequenceStarts).as("the last wake-up is the first after the outage").hasSize(23)
                .last().satisfies(last -> assertThat(last).isAfter(T0.plus(OUTAGE)));
        assertThat(attempts).extracting(Attempt::at).as("1 + Retries attempts RetryInterval apart per sequence")
                .containsExactlyElementsOf(expectedAttemptTimes(sequenceStarts));

        List<MessageId> ids = new ArrayList<>(new LinkedHashSet<>(attempts.stream().map(Attempt::messageId).toList()));
        assertThat(ids).as("the first id until 55 min after its Timestamp, then one new id per wake-up").hasSize(21)
                .first().isEqualTo(MessageId.of(accepted.messageId()));
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            boolean firstOfSequence = i % 5 == 0;
            int sequence = i / 5;
            boolean renewed = i > 0 && !a.messageId().equals(attempts.get(i - 1).messageId());
            assertThat(renewed).as("attempt %d at %s under a new id", i + 1, a.at())
                    .isEqualTo(firstOfSequence && sequence >= 3);
        }
        assertThat(attempts).extracting(Attempt::conversationId).containsOnly(attempts.get(0).conversationId());
        assertThat(attempts).extracting(Attempt::payload).as("the same HL7 message every time")
                .allSatisfy(p -> assertThat(p).contains("|ORD-OUTAGE-1|"));

        MessageDetails done = details();
        assertThat(done.summary().state()).isEqualTo(OutboundState.COMPLETE);
        assertThat(done.summary().heading().messageId()).as("completed under the newest id").isEqualTo(ids.get(20));
        assertThat(done.summary().heading().hl7Id()).isEqualTo("ORD-OUTAGE-1");
        assertThat(done.messageIds()).containsExactlyElementsOf(ids);
        assertThat(count(done, EventType.SLOW_RETRY_ENTERED)).isEqualTo(22);
        assertThat(count(done, EventType.SLOW_RETRY_WAKE_UP)).isEqualTo(22);
        assertThat(count(done, EventType.MESSAGE_ID_REGENERATED)).isEqualTo(20);
        assertThat(count(done, EventType.ACKNOWLEDGED)).isEqualTo(1);
        assertThat(done.events()).last().extracting(MessageEvent::type).isEqualTo(EventType.ACKNOWLEDGED);
        assertThat(told).filteredOn(t -> t.startsWith("exhausted")).hasSize(22)
                .allSatisfy(t -> assertThat(t).doesNotEndWith("null"));
        // listeners hear of a message after its commit, on the thread that made it: wait for the last word
        await().until(() -> told.contains("completed " + ids.get(20)));
        assertThat(told).filteredOn(t -> t.startsWith("regenerated")).hasSize(20);
        assertThat(told).filteredOn(t -> t.startsWith("completed")).containsExactly("completed " + ids.get(20));
    }

    @Test
    void slowRetryThatRunsOutLeavesTheMessageWaitingForAnOperator() {
        // maxAge 1 h: wake-ups after 15 and 30 min fit, the one after 1 h more does not
        dispatcherWith(new SlowRetrySettings(true, Duration.ofMinutes(15), 2.0, Duration.ofHours(4), null,
                Duration.ofHours(1)));
        send("ORD-OUTAGE-2");

        int made = 0;
        while (details().summary().state() != OutboundState.MANUAL) {
            made = awaitAttempt(made + 1);
            if (details().summary().nextAttemptAt() != null) {
                clock.set(details().summary().nextAttemptAt());
                dispatcher.wake();
            }
        }

        MessageDetails manual = details();
        assertThat(attempts).hasSize(15);
        assertThat(count(manual, EventType.SLOW_RETRY_WAKE_UP)).isEqualTo(2);
        assertThat(manual.events()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.SLOW_RETRY_EXHAUSTED);
            assertThat(e.detail()).contains("maximum age").contains("connection refused");
        });
        // listeners hear of a change after its commit, on the outcome thread: the state may be read first
        String manualNotice = "manual " + manual.summary().heading().messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> told.contains(manualNotice));
    }

    private void dispatcherWith(SlowRetrySettings settings) {
        dispatcher.close();
        UuidIdGenerator ids = new UuidIdGenerator("node-test");
        ScriptedPartner down = new ScriptedPartner(codec, clock).answering(request -> {
            attempts.add(new Attempt(clock.instant(), request.messageId(), "", ""));
            return new SendOutcome.RetryableFailure("connection refused", null);
        });
        dispatcher = new OutboundDispatcher(store, down, codec,
                new SignalHandler(store, new PendingReplies(clock, Duration.ofMinutes(1))),
                RetrySetup.defaults(ids, new TimeToLiveRule()).withSlowRetry(SlowRetryResolver.of(settings)), clock,
                NodeId.of("node-test"), new DispatchSettings(16, 16, Duration.ofMinutes(2), Duration.ofSeconds(5),
                Duration.ofMillis(20)), recordingListener());
        AgreementRegistry agreements = new AgreementRegistry(List.of(
                new CpaFileLoader(clock).load(Path.of("cpa/demo-hospital-lab.xml")).agreement()));
        submit = new SubmitMessageService(agreements, new LocalParties(List.of(HOSPITAL)),
                new OutboundMessageFactory(ids, new TimeToLiveRule()), codec, dispatcher, ids, new Hl7MessageIds(), clock);
        dispatcher.start();
    }

    /** Sequence starts: the first at once, then each wake-up 15m, 30m, 1h, 2h, 4h... after the previous sequence. */
    private static List<Instant> expectedSequenceStarts() {
        List<Duration> sleeps = List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
                Duration.ofHours(2));
        List<Instant> starts = new ArrayList<>(List.of(T0));
        Duration lastAttemptOffset = RETRY_INTERVAL.multipliedBy(4);
        while (!starts.get(starts.size() - 1).isAfter(T0.plus(OUTAGE))) {
            int round = starts.size();
            Duration sleep = round <= sleeps.size() ? sleeps.get(round - 1) : Duration.ofHours(4);
            starts.add(starts.get(starts.size() - 1).plus(lastAttemptOffset).plus(sleep));
        }
        return starts;
    }

    /** Five attempts RetryInterval apart per sequence; the last sequence succeeds at its first attempt. */
    private static List<Instant> expectedAttemptTimes(List<Instant> starts) {
        List<Instant> times = new ArrayList<>();
        for (int s = 0; s < starts.size() - 1; s++) {
            for (int a = 0; a < 5; a++) {
                times.add(starts.get(s).plus(RETRY_INTERVAL.multipliedBy(a)));
            }
        }
        times.add(starts.get(starts.size() - 1));
        return times;
    }

    private int awaitAttempt(int expected) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5)).until(() -> attempts.size() >= expected
                && details().summary().state() != OutboundState.SENDING);
        return attempts.size();
    }

    private SubmissionResult.Accepted send(String hl7Id) {
        this.hl7Id = hl7Id;
        byte[] er7 = ("MSH|^~\\&|HIS|RGH|LIS|NRL|20261122100000||OML^O21^OML_O21|" + hl7Id + "|P|2.5.1\r"
                + "PID|1||123456^^^RGH^MR||Doe^Jane\r").getBytes(StandardCharsets.UTF_8);
        SubmissionResult result = submit.submit(new Submission(DEMO, null, "OML_O21", null, LAB,
                List.of(new Submission.Payload("application/hl7-v2", er7)), null, null));
        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        return (SubmissionResult.Accepted) result;
    }

    private MessageDetails details() {
        return store.findByHl7Id(hl7Id).get(0);
    }

    private static long count(MessageDetails details, EventType type) {
        return details.events().stream().filter(e -> e.type() == type).count();
    }

    private OutboundListener recordingListener() {
        return new OutboundListener() {
            @Override
            public void retriesExhausted(MessageHeading heading, int made, String lastFailure, Instant next) {
                told.add("exhausted " + heading.messageId() + " " + made + " " + next);
            }

            @Override
            public void waitingForManualHandling(MessageHeading heading, String reason) {
                told.add("manual " + heading.messageId());
            }

            @Override
            public void messageIdRegenerated(MessageHeading heading, MessageId previous) {
                told.add("regenerated " + previous + " -> " + heading.messageId());
            }

            @Override
            public void completed(MessageHeading heading, Duration sinceCreated) {
                told.add("completed " + heading.messageId());
            }
        };
    }
}
