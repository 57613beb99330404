package org.ebrelay.app.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebrelay.app.port.out.NoticeKind;

/**
 * Storm control for administrator notices: turns any number of failure events into a handful of notices per
 * partner. The first event of an outage (retries exhausted, manual handling, a regenerated id) and the first event
 * of each other kind go out promptly ({@code promptDelay} later, so events of the same moment share one notice);
 * later ones are counted into a digest, sent at most once per {@code digestInterval} while events keep coming; a
 * completed message to the partner ends its outage with a last notice carrying the totals.
 *
 * <p>Pure and clock-driven: every method takes the time, nothing reads a clock or starts a thread. Not
 * thread-safe: {@link AdminNotifier} serialises the calls.
 */
public final class AlertAggregator {
    private final Duration digestInterval;
    private final Duration promptDelay;
    private final int examplesPerKind;
    private final Map<Partner, Watch> watches = new LinkedHashMap<>();

    public AlertAggregator(Duration digestInterval, Duration promptDelay, int examplesPerKind) {
        if (digestInterval.isNegative() || digestInterval.isZero() || promptDelay.isNegative()
                || examplesPerKind < 0) {
            throw new IllegalArgumentException("digestInterval must be positive, promptDelay and examples not negative");
        }
        this.digestInterval = digestInterval;
        this.promptDelay = promptDelay;
        this.examplesPerKind = examplesPerKind;
    }

    /** One failure event of a message to {@code partner}. */
    public void problem(Partner partner, AdminNotice.Example event, Instant now) {
        Watch watch = watches.computeIfAbsent(partner, p -> new Watch(p, now));
        watch.lastEventAt = now;
        if (event.kind().meansOutage()) {
            if (watch.outageSince == null) {
                watch.outageSince = now;
                watch.outageStartPending = true;
            }
            watch.outageTotals.add(event);
        }
        if (watch.promptDueAt != null) {
            watch.announced.add(event.kind());
            watch.prompt.add(event);
        } else if (watch.announced.add(event.kind())) {
            watch.prompt.add(event);
            watch.promptDueAt = now.plus(promptDelay);
        } else {
            watch.digest.add(event);
        }
    }

    /** A message to {@code partner} completed: an outage of that partner is over. */
    public void recovered(Partner partner, Instant now) {
        Watch watch = watches.get(partner);
        if (watch == null || watch.outageSince == null) {
            return;
        }
        watch.ended = now;
    }

    /** Whether {@link #recovered} would do anything for {@code partner}: cheap, for the completion hot path. */
    public boolean inOutage(Partner partner) {
        Watch watch = watches.get(partner);
        return watch != null && watch.outageSince != null && watch.ended == null;
    }

    /** The notices due at {@code now}, oldest partner first; each is returned once. */
    public List<AdminNotice> due(Instant now) {
        List<AdminNotice> due = new ArrayList<>();
        Iterator<Watch> all = watches.values().iterator();
        while (all.hasNext()) {
            Watch watch = all.next();
            if (watch.ended != null) {
                due.add(watch.end());
            } else if (watch.promptDueAt != null && !now.isBefore(watch.promptDueAt)) {
                due.add(watch.prompt(now));
            } else if (!watch.digest.isEmpty() && !now.isBefore(watch.lastNoticeAt.plus(digestInterval))) {
                due.add(watch.digest(now));
            }
            if (watch.forgettable(now)) {
                all.remove();
            }
        }
        return due;
    }

    /** How many partners are watched (ongoing outages, or recent events): bounded by partners, not by messages. */
    public int watched() {
        return watches.size();
    }

    /** What is known about one partner since its first unreported event. */
    private final class Watch {
        final Partner partner;
        final Set<NoticeKind> announced = EnumSet.noneOf(NoticeKind.class);
        final Tally prompt = new Tally(examplesPerKind);
        final Tally digest = new Tally(examplesPerKind);
        final Tally outageTotals = new Tally(examplesPerKind);
        Instant outageSince;
        boolean outageStartPending;
        Instant promptDueAt;
        Instant lastNoticeAt;
        Instant lastEventAt;
        Instant ended;

        Watch(Partner partner, Instant now) {
            this.partner = partner;
            this.lastNoticeAt = now;
        }

        AdminNotice prompt(Instant now) {
            AdminNotice.Type type = outageStartPending ? AdminNotice.Type.OUTAGE_STARTED : AdminNotice.Type.NEW_PROBLEM;
            AdminNotice notice = notice(type, now, prompt);
            outageStartPending = false;
            promptDueAt = null;
            return notice;
        }

        AdminNotice digest(Instant now) {
            return notice(AdminNotice.Type.DIGEST, now, digest);
        }

        /** The end of an outage: whatever was not reported yet goes with it; refusals are announced afresh later. */
        AdminNotice end() {
            Tally unreported = new Tally(examplesPerKind);
            unreported.addAll(prompt);
            unreported.addAll(digest);
            prompt.clear();
            digest.clear();
            AdminNotice notice = notice(AdminNotice.Type.OUTAGE_ENDED, ended, unreported);
            outageSince = null;
            outageStartPending = false;
            promptDueAt = null;
            outageTotals.clear();
            announced.clear();
            ended = null;
            return notice;
        }

        private AdminNotice notice(AdminNotice.Type type, Instant now, Tally events) {
            AdminNotice notice = new AdminNotice(type, partner, now, lastNoticeAt, outageSince, events.counts(),
                    outageSince == null ? Map.of() : outageTotals.counts(), events.examples());
            events.clear();
            lastNoticeAt = now;
            return notice;
        }

        /** Nothing pending, no outage, and quiet for a digest interval: the next event is news again. */
        boolean forgettable(Instant now) {
            return outageSince == null && ended == null && promptDueAt == null && digest.isEmpty()
                    && !now.isBefore(lastEventAt.plus(digestInterval));
        }
    }
}
