package org.ebrelay.app.cpa;

import org.ebrelay.app.outbound.OutboundMessageFactory;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.reliability.DeliveryTerms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a newly activated CPA version means for the messages already under way (docs/cpa-administration.md):
 * <ul>
 * <li>Retries and RetryInterval apply from the next attempt (an attempt already scheduled keeps its time, so no
 * message waits longer because of the edit);</li>
 * <li>the endpoint applies from the next attempt;</li>
 * <li>PersistDuration: the current MessageId keeps the TimeToLive it was sent with; a MessageId issued from now on
 * (regeneration) gets the new one;</li>
 * <li>the header terms (AckRequested, DuplicateElimination, SyncReply, signing) stay as the message was packaged;</li>
 * <li>a message whose action (or party) the new version no longer has goes to manual handling with the reason.</li>
 * </ul>
 */
final class InFlightRules {
    private final PendingOutbound pending;

    InFlightRules(PendingOutbound pending) {
        this.pending = pending;
    }

    /** @param stillSending routes whose messages in SENDING must be withdrawn once their attempt has ended */
    record Applied(int retermed, PendingOutbound.Withdrawn withdrawn, List<PendingOutbound.Route> stillSending) {
    }

    Applied apply(Agreement agreement, int version, Instant now) {
        CpaId cpaId = agreement.cpaId();
        int retermed = 0;
        PendingOutbound.Withdrawn withdrawn = new PendingOutbound.Withdrawn(0, 0);
        List<PendingOutbound.Route> stillSending = new ArrayList<>();
        for (PendingOutbound.Route route : pending.routes(cpaId)) {
            Optional<Route> resolved = agreement.route(route.from(), null, route.to(), route.service(),
                    route.action());
            if (resolved.isEmpty()) {
                PendingOutbound.Withdrawn w = pending.withdraw(cpaId, route, reason(cpaId, version, route), now);
                withdrawn = withdrawn.plus(w);
                if (w.inFlight() > 0) {
                    stillSending.add(route);
                }
            } else {
                retermed += pending.applyTerms(cpaId, route, terms(resolved.get()));
            }
        }
        return new Applied(retermed, withdrawn, stillSending);
    }

    static String reason(CpaId cpaId, int version, PendingOutbound.Route route) {
        return "version " + version + " of CPA " + cpaId + " no longer agrees " + route.describe()
                + "; resend (under the stored terms) or abandon";
    }

    private static PendingOutbound.Terms terms(Route route) {
        DeliveryTerms terms = OutboundMessageFactory.terms(route);
        return new PendingOutbound.Terms(route.senderTerms().reliability().retries(), terms.retryInterval(),
                terms.persistDuration(), route.endpoint().uri().toString());
    }
}
