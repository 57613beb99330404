package org.ebrelay.app.cpa;

import org.ebrelay.domain.message.CpaId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Moves the pending messages of a withdrawn CPA (removed, expired) or action to manual handling, and keeps at it for
 * the messages that were in the middle of an attempt: they move once the attempt has ended.
 */
final class Withdrawals {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.cpa");

    private final PendingOutbound pending;
    private final CpaAlerts alerts;
    private final List<FollowUp> followUps = new ArrayList<>();
    private final Map<CpaId, String> expiredVersions = new HashMap<>();

    /** @param route null: every pending message of the CPA */
    private record FollowUp(CpaId cpaId, PendingOutbound.Route route, String reason) {
    }

    interface Condition {
        boolean holds(CpaId cpaId, PendingOutbound.Route route, Instant now);
    }

    Withdrawals(PendingOutbound pending, CpaAlerts alerts) {
        this.pending = pending;
        this.alerts = alerts;
    }

    PendingOutbound.Withdrawn withdrawCpa(CpaId cpaId, String why, Instant now) {
        String reason = why + "; resend (once a CPA with this CPAId is active again) or abandon";
        PendingOutbound.Withdrawn withdrawn = pending.withdraw(cpaId, null, reason, now);
        if (withdrawn.inFlight() > 0) {
            remember(cpaId, null, reason);
        }
        alerts.send(new CpaAlerts.CpaAlert("REMOVED", "CPA " + cpaId + " withdrawn", why + ".\nNew messages under it"
                + " are refused. " + withdrawn.moved() + " pending message(s) moved to manual handling"
                + (withdrawn.inFlight() > 0 ? ", " + withdrawn.inFlight() + " more once their attempt ends" : "")
                + ".\n"));
        return withdrawn;
    }

    /** Once per CPA version: its End has passed. */
    void expireOnce(CpaId cpaId, String checksum, Instant end, Instant now) {
        if (checksum.equals(expiredVersions.put(cpaId, checksum))) {
            return;
        }
        String reason = "CPA " + cpaId + " reached its End " + end
                + "; resend once a renewed CPA is active, or abandon";
        PendingOutbound.Withdrawn withdrawn = pending.withdraw(cpaId, null, reason, now);
        if (withdrawn.inFlight() > 0) {
            remember(cpaId, null, reason);
        }
        alerts.send(new CpaAlerts.CpaAlert("EXPIRED", "CPA " + cpaId + " expired", "CPA " + cpaId
                + " reached its End " + end + ". New messages under it are refused; " + withdrawn.moved()
                + " pending message(s) moved to manual handling.\n"));
    }

    void remember(CpaId cpaId, PendingOutbound.Route route, String reason) {
        followUps.add(new FollowUp(cpaId, route, reason));
    }

    void alert(CpaId cpaId, PendingOutbound.Withdrawn withdrawn, String why) {
        alerts.send(new CpaAlerts.CpaAlert("ACTION_REMOVED", "CPA " + cpaId + ": messages moved to manual handling",
                withdrawn.moved() + " pending message(s) under CPA " + cpaId + " moved to manual handling: " + why
                        + ".\n"));
    }

    /** Moves what has come out of an attempt since, while the reason still holds. */
    void followUp(Condition stillWithdrawn, Instant now) {
        for (Iterator<FollowUp> it = followUps.iterator(); it.hasNext(); ) {
            FollowUp f = it.next();
            if (!stillWithdrawn.holds(f.cpaId(), f.route(), now)) {
                it.remove();
                continue;
            }
            PendingOutbound.Withdrawn withdrawn = pending.withdraw(f.cpaId(), f.route(), f.reason(), now);
            if (withdrawn.moved() > 0) {
                log.warn("{} more message(s) of CPA {} moved to manual handling after their attempt: {}",
                        withdrawn.moved(), f.cpaId(), f.reason());
            }
            if (withdrawn.inFlight() == 0) {
                it.remove();
            }
        }
    }
}
