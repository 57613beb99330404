package org.ebrelay.adapter.bank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebrelay.adapter.bank.Views.Dashboard;
import org.ebrelay.adapter.bank.Views.MessageDetail;
import org.ebrelay.adapter.bank.Views.MessageSummary;
import org.ebrelay.adapter.bank.Views.Node;
import org.ebrelay.adapter.bank.Views.Page;
import org.ebrelay.adapter.bank.Views.Purge;
import org.ebrelay.adapter.bank.Views.Refusal;
import org.ebrelay.adapter.bank.Views.ResendBatch;
import org.ebrelay.adapter.bank.Views.ResendRequest;
import org.ebrelay.adapter.bank.Views.Wire;
import org.ebrelay.app.bank.AutoResendRule;
import org.ebrelay.app.bank.BankChannel;
import org.ebrelay.app.bank.CpaReport;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.NodeHello;
import org.ebrelay.app.bank.RetentionRules;
import org.ebrelay.app.bank.WorkItem;
import org.ebrelay.app.bank.WorkOutcome;
import org.ebrelay.app.port.out.StoreFailure;

/**
 * The Message Bank over its own database: the node channel ({@link BankChannel}: nodes call it in-process or over
 * HTTP, the same idempotent path), the searches and views of the REST API, resend requests, automatic resend and
 * retention purges.
 */
public final class JdbcMessageBank implements BankChannel {
    /**
     * @param staleNodeAfter a node whose last contact is older is shown stale; its unfinished messages count as
     *                       stuck (manual queue, automatic resend)
     * @param workLease      a claimed work item is handed out again when its node has not answered by then
     */
    public record Settings(Duration staleNodeAfter, Duration workLease, RetentionRules retention,
                           List<AutoResendRule> autoResend) {
        public Settings {
            autoResend = List.copyOf(autoResend);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), Duration.ofMinutes(2), new RetentionRules(List.of()),
                    List.of());
        }
    }

    private final BankDatabase db;
    private final Clock clock;
    private final Settings settings;

    public JdbcMessageBank(BankDatabase db, Clock clock, Settings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public long hello(String node, NodeHello hello) {
        return channel(() -> db.inTransaction(c -> BankIngestRows.hello(c, node, hello, clock.instant())));
    }

    @Override
    public long feed(FeedBatch batch) {
        return channel(() -> db.inTransaction(c -> BankIngestRows.feed(c, batch, settings.retention(),
                clock.instant())));
    }

    @Override
    public List<WorkItem> work(String node, int limit) {
        Instant now = clock.instant();
        return channel(() -> db.inTransaction(c -> {
            BankIngestRows.touch(c, node, now);
            return BankResendRows.claimWork(c, node, limit, now, now.plus(settings.workLease()),
                    now.minus(settings.staleNodeAfter()));
        }));
    }

    @Override
    public void report(String node, long requestId, WorkOutcome outcome) {
        if (!reportWork(node, requestId, outcome)) {
            throw new IllegalArgumentException("node " + node + " holds no resend request " + requestId);
        }
    }

    @Override
    public void cpas(String node, List<CpaReport> cpas) {
        Instant now = clock.instant();
        channel(() -> db.inTransaction(c -> {
            BankIngestRows.touch(c, node, now);
            return BankCpaRows.report(c, node, cpas, now);
        }));
    }

    /** Every CPA a node serves or served, with which node runs which version. */
    public List<CpaViews.Entry> cpaList() {
        return CpaViews.entries(db.read(BankCpaRows::all));
    }

    public Optional<CpaViews.Detail> cpa(String cpaId) {
        return CpaViews.detail(db.read(c -> BankCpaRows.of(c, cpaId)));
    }

    /** Records a node's answer; false when that node holds no such request. */
    public boolean reportWork(String node, long requestId, WorkOutcome outcome) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            BankIngestRows.touch(c, node, now);
            return BankResendRows.finish(c, node, requestId, outcome, now);
        });
    }

    /** In-process callers see a failing bank database as an unavailable bank, like HTTP callers do. */
    private static <T> T channel(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreFailure e) {
            throw new BankUnavailable(e.getMessage(), e);
        }
    }

    public Page<MessageSummary> search(BankQuery query, String after, int limit) {
        PageCursor cursor = after == null || after.isBlank() ? null : PageCursor.decode(after);
        Instant staleBefore = staleBefore();
        List<MessageSummary> rows = db.read(c -> BankSearchRows.search(c, query, cursor, limit, staleBefore));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<MessageSummary> page = rows.subList(0, limit);
        MessageSummary last = page.get(limit - 1);
        return new Page<>(List.copyOf(page), new PageCursor(last.createdAt().toEpochMilli(), last.id()).encode());
    }

    public Optional<MessageSummary> summary(long id) {
        return Optional.ofNullable(db.read(c -> BankSearchRows.byId(c, id)));
    }

    public Optional<MessageDetail> detail(long id) {
        return Optional.ofNullable(db.read(c -> {
            MessageSummary summary = BankSearchRows.byId(c, id);
            if (summary == null) {
                return null;
            }
            Long retain = BankDetailRows.retainUntil(c, id);
            return new MessageDetail(summary, BankDetailRows.messageIds(c, id), BankDetailRows.events(c, id),
                    BankDetailRows.wires(c, id), BankResendRows.ofMessage(c, id),
                    retain == null ? null : Instant.ofEpochMilli(retain));
        }));
    }

    /** The wire under {@code messageId} (null: the latest banked). */
    public Optional<Wire> wire(long id, String messageId) {
        return Optional.ofNullable(db.read(c -> BankDetailRows.wire(c, id, messageId)));
    }

    /** Asks for a resend of one message: the request, or why not (error NotFound or NotAllowed). */
    public ResendBatch requestResend(List<Long> ids, String origin, String rule, String reason, String operator) {
        List<ResendRequest> requested = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Instant now = clock.instant();
        for (long id : ids) {
            db.inTransaction(c -> {
                MessageSummary message = BankSearchRows.byId(c, id);
                if (message == null) {
                    refused.add(new Refusal(id, "NotFound", "no banked message " + id));
                    return null;
                }
                String refusal = BankResendRows.refusal(c, message);
                if (refusal != null) {
                    refused.add(new Refusal(id, "NotAllowed", refusal));
                    return null;
                }
                long request = BankResendRows.insert(c, message, origin, rule, reason, operator, now);
                requested.add(BankResendRows.byId(c, request));
                return null;
            });
        }
        return new ResendBatch(requested, refused);
    }

    /** The ids of the first {@code max} messages a search matches, in the search's order. */
    public List<Long> idsMatching(BankQuery query, int max) {
        List<Long> ids = new ArrayList<>();
        String after = null;
        do {
            Page<MessageSummary> page = search(query, after, Math.min(500, max - ids.size()));
            page.items().forEach(m -> ids.add(m.id()));
            after = page.next();
        } while (after != null && ids.size() < max);
        return ids;
    }

    public Page<ResendRequest> resends(String state, String after, int limit) {
        long afterId = after == null || after.isBlank() ? 0 : PageCursor.decode(after).id();
        List<ResendRequest> rows = db.read(c -> BankResendRows.list(c, state, afterId, limit));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<ResendRequest> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, new PageCursor(0, page.get(limit - 1).requestId()).encode());
    }

    public Dashboard dashboard(Instant since, Instant until, Duration bucket) {
        return db.read(c -> BankStatsRows.dashboard(c, since, until, bucket, staleBefore()));
    }

    /** The requests nodes refused before a message existed, newest first. */
    public List<Views.RejectedRequest> rejectedRequests(String node, int limit) {
        return db.read(c -> BankNoteRows.rejected(c, node, limit));
    }

    public List<Node> nodes() {
        return db.read(c -> BankStatsRows.nodes(c, staleBefore()));
    }

    public Page<Purge> purges(String after, int limit) {
        long afterId = after == null || after.isBlank() ? 0 : PageCursor.decode(after).id();
        List<Purge> rows = db.read(c -> BankHousekeepingRows.purges(c, afterId, limit));
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<Purge> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, new PageCursor(0, page.get(limit - 1).purgeId()).encode());
    }

    /**
     * One round of automatic resend: for each rule, the messages it covers are claimed one by one by compare-and-set
     * on their automatic-resend count (two banks, or two rounds, never both act) and handed to their node.
     *
     * @return resend requests made
     */
    public int autoResendOnce(int limitPerRule) {
        int made = 0;
        Instant now = clock.instant();
        for (AutoResendRule rule : settings.autoResend()) {
            List<long[]> candidates = db.read(c -> BankHousekeepingRows.candidates(c, rule, now.minus(rule.after()),
                    staleBefore(), limitPerRule));
            for (long[] candidate : candidates) {
                made += db.inTransaction(c -> {
                    if (!BankHousekeepingRows.claim(c, candidate[0], candidate[1])) {
                        return 0;
                    }
                    MessageSummary message = BankSearchRows.byId(c, candidate[0]);
                    BankResendRows.insert(c, message, WorkItem.AUTOMATIC, rule.name(), "not COMPLETE "
                            + rule.after() + " after submission (automatic resend " + (candidate[1] + 1) + " of "
                            + rule.maxResends() + ")", null, now);
                    return 1;
                });
            }
        }
        return made;
    }

    /** One round of retention: purges what is due, records it; returns how many messages were purged. */
    public int purgeOnce(int limit) {
        return db.inTransaction(c -> BankHousekeepingRows.purge(c, clock.instant(), limit));
    }

    private Instant staleBefore() {
        return clock.instant().minus(settings.staleNodeAfter());
    }
}
