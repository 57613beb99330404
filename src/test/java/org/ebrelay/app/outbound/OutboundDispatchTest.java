package org.ebrelay.app.outbound;

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
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.ErrorList;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.FastRetryPolicy;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Submission and the dispatcher on the real store and codec, against a scripted partner, on a clock the test moves:
 * the demo CPA says Retries 4 every PT2S with a synchronous acknowledgment (digest §13.2).
 */
class OutboundDispatchTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CpaId DEMO = CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1");
    private static final PartyId HOSPITAL = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
    private static final PartyId LAB = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:NRL-0042");
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);

    private final TestClock clock = new TestClock(T0);
    private final SoapCodec codec = new SoapCodec(new EbmsDecoder());
    private final List<Instant> attemptTimes = new CopyOnWriteArrayList<>();
    private ScriptedPartner partner;
    private JdbcMessageStore store;
    private SignalHandler signals;
    private OutboundDispatcher dispatcher;
    private SubmitMessageService submit;

    @BeforeEach
    void start() {
        store = new JdbcMessageStore(database);
        partner = new ScriptedPartner(codec, clock);
        signals = new SignalHandler(store, new PendingReplies(clock, Duration.ofMinutes(1)));
        dispatcher = new OutboundDispatcher(store, partner, codec, signals, new FastRetryPolicy(), clock,
                NodeId.of("node-test"), new DispatchSettings(16, 16, Duration.ofMinutes(2), Duration.ofSeconds(5),
                Duration.ofMillis(20)), OutboundListener.NONE);
        AgreementRegistry agreements = new AgreementRegistry(List.of(
                new CpaFileLoader(clock).load(Path.of("cpa/demo-hospital-lab.xml")).agreement(),
                new CpaFileLoader(clock).load(Path.of("cpa/example-hl7v2-laboratory.xml")).agreement()));
        UuidIdGenerator ids = new UuidIdGenerator("node-test");
        submit = new SubmitMessageService(agreements, new LocalParties(List.of(HOSPITAL)),
                new OutboundMessageFactory(ids, new TimeToLiveRule()), codec, dispatcher, ids, new Hl7MessageIds(), clock);
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        dispatcher.close();
    }

    private void script(Function<EbmsMessage, SendOutcome> answer) {
        partner.answering(request -> {
            attemptTimes.add(clock.instant());
            return answer.apply(request);
        });
    }

    private SubmissionResult.Accepted send(String hl7Id) {
        byte[] er7 = ("MSH|^~\\&|HIS|RGH|LIS|NRL|20261122100000||OML^O21^OML_O21|" + hl7Id + "|P|2.5.1\r"
                + "PID|1||123456^^^RGH^MR||Doe^Jane\r").getBytes(StandardCharsets.UTF_8);
        SubmissionResult result = submit.submit(new Submission(DEMO, null, "OML_O21", null, LAB,
                List.of(new Submission.Payload("application/hl7-v2", er7)), null, null));
        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        return (SubmissionResult.Accepted) result;
    }

    private MessageDetails details(String messageId) {
        return store.findByMessageId(MessageId.of(messageId)).get(0);
    }

    private OutboundState state(String messageId) {
        return (OutboundState) details(messageId).summary().state();
    }

    private void awaitState(String messageId, OutboundState expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> state(messageId) == expected);
    }

    @Test
    void aSynchronousAcknowledgmentCompletesTheMessageAfterOneAttempt() {
        script(request -> partner.replyWith(EbmsMessages.acknowledgmentOf(request, MessageId.of("ack-1@lab"),
                clock.instant(), clock.instant(), List.of())));

        SubmissionResult.Accepted accepted = send("ORD-1");

        assertThat(accepted.hl7MessageId()).isEqualTo("ORD-1");
        awaitState(accepted.messageId(), OutboundState.COMPLETE);
        assertThat(partner.sent()).hasSize(1);
        EbmsMessage sent = partner.lastRequest();
        assertThat(sent.kind()).isEqualTo(MessageKind.USER_MESSAGE);
        assertThat(sent.ackRequested()).isNotNull();
        assertThat(sent.header().duplicateElimination()).isTrue();
        assertThat(sent.syncReply()).isTrue();
        assertThat(sent.header().messageData().timeToLive()).as("TTL before Timestamp + PersistDuration")
                .isAfter(T0).isBefore(T0.plus(Duration.ofHours(1)));
        assertThat(partner.sent().get(0).endpoint().toString()).isEqualTo("http://127.0.0.1:8082/ebms");
        assertThat(details(accepted.messageId()).events()).extracting(e -> e.type())
                .containsExactly(EventType.SUBMITTED, EventType.SEND_STARTED, EventType.ACKNOWLEDGED);
    }

    @Test
    void aPartnerThatIsDownGetsOnePlusRetriesAttemptsRetryIntervalApartThenManualHandling() {
        script(request -> new SendOutcome.RetryableFailure("connection refused", null));

        String id = send("ORD-2").messageId();

        for (int attempt = 1; attempt <= 4; attempt++) {
            int made = attempt;
            await().atMost(Duration.ofSeconds(10)).until(() -> attemptTimes.size() == made
                    && state(id) == OutboundState.RETRYING);
            clock.advance(RETRY_INTERVAL.minusMillis(1));
            dispatcher.wake();
            assertThat(attemptTimes).as("not before RetryInterval").hasSize(made);
            clock.advance(Duration.ofMillis(1));
            dispatcher.wake();
        }
        awaitState(id, OutboundState.MANUAL);
        assertThat(attemptTimes).hasSize(5);
        for (int i = 1; i < attemptTimes.size(); i++) {
            assertThat(Duration.between(attemptTimes.get(i - 1), attemptTimes.get(i))).isEqualTo(RETRY_INTERVAL);
        }
        assertThat(details(id).events()).last().extracting(e -> e.type()).isEqualTo(EventType.RETRIES_EXHAUSTED);
    }

    @Test
    void withoutAnAcknowledgmentTheSameBytesAreSentAgainAndALateAsynchronousAckSettlesIt() {
        script(request -> new SendOutcome.Answered(204, null));
        String id = send("ORD-3").messageId();
        awaitState(id, OutboundState.AWAITING_ACK);

        clock.advance(RETRY_INTERVAL);
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> partner.sent().size() == 2);

        assertThat(partner.sent().get(1).wire().body()).as("RM-S3: byte-identical resend")
                .isEqualTo(partner.sent().get(0).wire().body());
        awaitState(id, OutboundState.AWAITING_ACK);
        signals.handle(EbmsMessages.acknowledgmentOf(partner.lastRequest(), MessageId.of("ack-late@lab"),
                clock.instant(), clock.instant(), List.of()), clock.instant());
        assertThat(state(id)).isEqualTo(OutboundState.COMPLETE);
    }

    @Test
    void aMessageErrorOnTheResponseFailsTheMessageAndStopsRetrying() {
        script(request -> partner.replyWith(EbmsMessages.messageErrorFor(request.header(), MessageId.of("err@lab"),
                clock.instant(), ErrorList.of(EbmsError.error(ErrorCode.VALUE_NOT_RECOGNIZED,
                        "//Header/MessageHeader/Action", "unknown action")))));

        String id = send("ORD-4").messageId();

        awaitState(id, OutboundState.FAILED);
        assertThat(details(id).events()).last().satisfies(e -> assertThat(e.detail())
                .contains("ValueNotRecognized").contains("unknown action"));
        clock.advance(RETRY_INTERVAL.multipliedBy(3));
        dispatcher.wake();
        assertThat(partner.sent()).hasSize(1);
    }

    @Test
    void aPermanentHttpRefusalFailsTheMessage() {
        script(request -> new SendOutcome.PermanentFailure("Not Found", 404, null));

        String id = send("ORD-5").messageId();

        awaitState(id, OutboundState.FAILED);
        assertThat(details(id).summary().lastReason()).contains("404");
    }

    @Test
    void submissionsTheCpaDoesNotAllowAreRefusedWithAReason() {
        byte[] er7 = "MSH|^~\\&|A|B|C|D|20261122||ORU^R01|X1|P|2.5.1\r".getBytes(StandardCharsets.UTF_8);
        List<Submission.Payload> payload = List.of(new Submission.Payload("application/hl7-v2", er7));

        assertThat(submit.submit(new Submission(CpaId.of("urn:nope"), null, "OML_O21", null, LAB, payload, null,
                null))).extracting(r -> ((SubmissionResult.Refused) r).error()).isEqualTo("UnknownCpa");
        assertThat(submit.submit(new Submission(DEMO, null, "ORU_R01", null, LAB, payload, null, null)))
                .as("the hospital does not send results").extracting(r -> ((SubmissionResult.Refused) r).error())
                .isEqualTo("UnknownAction");
        assertThat(submit.submit(new Submission(DEMO, null, "OML_O21", null, PartyIds.parse("urn:x:y:NOBODY"),
                payload, null, null))).extracting(r -> ((SubmissionResult.Refused) r).error())
                .isEqualTo("UnknownParty");
        assertThat(submit.submit(new Submission(DEMO, null, "OML_O21", null, LAB, List.of(), null, null)))
                .extracting(r -> ((SubmissionResult.Refused) r).error()).isEqualTo("InvalidPayload");
        assertThat(submit.submit(new Submission(CpaId.of("urn:example:cpa:RGH-0001:NRL-0042:hl7v2-laboratory:1"),
                null, "OML_O21", null, LAB, payload, null, null)))
                .as("signing comes with the security issue").extracting(r -> ((SubmissionResult.Refused) r).error())
                .isEqualTo("NotSupported");
        assertThat(partner.sent()).isEmpty();
    }
}
