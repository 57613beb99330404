package org.ebrelay.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
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
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MessageId chain on the real dispatcher and store (demo CPA: Retries 4 every PT2S, PersistDuration PT1H): a
 * partner's TimeToLiveExpired answer, acknowledgments for earlier ids of the chain, and a slow-retry wake-up that
 * passed while the node was stopped.
 */
class MessageIdRenewalTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CpaId DEMO = CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1");
    private static final PartyId HOSPITAL = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
    private static final PartyId LAB = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:NRL-0042");

    private final TestClock clock = new TestClock(T0);
    private final SoapCodec codec = new SoapCodec(new EbmsDecoder());
    private final UuidIdGenerator ids = new UuidIdGenerator("node-test");
    private final AtomicReference<Function<EbmsMessage, SendOutcome>> script = new AtomicReference<>();
    private ScriptedPartner partner;
    private JdbcMessageStore store;
    private SignalHandler signals;
    private OutboundDispatcher dispatcher;
    private SubmitMessageService submit;

    @BeforeEach
    void start() {
        store = new JdbcMessageStore(database);
        partner = new ScriptedPartner(codec, clock).answering(request -> script.get().apply(request));
        signals = new SignalHandler(store, new PendingReplies(clock, Duration.ofMinutes(1)));
        AgreementRegistry agreements = new AgreementRegistry(List.of(
                new CpaFileLoader(clock).load(Path.of("cpa/demo-hospital-lab.xml")).agreement()));
        submit = new SubmitMessageService(agreements, new LocalParties(List.of(HOSPITAL)),
                new OutboundMessageFactory(ids, new TimeToLiveRule()), codec, message -> dispatcher.accept(message), ids,
                new Hl7MessageIds(), clock);
        startDispatcher();
    }

    private void startDispatcher() {
        dispatcher = new OutboundDispatcher(store, partner, codec, signals, RetrySetup.defaults(ids,
                new TimeToLiveRule()), clock, NodeId.of("node-test"), new DispatchSettings(16, 16,
                Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofMillis(20)), OutboundListener.NONE);
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        dispatcher.close();
    }

    @Test
    void aTimeToLiveExpiredAnswerRenewsTheMessageIdAndTheNextAttemptGoesUnderTheNewOne() {
        partner.taking(Duration.ofSeconds(1));
        script.set(request -> partner.replyWith(EbmsMessages.messageErrorFor(request.header(),
                MessageId.of("err@lab"), clock.instant(), ErrorList.of(EbmsError.error(ErrorCode.TIME_TO_LIVE_EXPIRED,
                        "//Header/MessageHeader/MessageData/TimeToLive", "expired on receipt")))));
        String first = send("ORD-TTL").messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> details().messageIds().size() == 2
                && details().summary().state() == OutboundState.RETRYING);
        script.set(request -> partner.replyWith(EbmsMessages.acknowledgmentOf(request, MessageId.of("ack@lab"),
                clock.instant(), clock.instant(), List.of())));

        clock.advance(Duration.ofSeconds(2));
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> details().summary().state() == OutboundState.COMPLETE);

        MessageDetails done = details();
        assertThat(partner.sent()).extracting(s -> s.message().messageId().value())
                .containsExactly(first, done.messageIds().get(1).value());
        assertThat(done.summary().heading().messageId()).isEqualTo(done.messageIds().get(1));
        assertThat(partner.lastRequest().header().messageData().timeToLive()).as("a new TimeToLive")
                .isAfter(partner.sent().get(0).message().header().messageData().timeToLive());
        assertThat(done.events()).extracting(MessageEvent::type).containsSubsequence(EventType.SEND_STARTED,
                EventType.MESSAGE_ID_REGENERATED, EventType.SEND_FAILED, EventType.SEND_STARTED,
                EventType.ACKNOWLEDGED);
    }

    @Test
    void anAsynchronousTimeToLiveExpiredErrorIsNotedAndDoesNotFailTheMessage() {
        script.set(request -> new SendOutcome.Answered(204, null));
        String first = send("ORD-TTL-ASYNC").messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> details().summary().state() == OutboundState.AWAITING_ACK);

        signals.handle(EbmsMessages.messageErrorFor(partner.lastRequest().header(), MessageId.of("err2@lab"),
                clock.instant(), ErrorList.of(EbmsError.error(ErrorCode.TIME_TO_LIVE_EXPIRED, null, "expired"))),
                clock.instant());

        assertThat(details().summary().state()).isEqualTo(OutboundState.AWAITING_ACK);
        assertThat(details().events()).last().satisfies(e -> assertThat(e.detail()).contains("TimeToLiveExpired")
                .contains("new MessageId"));
        assertThat(details().messageIds()).extracting(MessageId::value).containsExactly(first);
    }

    @Test
    void anAckForAnEarlierIdOfTheChainSettlesTheMessageAndALaterOneChangesNothing() {
        script.set(request -> new SendOutcome.RetryableFailure("connection refused", null));
        String first = send("ORD-CHAIN").messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> partner.sent().size() == 1
                && details().summary().state() == OutboundState.RETRYING);
        clock.advance(Duration.ofMinutes(56)); // past the regeneration rule: the next attempt gets a new id
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> partner.sent().size() == 2
                && details().summary().state() == OutboundState.RETRYING);
        assertThat(details().messageIds()).hasSize(2);

        EbmsMessage firstSent = partner.sent().get(0).message();
        signals.handle(EbmsMessages.acknowledgmentOf(firstSent, MessageId.of("late-ack-1@lab"), clock.instant(),
                clock.instant(), List.of()), clock.instant());
        assertThat(details().summary().state()).as("settled by the first id").isEqualTo(OutboundState.COMPLETE);

        signals.handle(EbmsMessages.acknowledgmentOf(firstSent, MessageId.of("late-ack-2@lab"), clock.instant(),
                clock.instant(), List.of()), clock.instant());
        MessageDetails after = details();
        assertThat(after.summary().state()).isEqualTo(OutboundState.COMPLETE);
        assertThat(after.events()).last().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.ACK_IGNORED);
            assertThat(e.detail()).contains("late-ack-2@lab");
        });
        assertThat(first).isEqualTo(after.messageIds().get(0).value());
    }

    @Test
    void aSlowRetryWakeUpThatPassedWhileTheNodeWasStoppedIsSentAsSoonAsItStarts() {
        script.set(request -> new SendOutcome.RetryableFailure("connection refused", null));
        send("ORD-RESTART");
        for (int attempt = 1; attempt <= 5; attempt++) {
            int made = attempt;
            await().atMost(Duration.ofSeconds(10)).until(() -> partner.sent().size() == made
                    && details().summary().state() != OutboundState.SENDING);
            clock.advance(Duration.ofSeconds(2));
            dispatcher.wake();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> details().summary().state() == OutboundState.SLOW_RETRY);
        dispatcher.close();

        clock.advance(Duration.ofHours(6)); // the node was down; the wake-up was due long ago
        script.set(request -> partner.replyWith(EbmsMessages.acknowledgmentOf(request, MessageId.of("ack@lab"),
                clock.instant(), clock.instant(), List.of())));
        startDispatcher();

        await().atMost(Duration.ofSeconds(10)).until(() -> details().summary().state() == OutboundState.COMPLETE);
        assertThat(partner.sent()).hasSize(6);
        assertThat(details().events()).extracting(MessageEvent::type).containsSubsequence(
                EventType.SLOW_RETRY_ENTERED, EventType.SLOW_RETRY_WAKE_UP, EventType.MESSAGE_ID_REGENERATED,
                EventType.ACKNOWLEDGED);
    }

    private SubmissionResult.Accepted send(String hl7Id) {
        this.hl7Id = hl7Id;
        byte[] er7 = ("MSH|^~\\&|HIS|RGH|LIS|NRL|20261122100000||OML^O21^OML_O21|" + hl7Id + "|P|2.5.1\r")
                .getBytes(StandardCharsets.UTF_8);
        SubmissionResult result = submit.submit(new Submission(DEMO, null, "OML_O21", null, LAB,
                List.of(new Submission.Payload("application/hl7-v2", er7)), null, null));
        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        return (SubmissionResult.Accepted) result;
    }

    private String hl7Id;

    private MessageDetails details() {
        return store.findByHl7Id(hl7Id).get(0);
    }
}
