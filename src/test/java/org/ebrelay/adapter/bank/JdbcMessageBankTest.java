package org.ebrelay.adapter.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.adapter.bank.BankFixtures.bestEffort;
import static org.ebrelay.adapter.bank.BankFixtures.event;
import static org.ebrelay.adapter.bank.BankFixtures.inbound;
import static org.ebrelay.adapter.bank.BankFixtures.outbound;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.bank.Views.MessageSummary;
import org.ebrelay.adapter.bank.Views.Page;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.bank.AutoResendRule;
import org.ebrelay.app.bank.CpaReport;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.FeedMessage;
import org.ebrelay.app.bank.NodeHello;
import org.ebrelay.app.bank.RetentionRule;
import org.ebrelay.app.bank.RetentionRules;
import org.ebrelay.app.bank.WorkItem;
import org.ebrelay.app.bank.WorkOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcMessageBankTest {
    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    @TempDir
    Path dir;
    TestClock clock = new TestClock(T0);
    BankDatabase db;
    JdbcMessageBank bank;

    @BeforeEach
    void open() {
        db = BankDatabase.open(BankDatabase.h2FileUrl(dir), "sa", "", 4);
        bank = new JdbcMessageBank(db, clock, new JdbcMessageBank.Settings(Duration.ofMinutes(5),
                Duration.ofMinutes(2), new RetentionRules(List.of(
                        new RetentionRule("lab-one-year", null, "LAB", Duration.ofDays(365), false),
                        new RetentionRule("cpa-kept", "cpa-law", null, null, true))),
                List.of(new AutoResendRule("stuck", null, null, null, null, Duration.ofMinutes(10), 2))));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theSameBatchShippedTwiceIsStoredOnce() {
        FeedBatch batch = new FeedBatch("node-a", 2, List.of(outbound("k1", "H1", "SENDING", T0, 2, "m1")),
                List.of(event(1, "k1", T0, "SUBMITTED"), event(2, "k1", T0, "SEND_STARTED")));

        assertThat(bank.feed(batch)).isEqualTo(2);
        assertThat(bank.feed(batch)).isEqualTo(2);

        Page<MessageSummary> found = bank.search(BankQuery.all(), null, 50);
        assertThat(found.items()).hasSize(1);
        assertThat(bank.detail(found.items().get(0).id()).orElseThrow().events())
                .extracting(Views.Event::sequence).containsExactly(1L, 2L);
        assertThat(bank.detail(found.items().get(0).id()).orElseThrow().wires()).hasSize(1);
    }

    @Test
    void theCpaVersionANodeRecordedIsKeptAndAMessageFromAnOlderNodeHasNone() {
        FeedMessage m = outbound("k1", "H1", "COMPLETE", T0, 1, "m1");
        FeedMessage versioned = new FeedMessage(m.key(), m.direction(), m.state(), m.cpaId(), m.conversationId(),
                m.messageId(), m.hl7Id(), m.from(), m.to(), m.service(), m.serviceType(), m.action(), false, 1, T0,
                T0, null, 1, m.messageIds(), m.wire(), 3, null);
        bank.feed(new FeedBatch("node-a", 1, List.of(versioned, inbound("k2", "H2", T0)), List.of()));

        assertThat(bank.search(BankQuery.all(), null, 10).items())
                .extracting(MessageSummary::key, MessageSummary::cpaVersion)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("k1", 3),
                        org.assertj.core.groups.Tuple.tuple("k2", null));
    }

    @Test
    void eachNodeTellsItsCpasAndTheViewShowsWhichNodeRunsWhichVersionInItsMostPressingState() {
        bank.cpas("node-a", List.of(new CpaReport("cpa-1", "ACTIVE", 2, "c2", "{\"summary\": {\"status\": \"agreed\"}}")));
        bank.cpas("node-b", List.of(new CpaReport("cpa-1", "REJECTED_EDIT", 1, "c1", "{\"summary\": {}}"),
                new CpaReport("cpa-2", "ACTIVE", 1, "d1", "{}")));

        CpaViews.Detail cpa1 = bank.cpa("cpa-1").orElseThrow();
        assertThat(cpa1.state()).isEqualTo("REJECTED_EDIT");
        assertThat(cpa1.version()).isEqualTo(2);
        assertThat(cpa1.versionsDiffer()).isTrue();
        assertThat(cpa1.view().path("summary").path("status").asText()).as("the newest version's view")
                .isEqualTo("agreed");
        assertThat(cpa1.nodes()).extracting(CpaViews.OnNode::node, CpaViews.OnNode::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", 2),
                        org.assertj.core.groups.Tuple.tuple("node-b", 1));
        assertThat(bank.cpaList()).extracting(CpaViews.Entry::cpaId).containsExactly("cpa-1", "cpa-2");
        assertThat(bank.cpa("cpa-3")).isEmpty();
    }

    @Test
    void aCpaANodeNoLongerReportsIsKeptAsWithdrawn() {
        bank.cpas("node-a", List.of(new CpaReport("cpa-1", "ACTIVE", 1, "c1", "{}")));
        clock.advance(Duration.ofMinutes(1));

        bank.cpas("node-a", List.of());

        CpaViews.Detail cpa = bank.cpa("cpa-1").orElseThrow();
        assertThat(cpa.state()).isEqualTo("WITHDRAWN");
        assertThat(cpa.nodes()).singleElement().satisfies(n -> assertThat(n.reportedAt()).isEqualTo(T0.plusSeconds(60)));
        bank.cpas("node-a", List.of(new CpaReport("cpa-1", "ACTIVE", 2, "c2", "{}")));
        assertThat(bank.cpa("cpa-1").orElseThrow().state()).as("served again").isEqualTo("ACTIVE");
    }

    @Test
    void aNewerSnapshotWinsAndAnOlderOneArrivingLateChangesNothing() {
        bank.feed(new FeedBatch("node-a", 5, List.of(outbound("k1", "H1", "COMPLETE", T0, 5, "m1")), List.of()));
        bank.feed(new FeedBatch("node-a", 5, List.of(outbound("k1", "H1", "SENDING", T0, 2, "m1")), List.of()));

        assertThat(bank.search(BankQuery.all(), null, 10).items()).extracting(MessageSummary::state)
                .containsExactly("COMPLETE");
    }

    @Test
    void theSameKeyOnTwoNodesIsTwoMessagesEachAttributedToItsNode() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "QUEUED", T0, 1, "a1")),
                List.of(event(1, "k1", T0, "SUBMITTED"))));
        bank.feed(new FeedBatch("node-b", 1, List.of(outbound("k1", "H2", "QUEUED", T0, 1, "b1")),
                List.of(event(1, "k1", T0, "SUBMITTED"))));

        assertThat(bank.search(BankQuery.all(), null, 10).items()).extracting(MessageSummary::node)
                .containsExactlyInAnyOrder("node-a", "node-b");
        assertThat(bank.nodes()).extracting(Views.Node::node).containsExactly("node-a", "node-b");
    }

    @Test
    void inAClusterEventsOfTwoWritersAboutOneMessageMakeOneTimelineUnderItsHomeNode() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "SENDING", T0, 1, "m1")
                .withHome("node-a")), List.of(event(1, "k1", T0, "SUBMITTED"))));
        bank.feed(new FeedBatch("node-b", 2, List.of(outbound("k1", "H1", "COMPLETE", T0, 2, "m1")
                .withHome("node-a")), List.of(event(2, "k1", T0, "ACKNOWLEDGED"))));

        Page<MessageSummary> found = bank.search(BankQuery.all(), null, 10);
        assertThat(found.items()).extracting(MessageSummary::node).containsExactly("node-a");
        assertThat(found.items()).extracting(MessageSummary::state).containsExactly("COMPLETE");
        assertThat(bank.detail(found.items().get(0).id()).orElseThrow().events())
                .extracting(Views.Event::sequence, Views.Event::node)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "node-a"),
                        org.assertj.core.groups.Tuple.tuple(2L, "node-b"));
    }

    @Test
    void aDeadNodesPartShippedByAnotherMovesItsCursorButIsNotItsContact() {
        bank.hello("node-b", new NodeHello("http://b", "dev", List.of()));
        clock.advance(Duration.ofMinutes(10));

        long cursor = bank.feed(new FeedBatch("node-b", 7, List.of(outbound("k1", "H1", "SENDING", T0, 7, "m1")),
                List.of(event(7, "k1", T0, "SEND_STARTED")), List.of(), "node-a"));

        assertThat(cursor).isEqualTo(7);
        Views.Node b = bank.nodes().stream().filter(n -> n.node().equals("node-b")).findFirst().orElseThrow();
        assertThat(b.lastContact()).as("still when node-b itself last called").isEqualTo(T0);
        assertThat(b.lastSequence()).isEqualTo(7);
    }

    @Test
    void aRegeneratedMessageIsFoundByEveryMessageIdOfItsChainAndKeepsEachWire() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "RETRYING", T0, 1, "first")), List.of()));
        bank.feed(new FeedBatch("node-a", 2, List.of(outbound("k1", "H1", "COMPLETE", T0, 2, "first", "second")),
                List.of()));

        for (String id : List.of("first", "second")) {
            assertThat(bank.search(query(null, id, null), null, 10).items()).hasSize(1);
        }
        long id = bank.search(BankQuery.all(), null, 10).items().get(0).id();
        assertThat(bank.detail(id).orElseThrow().wires()).extracting(Views.WireInfo::messageId)
                .containsExactlyInAnyOrder("first", "second");
        assertThat(new String(bank.wire(id, "first").orElseThrow().body())).contains("first");
    }

    @Test
    void keysetPagesCoverEveryMatchOnceNewestFirst() {
        List<org.ebrelay.app.bank.FeedMessage> messages = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            messages.add(outbound("k" + i, "H" + (i % 2), "COMPLETE", T0.plusSeconds(i / 3), 1, "m" + i));
        }
        bank.feed(new FeedBatch("node-a", 1, messages, List.of()));

        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            Page<MessageSummary> page = bank.search(query("H1", null, null), after, 5);
            page.items().forEach(m -> seen.add(m.key()));
            after = page.next();
        } while (after != null);

        assertThat(seen).hasSize(11).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isIn("k21", "k19");
    }

    @Test
    void searchesByPartnerValueAloneOrWithItsTypeAndByTimeRange() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "COMPLETE", T0, 1, "m1"),
                inbound("k2", "H2", T0.plusSeconds(60))), List.of()));

        assertThat(bank.search(query(null, null, "LAB"), null, 10).items()).extracting(MessageSummary::key)
                .containsExactly("k2", "k1");
        assertThat(bank.search(query(null, null, "urn:x:LAB"), null, 10).items()).hasSize(2);
        assertThat(bank.search(query(null, null, "urn:y:LAB"), null, 10).items()).isEmpty();
        assertThat(bank.search(query(null, null, "HOSP"), null, 10).items()).isEmpty();
        BankQuery late = new BankQuery(null, null, null, null, null, null, null, List.of(), null, null,
                T0.plusSeconds(30), null, false);
        assertThat(bank.search(late, null, 10).items()).extracting(MessageSummary::key).containsExactly("k2");
    }

    @Test
    void anOperatorResendBecomesWorkForTheOwningNodeAndItsAnswerIsOnTheTimeline() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "MANUAL", T0, 1, "m1")), List.of()));
        long id = bank.search(BankQuery.all(), null, 10).items().get(0).id();

        Views.ResendBatch batch = bank.requestResend(List.of(id), WorkItem.OPERATOR, null, "partner fixed", "alice");
        List<WorkItem> work = bank.work("node-a", 10);

        assertThat(batch.requested()).hasSize(1);
        assertThat(bank.work("node-b", 10)).isEmpty();
        assertThat(work).singleElement().satisfies(w -> {
            assertThat(w.key()).isEqualTo("k1");
            assertThat(w.ebxmlMessageId()).isEqualTo("m1");
            assertThat(w.operator()).isEqualTo("alice");
        });
        assertThat(bank.work("node-a", 10)).as("claimed: not handed out again within the lease").isEmpty();
        bank.report("node-a", work.get(0).requestId(), WorkOutcome.done("MANUAL -> QUEUED"));
        assertThat(bank.detail(id).orElseThrow().events()).extracting(Views.Event::type)
                .containsExactly("BANK_RESEND_REQUESTED", "BANK_RESEND_DONE");
        assertThat(bank.detail(id).orElseThrow().resendRequests()).extracting(Views.ResendRequest::state)
                .containsExactly("DONE");
    }

    @Test
    void workNeverAnsweredIsHandedOutAgainAfterTheLease() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "MANUAL", T0, 1, "m1")), List.of()));
        long id = bank.search(BankQuery.all(), null, 10).items().get(0).id();
        bank.requestResend(List.of(id), WorkItem.OPERATOR, null, "why", null);
        bank.work("node-a", 10);

        clock.advance(Duration.ofMinutes(3));

        assertThat(bank.work("node-a", 10)).hasSize(1);
    }

    @Test
    void receivedBestEffortAndAlreadyRequestedMessagesAreNotResent() {
        bank.feed(new FeedBatch("node-a", 1, List.of(inbound("k1", "H1", T0), bestEffort("k2", T0),
                outbound("k3", "H3", "MANUAL", T0, 1, "m3")), List.of()));
        List<Long> ids = bank.search(BankQuery.all(), null, 10).items().stream().map(MessageSummary::id).toList();
        bank.requestResend(List.of(idOf("k3")), WorkItem.OPERATOR, null, "first", null);

        Views.ResendBatch batch = bank.requestResend(ids, WorkItem.OPERATOR, null, "again", null);

        assertThat(batch.requested()).isEmpty();
        assertThat(batch.refused()).extracting(Views.Refusal::detail).anySatisfy(d -> assertThat(d).contains("received"))
                .anySatisfy(d -> assertThat(d).contains("best-effort"))
                .anySatisfy(d -> assertThat(d).contains("still open"));
    }

    @Test
    void automaticResendActsOnceOnAStuckManualMessageUpToItsLimit() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "MANUAL", T0, 1, "m1"),
                outbound("k2", "H2", "SLOW_RETRY", T0, 1, "m2"), bestEffort("k3", T0)), List.of()));
        bank.hello("node-a", new NodeHello("http://a", "dev", List.of("cpa-1")));

        assertThat(bank.autoResendOnce(100)).as("not yet past the rule's time limit").isZero();
        clock.advance(Duration.ofMinutes(11));
        bank.hello("node-a", new NodeHello("http://a", "dev", List.of("cpa-1")));
        assertThat(bank.autoResendOnce(100)).isEqualTo(1);
        assertThat(bank.autoResendOnce(100)).as("an open request: not claimed twice").isZero();

        WorkItem work = bank.work("node-a", 10).get(0);
        assertThat(work.automatic()).isTrue();
        assertThat(work.operator()).isEqualTo("stuck");
        bank.report("node-a", work.requestId(), WorkOutcome.done("ok"));
        assertThat(bank.autoResendOnce(100)).isEqualTo(1);
        bank.report("node-a", bank.work("node-a", 10).get(0).requestId(), WorkOutcome.done("ok"));
        assertThat(bank.autoResendOnce(100)).as("maxResends 2 reached").isZero();
    }

    @Test
    void messagesStuckOnANodeThatStoppedReportingAreResentAutomatically() {
        bank.hello("node-gone", new NodeHello("http://gone", "dev", List.of("cpa-1")));
        bank.feed(new FeedBatch("node-gone", 1, List.of(outbound("k1", "H1", "SLOW_RETRY", T0, 1, "m1")),
                List.of()));

        clock.advance(Duration.ofMinutes(11));

        assertThat(bank.search(BankQuery.all().manualQueue(), null, 10).items()).hasSize(1);
        assertThat(bank.autoResendOnce(100)).isEqualTo(1);
    }

    @Test
    void aGoneOwnersResendIsHandedToOneLiveNodeWithTheSameCpaWithTheBankedCopy() {
        bank.hello("node-gone", new NodeHello("http://gone", "dev", List.of("cpa-1")));
        bank.feed(new FeedBatch("node-gone", 1, List.of(outbound("k1", "H1", "MANUAL", T0, 1, "m1")), List.of()));
        bank.hello("node-b", new NodeHello("http://b", "dev", List.of("cpa-1")));
        bank.hello("node-c", new NodeHello("http://c", "dev", List.of("cpa-1")));
        bank.hello("node-other", new NodeHello("http://o", "dev", List.of("cpa-2")));
        long id = idOf("k1");
        bank.requestResend(List.of(id), WorkItem.OPERATOR, null, "owner is down", "alice");

        assertThat(bank.work("node-b", 10)).as("the owner is not stale yet: the request waits for it").isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(bank.work("node-other", 10)).as("a node without the CPA gets nothing").isEmpty();
        List<WorkItem> work = bank.work("node-b", 10);
        assertThat(bank.work("node-c", 10)).as("claimed by compare-and-set: never handed out twice").isEmpty();

        assertThat(work).singleElement().satisfies(w -> {
            assertThat(w.owner()).isEqualTo("node-gone");
            assertThat(w.copy()).isNotNull();
            assertThat(w.copy().hl7Id()).isEqualTo("H1");
            assertThat(new String(w.copy().wire(), java.nio.charset.StandardCharsets.UTF_8)).contains("m1");
        });
        assertThat(bank.reportWork("node-gone", work.get(0).requestId(), WorkOutcome.done("x")))
                .as("the request now belongs to node-b").isFalse();
        bank.report("node-b", work.get(0).requestId(), WorkOutcome.done("resent by node node-b as new message m9"));

        Views.MessageDetail detail = bank.detail(id).orElseThrow();
        assertThat(detail.resendRequests()).singleElement().satisfies(r -> {
            assertThat(r.assignedNode()).isEqualTo("node-b");
            assertThat(r.state()).isEqualTo("DONE");
        });
        assertThat(detail.events()).extracting(Views.Event::type)
                .containsSubsequence("BANK_RESEND_REQUESTED", "BANK_RESEND_REASSIGNED", "BANK_RESEND_DONE");
        assertThat(detail.events()).anySatisfy(e -> assertThat(e.detail()).contains("node-b", "m9"));
    }

    @Test
    void aNodeThatDeclinesAGoneNodesRequestNeverGetsItAgainAndTheNextNodeDoes() {
        bank.hello("node-gone", new NodeHello("http://gone", "dev", List.of("cpa-1")));
        bank.feed(new FeedBatch("node-gone", 1, List.of(outbound("k1", "H1", "MANUAL", T0, 1, "m1")), List.of()));
        bank.requestResend(List.of(idOf("k1")), WorkItem.OPERATOR, null, "owner is down", "alice");
        clock.advance(Duration.ofMinutes(6));
        bank.hello("node-lab", new NodeHello("http://lab", "dev", List.of("cpa-1")));
        WorkItem taken = bank.work("node-lab", 10).get(0);

        bank.report("node-lab", taken.requestId(), WorkOutcome.declined("UnknownParty: not our party"));

        assertThat(bank.work("node-lab", 10)).as("declined once: not offered to it again").isEmpty();
        bank.hello("node-b", new NodeHello("http://b", "dev", List.of("cpa-1")));
        assertThat(bank.work("node-b", 10)).extracting(WorkItem::requestId).containsExactly(taken.requestId());
        assertThat(bank.detail(idOf("k1")).orElseThrow().events()).extracting(Views.Event::type)
                .containsSubsequence("BANK_RESEND_REASSIGNED", "BANK_RESEND_DECLINED", "BANK_RESEND_REASSIGNED");
    }

    @Test
    void aTakenOverRequestWhoseNewNodeNeverAnswersGoesToTheNextAfterTheLease() {
        bank.hello("node-gone", new NodeHello("http://gone", "dev", List.of("cpa-1")));
        bank.feed(new FeedBatch("node-gone", 1, List.of(outbound("k1", "H1", "MANUAL", T0, 1, "m1")), List.of()));
        bank.requestResend(List.of(idOf("k1")), WorkItem.OPERATOR, null, "owner is down", "alice");
        clock.advance(Duration.ofMinutes(6));
        bank.hello("node-b", new NodeHello("http://b", "dev", List.of("cpa-1")));
        assertThat(bank.work("node-b", 10)).hasSize(1);

        clock.advance(Duration.ofMinutes(6)); // node-b went silent too: its lease ran out and it is stale
        bank.hello("node-c", new NodeHello("http://c", "dev", List.of("cpa-1")));

        assertThat(bank.work("node-c", 10)).singleElement().satisfies(w -> assertThat(w.owner())
                .isEqualTo("node-gone"));
    }

    @Test
    void retentionPurgesWhatItsRuleLetsGoKeepsWhatTheLawKeepsAndRecordsThePurge() {
        org.ebrelay.app.bank.FeedMessage kept = outbound("k2", "H2", "COMPLETE", T0, 1, "m2");
        kept = new org.ebrelay.app.bank.FeedMessage(kept.key(), kept.direction(), kept.state(), "cpa-law",
                kept.conversationId(), kept.messageId(), kept.hl7Id(), kept.from(), kept.to(), kept.service(),
                kept.serviceType(), kept.action(), false, 1, T0, T0, null, 1, kept.messageIds(), kept.wire());
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "COMPLETE", T0, 1, "m1"), kept),
                List.of(event(1, "k1", T0, "SUBMITTED"))));

        clock.advance(Duration.ofDays(366));

        assertThat(bank.purgeOnce(100)).isEqualTo(1);
        assertThat(bank.search(BankQuery.all(), null, 10).items()).extracting(MessageSummary::key)
                .containsExactly("k2");
        assertThat(bank.purges(null, 10).items()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("lab-one-year");
            assertThat(p.messages()).isEqualTo(1);
        });
    }

    @Test
    void theDashboardCountsByStateAndPartnerAndPerTimeBucket() {
        bank.feed(new FeedBatch("node-a", 1, List.of(outbound("k1", "H1", "COMPLETE", T0, 1, "m1"),
                outbound("k2", "H2", "MANUAL", T0.plusSeconds(3600), 1, "m2"), inbound("k3", "H3", T0)), List.of()));

        Views.Dashboard board = bank.dashboard(T0, T0.plus(Duration.ofHours(2)), Duration.ofHours(1));

        assertThat(board.byState()).containsEntry("COMPLETE", 1L).containsEntry("MANUAL", 1L)
                .containsEntry("DELIVERED", 1L);
        assertThat(board.byPartner()).singleElement().satisfies(p -> {
            assertThat(p.partner()).isEqualTo("urn:x:LAB");
            assertThat(p.total()).isEqualTo(3);
        });
        assertThat(board.throughput()).extracting(Views.Bucket::outbound).containsExactly(1L, 1L);
        assertThat(board.throughput()).extracting(Views.Bucket::inbound).containsExactly(1L, 0L);
    }

    private long idOf(String key) {
        return bank.search(BankQuery.all(), null, 100).items().stream().filter(m -> m.key().equals(key))
                .findFirst().orElseThrow().id();
    }

    private static BankQuery query(String hl7Id, String messageId, String partner) {
        return new BankQuery(hl7Id, messageId, null, partner, null, null, null, List.of(), null, null, null, null,
                false);
    }
}
