package org.ebrelay.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.ebrelay.adapter.cpa.CpaFileLoader;
import org.ebrelay.adapter.hl7.Hl7MessageIds;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.jdbc.JdbcOrdering;
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
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.signing.Signatures;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.SequenceStatus;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions on an ordered channel (the demo CPA with MessageOrderSemantics Guaranteed and asynchronous
 * acknowledgments) through the real submission service, store and dispatcher: numbered per conversation, and the
 * number kept through retries and a new MessageId.
 */
class OrderedSubmissionTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final CpaId DEMO = CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1");
    private static final PartyId HOSPITAL = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
    private static final PartyId LAB = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:NRL-0042");
    private static final ConversationId FEED = ConversationId.of("adt-feed");

    @TempDir
    Path cpaDir;
    private final TestClock clock = new TestClock(T0);
    private final SoapCodec codec = new SoapCodec(new EbmsDecoder());
    private final UuidIdGenerator ids = new UuidIdGenerator("node-test");
    private final AtomicReference<Function<EbmsMessage, SendOutcome>> script = new AtomicReference<>();
    private ScriptedPartner partner;
    private OutboundDispatcher dispatcher;
    private AgreementRegistry agreements;
    private JdbcMessageStore store;

    @BeforeEach
    void start() throws Exception {
        store = new JdbcMessageStore(database);
        partner = new ScriptedPartner(codec, clock).answering(request -> script.get().apply(request));
        String xml = Files.readString(Path.of("cpa/demo-hospital-lab.xml"))
                .replace("tns:syncReplyMode=\"mshSignalsOnly\" tns:ackRequested=\"always\"",
                        "tns:syncReplyMode=\"none\" tns:ackRequested=\"always\"")
                .replace("NotGuaranteed", "Guaranteed");
        Path cpa = Files.writeString(cpaDir.resolve("ordered.xml"), xml);
        agreements = new AgreementRegistry(List.of(new CpaFileLoader(clock).load(cpa).agreement()));
        dispatcher = new OutboundDispatcher(store, partner, codec, new SignalHandler(store,
                new PendingReplies(clock, Duration.ofMinutes(1))), RetrySetup.defaults(ids, new TimeToLiveRule()),
                clock, NodeId.of("node-test"), new DispatchSettings(16, 16, Duration.ofMinutes(2),
                Duration.ofSeconds(5), Duration.ofMillis(20)), OutboundListener.NONE);
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        dispatcher.close();
    }

    @Test
    void messagesOfOneConversationGoOutNumberedFromZeroWithResetAndNeverWithSyncReply() {
        script.set(request -> new SendOutcome.Answered(204, null));

        send(numbering(), "ADT-1", FEED);
        send(numbering(), "ADT-2", FEED);
        send(numbering(), "ADT-3", ConversationId.of("another-feed"));

        await().atMost(Duration.ofSeconds(10)).until(() -> partner.sent().size() == 3);
        assertThat(partner.sent()).extracting(s -> s.message().messageOrder()).containsExactlyInAnyOrder(
                new MessageOrder(0, SequenceStatus.RESET), new MessageOrder(1, SequenceStatus.CONTINUE),
                new MessageOrder(0, SequenceStatus.RESET));
        assertThat(partner.sent()).allSatisfy(s -> assertThat(s.message().syncReply()).isFalse());
    }

    @Test
    void aRetryUnderANewMessageIdKeepsTheSequenceNumber() {
        script.set(request -> new SendOutcome.RetryableFailure("connection refused", null));
        send(numbering(), "ADT-A", FEED);
        String second = send(numbering(), "ADT-B", FEED).messageId();
        await().atMost(Duration.ofSeconds(10)).until(() -> partner.sent().size() == 2);

        clock.advance(Duration.ofMinutes(56)); // past the regeneration rule: the next attempts get new ids
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(10)).until(() -> partner.sent().size() == 4
                && store.findByHl7Id("ADT-B").get(0).summary().state() == OutboundState.RETRYING);

        List<EbmsMessage> ofSecond = partner.sent().stream().map(ScriptedPartner.Sent::message)
                .filter(m -> m.payloads().stream().anyMatch(p -> new String(p.content(),
                        StandardCharsets.UTF_8).contains("ADT-B"))).toList();
        assertThat(ofSecond).hasSize(2);
        assertThat(ofSecond.get(0).messageId().value()).isEqualTo(second);
        assertThat(ofSecond.get(1).messageId().value()).isNotEqualTo(second);
        assertThat(ofSecond).extracting(EbmsMessage::messageOrder)
                .containsOnly(new MessageOrder(1, SequenceStatus.CONTINUE));
    }

    @Test
    void aSubmissionPathThatCannotNumberRefusesAnOrderedChannelRatherThanSendUnordered() {
        SubmissionResult result = submission(new SubmitMessageService(agreements,
                new LocalParties(List.of(HOSPITAL)), new OutboundMessageFactory(ids, new TimeToLiveRule()), codec,
                message -> dispatcher.accept(message), ids, new Hl7MessageIds(), clock), "ADT-X", FEED);

        assertThat(result).isInstanceOfSatisfying(SubmissionResult.Refused.class, r -> {
            assertThat(r.error()).isEqualTo("NotSupported");
            assertThat(r.detail()).contains("ordered delivery");
        });
    }

    private SubmitMessageService numbering() {
        return new SubmitMessageService(agreements, new LocalParties(List.of(HOSPITAL)),
                new OutboundMessageFactory(ids, new TimeToLiveRule()), codec, message -> dispatcher.accept(message),
                ids, new Hl7MessageIds(), clock, Signatures.DISABLED,
                new NumberedOutbox(new JdbcOrdering(database), dispatcher::wake));
    }

    private SubmissionResult.Accepted send(SubmitMessageService service, String hl7Id, ConversationId feed) {
        SubmissionResult result = submission(service, hl7Id, feed);
        assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
        return (SubmissionResult.Accepted) result;
    }

    private static SubmissionResult submission(SubmitMessageService service, String hl7Id, ConversationId feed) {
        byte[] er7 = ("MSH|^~\\&|HIS|RGH|LIS|NRL|20261122100000||OML^O21^OML_O21|" + hl7Id + "|P|2.5.1\r")
                .getBytes(StandardCharsets.UTF_8);
        return service.submit(new Submission(DEMO, null, "OML_O21", null, LAB,
                List.of(new Submission.Payload("application/hl7-v2", er7)), null, feed));
    }
}
