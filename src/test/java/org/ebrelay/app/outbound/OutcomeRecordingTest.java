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
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.OutboundMessages;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.EbmsMessages;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outcomes of concurrent attempts are recorded concurrently, so that they can share one group commit. Each
 * outcome thread waits for its commit; a pool of 4 capped a node at 4 completions per commit whatever the load.
 */
class OutcomeRecordingTest extends WithDatabase {
    private static final int MESSAGES = 12;
    private static final CpaId DEMO = CpaId.of("urn:ebrelay:demo:cpa:hospital-lab:1");
    private static final PartyId HOSPITAL = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:RGH-0001");
    private static final PartyId LAB = PartyIds.parse("urn:oid:2.16.840.1.113883.19.5:NRL-0042");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final SoapCodec codec = new SoapCodec(new EbmsDecoder());
    private final CountDownLatch allRecording = new CountDownLatch(MESSAGES);
    private final CountDownLatch release = new CountDownLatch(1);
    private OutboundDispatcher dispatcher;

    @AfterEach
    void stop() {
        release.countDown();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }

    /** The real store, except that recording an attempt first waits until every message's outcome is being recorded. */
    private OutboundMessages recordingTogether(JdbcMessageStore store) {
        return (OutboundMessages) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {OutboundMessages.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recordAttempt")) {
                        allRecording.countDown();
                        release.await(10, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void theOutcomesOfManyAttemptsAreRecordedAtTheSameTimeNotAFewAtATime() throws InterruptedException {
        JdbcMessageStore store = new JdbcMessageStore(database);
        ScriptedPartner partner = new ScriptedPartner(codec, clock);
        partner.answering(request -> partner.replyWith(EbmsMessages.acknowledgmentOf(request,
                MessageId.of("ack-" + request.header().messageData().messageId().value()), clock.instant(),
                clock.instant(), List.of())));
        UuidIdGenerator ids = new UuidIdGenerator("node-test");
        dispatcher = new OutboundDispatcher(recordingTogether(store), partner, codec,
                new SignalHandler(store, new PendingReplies(clock, Duration.ofMinutes(1))),
                RetrySetup.defaults(ids, new TimeToLiveRule()), clock, NodeId.of("node-test"),
                new DispatchSettings(MESSAGES, MESSAGES, Duration.ofMinutes(2), Duration.ofSeconds(5),
                        Duration.ofMillis(20)), OutboundListener.NONE);
        AgreementRegistry agreements = new AgreementRegistry(List.of(
                new CpaFileLoader(clock).load(Path.of("cpa/demo-hospital-lab.xml")).agreement()));
        SubmitMessageService submit = new SubmitMessageService(agreements, new LocalParties(List.of(HOSPITAL)),
                new OutboundMessageFactory(ids, new TimeToLiveRule()), codec, dispatcher, ids, new Hl7MessageIds(),
                clock);
        dispatcher.start();

        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= MESSAGES; i++) {
            byte[] er7 = ("MSH|^~\\&|HIS|RGH|LIS|NRL|20261122100000||OML^O21^OML_O21|ORD-" + i + "|P|2.5.1\r")
                    .getBytes(StandardCharsets.UTF_8);
            SubmissionResult result = submit.submit(new Submission(DEMO, null, "OML_O21", null, LAB,
                    List.of(new Submission.Payload("application/hl7-v2", er7)), null, null));
            sent.add(((SubmissionResult.Accepted) result).messageId());
        }

        assertThat(allRecording.await(10, TimeUnit.SECONDS))
                .as("all %d outcomes under way at once (%d never started)", MESSAGES, allRecording.getCount())
                .isTrue();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.stream().allMatch(id ->
                store.findByMessageId(MessageId.of(id)).get(0).summary().state() == OutboundState.COMPLETE));
    }
}
