package org.ebrelay.app.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;
import static org.ebrelay.app.port.out.StoreFixtures.CPA;
import static org.ebrelay.app.port.out.StoreFixtures.HOSPITAL;
import static org.ebrelay.app.port.out.StoreFixtures.LAB;
import static org.ebrelay.app.port.out.StoreFixtures.NODE_A;
import static org.ebrelay.app.port.out.StoreFixtures.NODE_B;
import static org.ebrelay.app.port.out.StoreFixtures.OTHER_CPA;
import static org.ebrelay.app.port.out.StoreFixtures.T0;
import static org.ebrelay.app.port.out.StoreFixtures.TERMS;
import static org.ebrelay.app.port.out.StoreFixtures.TTL;
import static org.ebrelay.app.port.out.StoreFixtures.at;
import static org.ebrelay.app.port.out.StoreFixtures.bytes;
import static org.ebrelay.app.port.out.StoreFixtures.messageId;
import static org.ebrelay.app.port.out.StoreFixtures.outId;
import static org.ebrelay.app.port.out.StoreFixtures.outbound;
import static org.ebrelay.app.port.out.StoreFixtures.outboundHeading;
import static org.ebrelay.app.port.out.StoreFixtures.received;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.retry.RetryFacts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageStore} must do. A subclass per database supplies an empty store for each test, and a
 * second store on the same database with its own writer, standing for a second node.
 */
public abstract class MessageStoreContract {

    /** An empty store (the same instance for the whole test). */
    protected abstract MessageStore store();

    /** Another store on the same database, as a second node would have. */
    protected abstract MessageStore otherNode();

    MessageDetails the(MessageId id) {
        List<MessageDetails> found = store().findByMessageId(id);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    MessageDetails the(String key) {
        return the(messageId(key));
    }

    MessageEvent lastEvent(String key) {
        List<MessageEvent> events = the(key).events();
        return events.get(events.size() - 1);
    }

    ClaimedMessage claimOne(MessageStore on, NodeId node, double now, double leaseUntil) {
        List<ClaimedMessage> claimed = on.claimDue(node, at(now), at(leaseUntil), 10);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    @Nested
    class Submitting {
        @Test
        void aSubmittedMessageIsStoredQueuedWithItsIdChainAndASubmittedEvent() {
            store().insert(outbound("a", at(1)));

            MessageDetails details = the("a");
            MessageSummary summary = details.summary();
            assertThat(summary.id()).isEqualTo(outId("a"));
            assertThat(summary.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(summary.state()).isEqualTo(OutboundState.QUEUED);
            assertThat(summary.heading()).isEqualTo(outboundHeading("a", "HL7-a"));
            assertThat(summary.attempts()).isZero();
            assertThat(summary.createdAt()).isEqualTo(T0);
            assertThat(summary.nextAttemptAt()).isEqualTo(at(1));
            assertThat(details.messageIds()).containsExactly(messageId("a"));
            assertThat(details.events()).singleElement().satisfies(event -> {
                assertThat(event.message()).isEqualTo(outId("a"));
                assertThat(event.time()).isEqualTo(T0);
                assertThat(event.type()).isEqualTo(EventType.SUBMITTED);
                assertThat(event.from()).isNull();
                assertThat(event.to()).isEqualTo(OutboundState.QUEUED);
                assertThat(event.detail()).isEqualTo("queued for http://lab.example/ebms");
            });
        }

        @Test
        void theCpaVersionAMessageWasResolvedAgainstIsStoredWithItAndShownByStatus() {
            SubmittedMessage a = outbound("a", T0);
            store().insert(new SubmittedMessage(a.id(), a.heading(), a.terms(), a.timeToLive(), a.deadline(),
                    a.endpointUrl(), a.soapAction(), a.wire(), a.submittedAt(), a.firstAttemptAt(), 7));
            store().insert(outbound("b", T0));

            assertThat(the("a").summary().cpaVersion()).isEqualTo(7);
            assertThat(the("b").summary().cpaVersion()).as("not known: none recorded").isNull();
        }

        @Test
        void storingTheSameInternalIdOrMessageIdAgainIsRefusedAndLeavesNothingBehind() {
            store().insert(outbound("a", T0));
            SubmittedMessage sameId = outbound("a", T0);
            SubmittedMessage sameMessageId = new SubmittedMessage(outId("b"), sameId.heading(), TERMS, TTL, null,
                    "http://lab.example/ebms", "\"ebXML\"", sameId.wire(), T0, T0);

            assertThatIllegalArgumentException().isThrownBy(() -> store().insert(sameId));
            assertThatIllegalArgumentException().isThrownBy(() -> store().insert(sameMessageId));

            assertThat(the("a").events()).hasSize(1);
            assertThat(store().listOutbound(OutboundState.QUEUED, 10)).extracting(MessageSummary::id)
                    .containsExactly(outId("a"));
        }
    }

    @Nested
    class Claiming {
        @Test
        void dueMessagesAreClaimedOldestFirstUpToTheLimit() {
            store().insert(outbound("c", at(2)));
            store().insert(outbound("a", at(0)));
            store().insert(outbound("b", at(1)));
            store().insert(outbound("later", at(3600)));

            List<ClaimedMessage> first = store().claimDue(NODE_A, at(10), at(70), 2);
            List<ClaimedMessage> second = store().claimDue(NODE_A, at(10), at(70), 10);

            assertThat(first).extracting(ClaimedMessage::id).containsExactly(outId("a"), outId("b"));
            assertThat(second).extracting(ClaimedMessage::id).containsExactly(outId("c"));
            assertThat(store().claimDue(NODE_A, at(10), at(70), 10)).isEmpty();
        }

        @Test
        void aMessageStoredClaimedIsSendingUnderItsFirstCountedAttemptWithBothEvents() {
            SubmittedMessage submitted = outbound("a", T0);

            ClaimedMessage claimed = store().insertClaimed(submitted, NODE_A, T0.plusSeconds(60));

            assertThat(claimed.claim()).isEqualTo(new Claim(outId("a"), NODE_A, 1));
            assertThat(claimed.claimedFrom()).isEqualTo(OutboundState.QUEUED);
            assertThat(claimed.heading()).isEqualTo(submitted.heading());
            assertThat(claimed.wire().body()).isEqualTo(bytes("wire of a"));
            assertThat(claimed.leaseUntil()).isEqualTo(T0.plusSeconds(60));
            assertThat(claimed.retryFactsBeforeClaim()).isEqualTo(RetryFacts.firstAttempt(TERMS, T0, TTL, null));
            MessageSummary stored = the("a").summary();
            assertThat(stored.state()).isEqualTo(OutboundState.SENDING);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(the("a").events()).extracting(MessageEvent::type)
                    .containsExactly(EventType.SUBMITTED, EventType.SEND_STARTED);
            assertThat(stored.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(store().claimDue(NODE_B, T0.plusSeconds(59), T0.plusSeconds(120), 10))
                    .as("leased to node A until its lease runs out").isEmpty();
            List<ClaimedMessage> takenOver = store().claimDue(NODE_B, T0.plusSeconds(60), T0.plusSeconds(120), 10);
            assertThat(takenOver).as("taken over once the lease ran out").hasSize(1);
            ClaimedMessage again = takenOver.get(0);
            assertThat(again).as("the stored row says what the claim on acceptance said, one attempt on")
                    .usingRecursiveComparison().ignoringFields("claim", "claimedFrom", "attempts",
                            "sequenceAttempts", "lastAttemptEndedAt", "leaseUntil").isEqualTo(claimed);
            assertThat(again.claim()).isEqualTo(new Claim(outId("a"), NODE_B, 2));
            assertThat(again.claimedFrom()).isEqualTo(OutboundState.SENDING);
            assertThat(again.sequenceAttempts()).isEqualTo(2);
            assertThat(again.lastAttemptEndedAt()).as("the lost attempt ended with node A's lease")
                    .isEqualTo(T0.plusSeconds(60));
        }

        @Test
        void aMessageNotYetDueIsNotStoredClaimed() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> store().insertClaimed(outbound("a", T0.plusSeconds(5)), NODE_A, T0.plusSeconds(60)))
                    .withMessageContaining("not due at submission");
            assertThat(store().claimDue(NODE_A, T0.plusSeconds(5), T0.plusSeconds(60), 10)).isEmpty();
        }

        @Test
        void aMessageAlreadyStoredIsNotStoredClaimedAgain() {
            store().insert(outbound("a", T0));

            assertThatIllegalArgumentException().isThrownBy(
                    () -> store().insertClaimed(outbound("a", T0), NODE_A, T0.plusSeconds(60)));
            assertThat(the("a").summary().state()).isEqualTo(OutboundState.QUEUED);
        }

        @Test
        void aClaimedMessageCarriesEverythingToSendItAndItsCountedAttempt() {
            SubmittedMessage submitted = outbound("a", T0);
            store().insert(submitted);

            ClaimedMessage claimed = claimOne(store(), NODE_A, 10, 70);

            assertThat(claimed.claim()).isEqualTo(new Claim(outId("a"), NODE_A, 1));
            assertThat(claimed.claimedFrom()).isEqualTo(OutboundState.QUEUED);
            assertThat(claimed.heading()).isEqualTo(submitted.heading());
            assertThat(claimed.terms()).isEqualTo(TERMS);
            assertThat(claimed.timeToLive()).isEqualTo(TTL);
            assertThat(claimed.deadline()).isNull();
            assertThat(claimed.endpointUrl()).isEqualTo("http://lab.example/ebms");
            assertThat(claimed.soapAction()).isEqualTo("\"ebXML\"");
            assertThat(claimed.wire().contentType()).isEqualTo("multipart/related; boundary=b1");
            assertThat(claimed.wire().body()).isEqualTo(bytes("wire of a"));
            assertThat(claimed.attempts()).isEqualTo(1);
            assertThat(claimed.sequenceAttempts()).isEqualTo(1);
            assertThat(claimed.lastAttemptEndedAt()).isNull();
            assertThat(claimed.lastAttemptDelivered()).isFalse();
            assertThat(claimed.leaseUntil()).isEqualTo(at(70));
            assertThat(claimed.retryFactsBeforeClaim()).isEqualTo(RetryFacts.firstAttempt(TERMS, T0, TTL, null));
            MessageSummary stored = the("a").summary();
            assertThat(stored.state()).isEqualTo(OutboundState.SENDING);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.nextAttemptAt()).isEqualTo(at(70));
            MessageEvent event = lastEvent("a");
            assertThat(event.type()).isEqualTo(EventType.SEND_STARTED);
            assertThat(event.from()).isEqualTo(OutboundState.QUEUED);
            assertThat(event.to()).isEqualTo(OutboundState.SENDING);
            assertThat(event.detail()).isEqualTo("attempt 1 by node node-a");
        }

        @Test
        void aLeasedMessageIsTakenOverOnlyOnceItsLeaseRanOutAndTheOldClaimLosesIt() {
            store().insert(outbound("a", T0));
            ClaimedMessage first = claimOne(store(), NODE_A, 0, 60);

            assertThat(otherNode().claimDue(NODE_B, at(59.999), at(120), 10)).isEmpty();
            ClaimedMessage takenOver = claimOne(otherNode(), NODE_B, 60, 120);

            assertThat(takenOver.claim()).isEqualTo(new Claim(outId("a"), NODE_B, 2));
            assertThat(takenOver.claimedFrom()).isEqualTo(OutboundState.SENDING);
            assertThat(takenOver.lastAttemptEndedAt()).isEqualTo(at(60));
            assertThat(takenOver.lastAttemptDelivered()).isFalse();
            assertThat(takenOver.retryFactsBeforeClaim())
                    .isEqualTo(new RetryFacts(1, at(60), false, TERMS, T0, TTL, null));
            assertThat(store().recordAttempt(AttemptOutcome.retryAt(first.claim(), at(61), at(91), "late")))
                    .isFalse();
            MessageSummary stored = the("a").summary();
            assertThat(stored.state()).isEqualTo(OutboundState.SENDING);
            assertThat(stored.attempts()).isEqualTo(2);
            assertThat(lastEvent("a").detail()).isEqualTo("attempt 2 by node node-b");
        }

        @Test
        void twoNodesClaimingAtOnceClaimEachMessageExactlyOnce() throws Exception {
            List<MessageId> all = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                store().insert(outbound("m" + i, T0));
                all.add(messageId("m" + i));
            }
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                AtomicInteger total = new AtomicInteger();
                Future<List<ClaimedMessage>> byA = threads.submit(claimAll(store(), NODE_A, start, total));
                Future<List<ClaimedMessage>> byB = threads.submit(claimAll(otherNode(), NODE_B, start, total));
                start.countDown();
                List<ClaimedMessage> claimed = new ArrayList<>(byA.get(60, TimeUnit.SECONDS));
                claimed.addAll(byB.get(60, TimeUnit.SECONDS));

                assertThat(claimed).extracting(c -> c.heading().messageId()).containsExactlyInAnyOrderElementsOf(all);
                assertThat(claimed).allSatisfy(c -> assertThat(c.attempts()).isEqualTo(1));
                assertThat(store().listOutbound(OutboundState.SENDING, 500)).hasSize(120)
                        .allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
            } finally {
                threads.shutdownNow();
            }
        }

        /** Claims in small batches until every message is claimed (by either node), or gives up after 1000 tries. */
        private Callable<List<ClaimedMessage>> claimAll(MessageStore on, NodeId node, CountDownLatch start,
                                                        AtomicInteger total) {
            return () -> {
                start.await();
                List<ClaimedMessage> mine = new ArrayList<>();
                for (int tries = 0; tries < 1000 && total.get() < 120; tries++) {
                    List<ClaimedMessage> batch = on.claimDue(node, at(1), at(600), 7);
                    mine.addAll(batch);
                    total.addAndGet(batch.size());
                }
                return mine;
            };
        }

        @Test
        void releasingClaimsMakesOnlyThatNodesMessagesDueAtOnce() {
            store().insert(outbound("a", at(0)));
            store().insert(outbound("b", at(1)));
            claimOne(store(), NODE_A, 0.5, 60);
            claimOne(otherNode(), NODE_B, 1, 60);

            assertThat(store().releaseClaims(NODE_A, at(5))).isEqualTo(1);

            ClaimedMessage takenOver = claimOne(otherNode(), NODE_B, 5, 65);
            assertThat(takenOver.id()).isEqualTo(outId("a"));
            assertThat(takenOver.claimedFrom()).isEqualTo(OutboundState.SENDING);
            assertThat(takenOver.attempts()).isEqualTo(2);
            assertThat(takenOver.lastAttemptEndedAt()).isEqualTo(at(5));
            assertThat(the("a").events()).extracting(MessageEvent::type).contains(EventType.CLAIM_RELEASED);
        }

        @Test
        void nextDueTimeIsTheEarliestDueTimeOfAnyMessage() {
            assertThat(store().nextDueTime()).isEmpty();
            store().insert(outbound("a", at(5)));
            store().insert(outbound("b", at(2)));

            assertThat(store().nextDueTime()).contains(at(2));
            store().acknowledge(messageId("b"), at(3), "ack");
            assertThat(store().nextDueTime()).contains(at(5));
        }
    }

    @Nested
    class RecordingAttempts {
        @Test
        void anAcceptedAttemptAwaitsItsAckAndIsDueAgainWhenTheAckIsLate() {
            store().insert(outbound("a", T0));
            ClaimedMessage claimed = claimOne(store(), NODE_A, 0, 60);

            assertThat(store().recordAttempt(AttemptOutcome.awaitingAck(claimed.claim(), at(1), at(31), "HTTP 204")))
                    .isTrue();

            MessageSummary stored = the("a").summary();
            assertThat(stored.state()).isEqualTo(OutboundState.AWAITING_ACK);
            assertThat(stored.nextAttemptAt()).isEqualTo(at(31));
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.lastReason()).isEqualTo("HTTP 204");
            MessageEvent event = lastEvent("a");
            assertThat(event.type()).isEqualTo(EventType.SEND_ACCEPTED);
            assertThat(event.from()).isEqualTo(OutboundState.SENDING);
            assertThat(event.to()).isEqualTo(OutboundState.AWAITING_ACK);
            assertThat(event.time()).isEqualTo(at(1));
            assertThat(store().claimDue(NODE_A, at(30.999), at(90), 10)).isEmpty();
            ClaimedMessage again = claimOne(store(), NODE_A, 31, 90);
            assertThat(again.claimedFrom()).isEqualTo(OutboundState.AWAITING_ACK);
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.retryFactsBeforeClaim()).isEqualTo(new RetryFacts(1, at(1), true, TERMS, T0, TTL, null));
        }

        @Test
        void aClaimEndedWithoutAnAttemptHandsTheCountedAttemptBack() {
            store().insert(outbound("a", T0));
            ClaimedMessage first = claimOne(store(), NODE_A, 0, 60);
            store().recordAttempt(AttemptOutcome.retryAt(first.claim(), at(1), at(31), "connection refused"));
            ClaimedMessage second = claimOne(store(), NODE_A, 31, 90);
            assertThat(second.claimedFrom()).isEqualTo(OutboundState.RETRYING);
            assertThat(second.retryFactsBeforeClaim().lastAttemptDelivered()).isFalse();

            assertThat(store().recordAttempt(AttemptOutcome.notAttempted(second.claim(), at(31), OutboundState.MANUAL,
                    null, EventType.RETRIES_EXHAUSTED, "retries exhausted"))).isTrue();

            MessageSummary stored = the("a").summary();
            assertThat(stored.state()).isEqualTo(OutboundState.MANUAL);
            assertThat(stored.attempts()).isEqualTo(1);
            assertThat(stored.nextAttemptAt()).isNull();
            assertThat(the("a").events()).extracting(MessageEvent::type).containsExactly(EventType.SUBMITTED,
                    EventType.SEND_STARTED, EventType.SEND_FAILED, EventType.SEND_STARTED,
                    EventType.RETRIES_EXHAUSTED);
            assertThat(store().claimDue(NODE_A, at(100_000), at(100_060), 10)).isEmpty();
        }

        @Test
        void anOperatorResendStartsAFreshSequenceButKeepsTheTotal() {
            store().insert(outbound("a", T0));
            ClaimedMessage first = claimOne(store(), NODE_A, 0, 60);
            store().recordAttempt(new AttemptOutcome(first.claim(), OutboundState.MANUAL, at(1), true, false, null,
                    EventType.RETRIES_EXHAUSTED, "HTTP 503, retries exhausted"));

            assertThat(store().transition(new OutboundTransition(outId("a"), OutboundState.MANUAL,
                    OutboundState.QUEUED, at(100), at(100), true, EventType.RESENT_BY_OPERATOR, "by alice"))).isTrue();

            ClaimedMessage resent = claimOne(store(), NODE_A, 100, 160);
            assertThat(resent.attempts()).isEqualTo(2);
            assertThat(resent.sequenceAttempts()).isEqualTo(1);
            assertThat(resent.retryFactsBeforeClaim()).isEqualTo(RetryFacts.firstAttempt(TERMS, T0, TTL, null));
        }

        @Test
        void aTransitionAppliesOnlyFromTheExpectedState() {
            store().insert(outbound("a", T0));
            OutboundTransition expire = new OutboundTransition(outId("a"), OutboundState.QUEUED,
                    OutboundState.EXPIRED, at(5), null, false, EventType.EXPIRED, "deadline passed");

            assertThat(store().transition(expire)).isTrue();
            assertThat(store().transition(expire)).isFalse();

            MessageDetails details = the("a");
            assertThat(details.summary().state()).isEqualTo(OutboundState.EXPIRED);
            assertThat(details.summary().nextAttemptAt()).isNull();
            assertThat(details.events()).extracting(MessageEvent::type)
                    .containsExactly(EventType.SUBMITTED, EventType.EXPIRED);
            assertThatIllegalArgumentException().isThrownBy(() -> new OutboundTransition(outId("a"),
                    OutboundState.EXPIRED, OutboundState.QUEUED, at(6), at(6), false, EventType.NOTE, "no"));
        }
    }

    @Nested
    class Settling {
        @Test
        void anAcknowledgmentCompletesTheMessageOnceAndBeatsAnAttemptStillRunning() {
            store().insert(outbound("a", T0));
            ClaimedMessage claimed = claimOne(store(), NODE_A, 0, 60);

            SettleResult settled = store().acknowledge(messageId("a"), at(2), "ack ack-1@lab.example");

            assertThat(settled).isEqualTo(new SettleResult(SettleResult.Outcome.SETTLED, outId("a"),
                    OutboundState.SENDING));
            assertThat(store().recordAttempt(AttemptOutcome.awaitingAck(claimed.claim(), at(3), at(33), "204")))
                    .isFalse();
            MessageSummary stored = the("a").summary();
            assertThat(stored.state()).isEqualTo(OutboundState.COMPLETE);
            assertThat(stored.nextAttemptAt()).isNull();
            MessageEvent event = lastEvent("a");
            assertThat(event.type()).isEqualTo(EventType.ACKNOWLEDGED);
            assertThat(event.from()).isEqualTo(OutboundState.SENDING);
            assertThat(event.to()).isEqualTo(OutboundState.COMPLETE);
            assertThat(event.detail()).isEqualTo("ack ack-1@lab.example");
            assertThat(store().acknowledge(messageId("a"), at(4), "again")).isEqualTo(new SettleResult(
                    SettleResult.Outcome.ALREADY_FINAL, outId("a"), OutboundState.COMPLETE));
            assertThat(store().acknowledge(MessageId.of("nobody@x"), at(4), "?")).isEqualTo(SettleResult.unknown());
            assertThat(the("a").events()).hasSize(3);
        }

        @Test
        void aNewMessageIdJoinsTheChainAndAnAckForTheOldOneStillSettles() {
            store().insert(outbound("a", T0));
            ClaimedMessage claimed = claimOne(store(), NODE_A, 0, 60);
            store().recordAttempt(AttemptOutcome.retryAt(claimed.claim(), at(1), at(31), "HTTP 503"));
            MessageId newId = MessageId.of("a2@hospital.example");
            WireBytes newWire = new WireBytes("multipart/related; boundary=b3", bytes("wire of a2"));

            assertThat(store().assignNewMessageId(new NewMessageId(outId("a"), OutboundState.RETRYING, newId,
                    at(3600), at(7000), newWire, at(3600)))).isTrue();

            MessageDetails details = the(newId);
            assertThat(details.messageIds()).containsExactly(messageId("a"), newId);
            assertThat(details.summary().heading().messageId()).isEqualTo(newId);
            assertThat(details.summary().heading().timestamp()).isEqualTo(at(3600));
            assertThat(lastEvent("a").type()).isEqualTo(EventType.MESSAGE_ID_REGENERATED);
            assertThat(lastEvent("a").detail()).isEqualTo("a@hospital.example -> a2@hospital.example");
            ClaimedMessage resend = claimOne(store(), NODE_A, 3600, 3660);
            assertThat(resend.heading().messageId()).isEqualTo(newId);
            assertThat(resend.timeToLive()).isEqualTo(at(7000));
            assertThat(resend.wire().body()).isEqualTo(bytes("wire of a2"));
            assertThat(store().acknowledge(messageId("a"), at(3601), "late ack of the first id").outcome())
                    .isEqualTo(SettleResult.Outcome.SETTLED);
            assertThat(the(newId).summary().state()).isEqualTo(OutboundState.COMPLETE);
        }

        @Test
        void aNewMessageIdIsRefusedWhenStoredAlreadyAndIgnoredWhenTheStateMoved() {
            store().insert(outbound("a", T0));
            store().insert(outbound("b", T0));
            WireBytes wire = new WireBytes("text/xml", bytes("x"));

            assertThatIllegalArgumentException().isThrownBy(() -> store().assignNewMessageId(new NewMessageId(
                    outId("a"), OutboundState.QUEUED, messageId("b"), at(1), null, wire, at(1))));
            assertThat(store().assignNewMessageId(new NewMessageId(outId("a"), OutboundState.RETRYING,
                    MessageId.of("a3@x"), at(1), null, wire, at(1)))).isFalse();
            assertThat(the("a").messageIds()).containsExactly(messageId("a"));
            assertThat(the("a").summary().heading().messageId()).isEqualTo(messageId("a"));
        }

        @Test
        void anAcknowledgmentOrMessageErrorArrivingAtTheOtherNodeSettlesWhatThisNodeIsSending() {
            store().insert(outbound("a", T0));
            store().insert(outbound("b", T0));
            assertThat(store().claimDue(NODE_A, at(0), at(60), 10)).hasSize(2);

            assertThat(otherNode().acknowledge(messageId("a"), at(2), "async ack").outcome())
                    .isEqualTo(SettleResult.Outcome.SETTLED);
            assertThat(otherNode().failByMessageError(messageId("b"), at(2), "async MessageError").outcome())
                    .isEqualTo(SettleResult.Outcome.SETTLED);

            assertThat(the("a").summary().state()).isEqualTo(OutboundState.COMPLETE);
            assertThat(the("b").summary().state()).isEqualTo(OutboundState.FAILED);
        }

        @Test
        void aPartnersMessageErrorFailsTheMessage() {
            store().insert(outbound("a", T0));

            SettleResult failed = store().failByMessageError(messageId("a"), at(2), "Inconsistent: unknown CPA");

            assertThat(failed.outcome()).isEqualTo(SettleResult.Outcome.SETTLED);
            assertThat(failed.previousState()).isEqualTo(OutboundState.QUEUED);
            assertThat(the("a").summary().state()).isEqualTo(OutboundState.FAILED);
            assertThat(lastEvent("a").type()).isEqualTo(EventType.PARTNER_ERROR);
            assertThat(store().failByMessageError(messageId("a"), at(3), "again").outcome())
                    .isEqualTo(SettleResult.Outcome.ALREADY_FINAL);
        }
    }

    @Nested
    class Receiving {
        @Test
        void aNewMessageIsStoredWithItsDeliveriesAndARememberedIdInOneGo() {
            InboundRegistration registration = received("r").build();

            RegistrationResult result = store().register(registration);

            assertThat(result).isEqualTo(new RegistrationResult.Registered(InternalId.of("in-r")));
            MessageDetails details = the(registration.heading().messageId());
            assertThat(details.summary().direction()).isEqualTo(Direction.INBOUND);
            assertThat(details.summary().state()).isEqualTo(InboundState.RECEIVED);
            assertThat(details.summary().heading()).isEqualTo(registration.heading());
            assertThat(details.summary().createdAt()).isEqualTo(T0);
            assertThat(details.messageIds()).containsExactly(registration.heading().messageId());
            assertThat(details.events()).singleElement().satisfies(event -> {
                assertThat(event.type()).isEqualTo(EventType.RECEIVED);
                assertThat(event.from()).isNull();
                assertThat(event.to()).isEqualTo(InboundState.RECEIVED);
                assertThat(event.detail()).isEqualTo("received from urn:example:lab");
            });
            assertThat(store().listDeliveries(HOSPITAL, false, 10)).extracting(Delivery::id)
                    .containsExactly(DeliveryId.of("dlv-r"));
            assertThat(store().statusOf(CPA, registration.heading().messageId()))
                    .contains(new ReceivedStatus(InternalId.of("in-r"), InboundState.RECEIVED, T0));
        }

        @Test
        void theCpaVersionAReceivedMessageWasCheckedAgainstIsStoredWithIt() {
            InboundRegistration r = received("r").build();
            store().register(new InboundRegistration(r.id(), r.heading(), r.receivedAt(), r.wire(), r.state(),
                    r.duplicateCheck(), r.reply(), r.deliveries(), r.detail(), null, 5));

            assertThat(the(r.heading().messageId()).summary().cpaVersion()).isEqualTo(5);
        }

        @Test
        void theSameMessageAgainIsADuplicateAnsweredWithTheStoredReplyAndNotDeliveredAgain() {
            store().register(received("r").build());

            RegistrationResult again = store().register(received("r2").messageId("r@lab.example")
                    .receivedAt(at(30)).build());

            assertThat(again).isInstanceOfSatisfying(RegistrationResult.Duplicate.class, duplicate -> {
                assertThat(duplicate.original()).isEqualTo(InternalId.of("in-r"));
                assertThat(duplicate.reply().contentType()).isEqualTo("text/xml");
                assertThat(duplicate.reply().body()).isEqualTo(bytes("ack for r@lab.example"));
            });
            assertThat(store().listDeliveries(null, true, 10)).extracting(Delivery::id)
                    .containsExactly(DeliveryId.of("dlv-r"));
            MessageDetails original = the(MessageId.of("r@lab.example"));
            assertThat(original.events()).extracting(MessageEvent::type)
                    .containsExactly(EventType.RECEIVED, EventType.DUPLICATE_RECEIVED);
            assertThat(original.events().get(1).time()).isEqualTo(at(30));
        }

        @Test
        void copiesOfOneMessageReceivedByTwoNodesAtOnceAreStoredOnceAndTheRestAnsweredAsDuplicates()
                throws Exception {
            int copies = 8;
            ExecutorService receivers = Executors.newFixedThreadPool(copies);
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<RegistrationResult>> pending = new ArrayList<>();
                for (int i = 0; i < copies; i++) {
                    MessageStore node = i % 2 == 0 ? store() : otherNode();
                    InboundRegistration copy = received("c" + i).messageId("same@lab.example").build();
                    pending.add(receivers.submit(() -> {
                        start.await();
                        return node.register(copy);
                    }));
                }
                start.countDown();
                List<RegistrationResult> results = new ArrayList<>();
                for (Future<RegistrationResult> result : pending) {
                    results.add(result.get(60, TimeUnit.SECONDS));
                }

                assertThat(results).filteredOn(RegistrationResult.Registered.class::isInstance).hasSize(1);
                assertThat(results).filteredOn(RegistrationResult.Duplicate.class::isInstance)
                        .hasSize(copies - 1);
                assertThat(store().listDeliveries(null, true, 10)).hasSize(1);
            } finally {
                receivers.shutdownNow();
            }
        }

        @Test
        void theSameMessageIdWithOtherContentIsAConflict() {
            store().register(received("r").build());

            RegistrationResult other = store().register(received("r2").messageId("r@lab.example")
                    .digest("digest-2").build());

            assertThat(other).isEqualTo(new RegistrationResult.Conflict(InternalId.of("in-r")));
            assertThat(store().findByMessageId(MessageId.of("r@lab.example"))).hasSize(1);
            assertThat(store().listDeliveries(null, true, 10)).hasSize(1);
            assertThat(the(MessageId.of("r@lab.example")).events()).extracting(MessageEvent::type)
                    .containsExactly(EventType.RECEIVED, EventType.CONFLICTING_DUPLICATE);
        }

        @Test
        void theSameMessageIdUnderAnotherCpaIsAnotherMessage() {
            store().register(received("r").build());

            RegistrationResult other = store().register(received("r2").messageId("r@lab.example")
                    .cpa(OTHER_CPA).build());

            assertThat(other).isEqualTo(new RegistrationResult.Registered(InternalId.of("in-r2")));
            assertThat(store().statusOf(OTHER_CPA, MessageId.of("r@lab.example")))
                    .map(ReceivedStatus::id).contains(InternalId.of("in-r2"));
        }

        @Test
        void withoutDuplicateEliminationEveryCopyIsStoredAndDelivered() {
            store().register(received("r").withoutDuplicateElimination().build());

            RegistrationResult copy = store().register(received("r2").messageId("r@lab.example")
                    .withoutDuplicateElimination().receivedAt(at(5)).build());

            assertThat(copy).isEqualTo(new RegistrationResult.Registered(InternalId.of("in-r2")));
            assertThat(store().listDeliveries(HOSPITAL, false, 10)).extracting(Delivery::id)
                    .containsExactly(DeliveryId.of("dlv-r"), DeliveryId.of("dlv-r2"));
            assertThat(store().statusOf(CPA, MessageId.of("r@lab.example")))
                    .map(ReceivedStatus::id).contains(InternalId.of("in-r"));
        }

        @Test
        void rememberedIdsArePurgedOnceTheirTimeHasComeAndTheMessageIsThenNew() {
            store().register(received("a").rememberUntil(at(100)).build());
            store().register(received("b").rememberUntil(at(100.001)).build());
            store().register(received("c").rememberUntil(at(50)).build());

            assertThat(store().purgeRememberedIds(at(100), 1)).isEqualTo(1);
            assertThat(store().purgeRememberedIds(at(100), 10)).isEqualTo(1);
            assertThat(store().purgeRememberedIds(at(100), 10)).isZero();

            assertThat(store().register(received("a2").messageId("a@lab.example").build()))
                    .isEqualTo(new RegistrationResult.Registered(InternalId.of("in-a2")));
            assertThat(store().register(received("b2").messageId("b@lab.example").build()))
                    .isInstanceOf(RegistrationResult.Duplicate.class);
            assertThat(store().statusOf(CPA, MessageId.of("c@lab.example"))).isPresent();
        }

        @Test
        void aRejectedMessageIsNotDeliveredAndItsErrorIsReplayedToDuplicates() {
            store().register(received("r").rejected().build());

            RegistrationResult again = store().register(received("r2").messageId("r@lab.example").build());

            assertThat(again).isInstanceOfSatisfying(RegistrationResult.Duplicate.class, duplicate ->
                    assertThat(duplicate.reply().body()).isEqualTo(bytes("error for r@lab.example")));
            assertThat(store().listDeliveries(null, true, 10)).isEmpty();
            MessageDetails rejected = the(MessageId.of("r@lab.example"));
            assertThat(rejected.summary().state()).isEqualTo(InboundState.REJECTED);
            assertThat(rejected.events().get(0).type()).isEqualTo(EventType.REJECTED);
        }

        @Test
        void aDuplicateWhoseOriginalGotNoReplyReplaysNothing() {
            InboundRegistration withoutReply = received("r").build();
            store().register(new InboundRegistration(withoutReply.id(), withoutReply.heading(), T0,
                    withoutReply.wire(), InboundState.RECEIVED, withoutReply.duplicateCheck(), null,
                    withoutReply.deliveries(), "no ack requested"));

            assertThat(store().register(received("r2").messageId("r@lab.example").build()))
                    .isEqualTo(new RegistrationResult.Duplicate(InternalId.of("in-r"), null));
        }

        @Test
        void aRegistrationThatFailsHalfwayLeavesNothingBehind() {
            store().register(received("a").build());
            InboundRegistration clashing = received("b").deliveries(
                    new NewDelivery(DeliveryId.of("dlv-a"), HOSPITAL, null)).build();

            assertThatIllegalArgumentException().isThrownBy(() -> store().register(clashing));

            assertThat(store().findByMessageId(MessageId.of("b@lab.example"))).isEmpty();
            assertThat(store().register(received("b").build()))
                    .isEqualTo(new RegistrationResult.Registered(InternalId.of("in-b")));
        }

        @Test
        void anInboundTransitionAppliesOnlyFromTheExpectedState() {
            store().register(received("r").build());
            InternalId id = InternalId.of("in-r");

            assertThat(store().transition(id, InboundState.RECEIVED, InboundState.REJECTED, at(5),
                    EventType.REJECTED, "delivery failed for good")).isTrue();
            assertThat(store().transition(id, InboundState.RECEIVED, InboundState.REJECTED, at(6),
                    EventType.REJECTED, "again")).isFalse();
            assertThatIllegalArgumentException().isThrownBy(() -> store().transition(id, InboundState.REJECTED,
                    InboundState.RECEIVED, at(7), EventType.NOTE, "back"));

            assertThat(store().statusOf(CPA, MessageId.of("r@lab.example")).map(ReceivedStatus::state))
                    .contains(InboundState.REJECTED);
            assertThat(the(MessageId.of("r@lab.example")).events()).hasSize(2);
        }
    }

    @Nested
    class Inbox {
        private final PartyId pharmacy = PartyId.of("urn:oid:1.2.3", "PHARMACY");

        @Test
        void listsTheUnconfirmedDeliveriesOfAPartyOldestFirst() {
            store().register(received("b").receivedAt(at(2)).build());
            store().register(received("a").receivedAt(at(1)).build());
            store().register(received("p").receivedAt(at(3))
                    .deliveries(new NewDelivery(DeliveryId.of("dlv-p"), pharmacy, null)).build());

            List<Delivery> hospital = store().listDeliveries(HOSPITAL, false, 10);

            assertThat(hospital).extracting(Delivery::id).containsExactly(DeliveryId.of("dlv-a"), DeliveryId.of("dlv-b"));
            Delivery first = hospital.get(0);
            assertThat(first.message()).isEqualTo(InternalId.of("in-a"));
            assertThat(first.heading()).isEqualTo(received("a").heading());
            assertThat(first.party()).isEqualTo(HOSPITAL);
            assertThat(first.receivedAt()).isEqualTo(at(1));
            assertThat(first.confirmed()).isFalse();
            assertThat(first.wire().body()).isEqualTo(bytes("received a"));
            assertThat(store().listDeliveries(null, false, 10)).hasSize(3);
            assertThat(store().listDeliveries(HOSPITAL, false, 1)).hasSize(1);
        }

        @Test
        void confirmingIsIdempotentAndMarksTheMessageDelivered() {
            store().register(received("a").build());
            DeliveryId id = DeliveryId.of("dlv-a");

            assertThat(store().confirm(id, at(10))).isEqualTo(ConfirmResult.CONFIRMED);
            assertThat(store().confirm(id, at(11))).isEqualTo(ConfirmResult.ALREADY_CONFIRMED);
            assertThat(store().confirm(DeliveryId.of("nope"), at(11))).isEqualTo(ConfirmResult.UNKNOWN_DELIVERY);

            assertThat(store().listDeliveries(HOSPITAL, false, 10)).isEmpty();
            assertThat(store().listDeliveries(HOSPITAL, true, 10)).singleElement()
                    .satisfies(delivery -> assertThat(delivery.confirmedAt()).isEqualTo(at(10)));
            assertThat(store().statusOf(CPA, MessageId.of("a@lab.example")).map(ReceivedStatus::state))
                    .contains(InboundState.DELIVERED);
            MessageEvent delivered = the(MessageId.of("a@lab.example")).events().get(1);
            assertThat(delivered.type()).isEqualTo(EventType.DELIVERED);
            assertThat(delivered.from()).isEqualTo(InboundState.RECEIVED);
            assertThat(delivered.to()).isEqualTo(InboundState.DELIVERED);
            assertThat(the(MessageId.of("a@lab.example")).events()).hasSize(2);
        }

        @Test
        void aMessageForTwoOfOurPartiesIsDeliveredOnlyWhenBothConfirmed() {
            store().register(received("a").deliveries(new NewDelivery(DeliveryId.of("d1"), HOSPITAL, null),
                    new NewDelivery(DeliveryId.of("d2"), pharmacy, null)).build());

            store().confirm(DeliveryId.of("d1"), at(1));
            assertThat(store().statusOf(CPA, MessageId.of("a@lab.example")).map(ReceivedStatus::state))
                    .contains(InboundState.RECEIVED);
            store().confirm(DeliveryId.of("d2"), at(2));
            assertThat(store().statusOf(CPA, MessageId.of("a@lab.example")).map(ReceivedStatus::state))
                    .contains(InboundState.DELIVERED);
        }

        @Test
        void webhookPushesAreDueUntilConfirmedOrGivenUp() {
            store().register(received("a").deliveries(new NewDelivery(DeliveryId.of("d1"), HOSPITAL, at(1))).build());
            store().register(received("b").deliveries(new NewDelivery(DeliveryId.of("d2"), HOSPITAL, at(5))).build());
            store().register(received("c").build());

            assertThat(store().duePushes(at(1), 10)).extracting(Delivery::id).containsExactly(DeliveryId.of("d1"));
            assertThat(store().recordPushFailure(DeliveryId.of("d1"), at(1), at(31), "HTTP 502")).isTrue();
            assertThat(store().duePushes(at(30), 10)).extracting(Delivery::id).containsExactly(DeliveryId.of("d2"));
            Delivery retried = store().findDelivery(DeliveryId.of("d1")).orElseThrow();
            assertThat(retried.pushAttempts()).isEqualTo(1);
            assertThat(retried.nextPushAt()).isEqualTo(at(31));
            assertThat(retried.lastPushError()).isEqualTo("HTTP 502");

            store().confirm(DeliveryId.of("d2"), at(30));
            store().recordPushFailure(DeliveryId.of("d1"), at(31), null, "HTTP 404, giving up");
            assertThat(store().duePushes(at(10_000), 10)).isEmpty();
            assertThat(store().recordPushFailure(DeliveryId.of("d2"), at(32), at(60), "late")).isFalse();
            assertThat(store().listDeliveries(HOSPITAL, false, 10)).extracting(Delivery::id)
                    .containsExactly(DeliveryId.of("d1"), DeliveryId.of("dlv-c"));
            assertThat(the(MessageId.of("a@lab.example")).events()).extracting(MessageEvent::type)
                    .containsExactly(EventType.RECEIVED, EventType.PUSH_FAILED, EventType.PUSH_FAILED);
        }
    }

    @Nested
    class History {
        @Test
        void anHl7IdFindsEveryMessageCarryingItInBothDirectionsOldestFirst() {
            store().register(received("in").hl7Id("HL7-1").receivedAt(at(5)).build());
            store().insert(outbound("second", T0, "HL7-1"));
            store().insert(outbound("other", T0, "HL7-2"));

            List<MessageDetails> found = store().findByHl7Id("HL7-1");

            assertThat(found).extracting(d -> d.summary().id())
                    .containsExactly(outId("second"), InternalId.of("in-in"));
            assertThat(found).extracting(d -> d.summary().direction())
                    .containsExactly(Direction.OUTBOUND, Direction.INBOUND);
            assertThat(store().findByHl7Id("HL7-none")).isEmpty();
        }

        @Test
        void messagesAreListedAndCountedByState() {
            store().insert(outbound("a", T0));
            store().insert(outbound("b", at(1)));
            store().insert(outbound("c", at(2)));
            store().acknowledge(messageId("c"), at(3), "ack");
            store().register(received("r").build());

            assertThat(store().listOutbound(OutboundState.QUEUED, 10)).extracting(MessageSummary::id)
                    .containsExactly(outId("a"), outId("b"));
            assertThat(store().listOutbound(OutboundState.QUEUED, 1)).hasSize(1);
            assertThat(store().listInbound(InboundState.RECEIVED, 10)).extracting(MessageSummary::id)
                    .containsExactly(InternalId.of("in-r"));
            assertThat(store().countByState()).containsOnly(entry(OutboundState.QUEUED, 2L),
                    entry(OutboundState.COMPLETE, 1L), entry(InboundState.RECEIVED, 1L));
        }

        @Test
        void eventsAreReadInSequenceOrderAfterAGivenSequence() {
            store().insert(outbound("a", T0));
            store().register(received("r").build());
            store().acknowledge(messageId("a"), at(1), "ack");

            List<MessageEvent> all = store().eventsAfter(0, 100);
            List<MessageEvent> rest = store().eventsAfter(all.get(0).sequence(), 100);

            assertThat(all).extracting(MessageEvent::type)
                    .containsExactly(EventType.SUBMITTED, EventType.RECEIVED, EventType.ACKNOWLEDGED);
            assertThat(all).extracting(MessageEvent::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(rest).isEqualTo(all.subList(1, 3));
            assertThat(store().eventsAfter(all.get(2).sequence(), 100)).isEmpty();
            assertThat(store().eventsAfter(0, 2)).isEqualTo(all.subList(0, 2));
        }

        @Test
        void aNoteIsAppendedWithoutChangingAnyState() {
            store().insert(outbound("a", T0));
            store().register(received("r").build());

            long outboundNote = store().append(outId("a"), at(1), EventType.NOTE, "checked by alice");
            long inboundNote = store().append(InternalId.of("in-r"), at(2), EventType.ACK_IGNORED, "late ack");

            assertThat(inboundNote).isGreaterThan(outboundNote);
            MessageEvent note = lastEvent("a");
            assertThat(note.sequence()).isEqualTo(outboundNote);
            assertThat(note.type()).isEqualTo(EventType.NOTE);
            assertThat(note.from()).isNull();
            assertThat(note.to()).isNull();
            assertThat(note.detail()).isEqualTo("checked by alice");
            assertThat(the("a").summary().state()).isEqualTo(OutboundState.QUEUED);
            assertThat(the(MessageId.of("r@lab.example")).events()).extracting(MessageEvent::type)
                    .containsExactly(EventType.RECEIVED, EventType.ACK_IGNORED);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> store().append(InternalId.of("nobody"), at(3), EventType.NOTE, "?"));
        }

        @Test
        void aVeryLongDetailIsCutToFitInsteadOfFailingTheChange() {
            store().insert(outbound("a", T0));

            store().append(outId("a"), at(1), EventType.NOTE, "x".repeat(10_000));

            assertThat(lastEvent("a").detail()).hasSize(4000).endsWith("…");
        }
    }
}
