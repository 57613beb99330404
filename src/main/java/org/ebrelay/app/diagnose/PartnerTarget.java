package org.ebrelay.app.diagnose;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.MshRoute;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.cpa.Validity;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Where an MSH-level request (Ping, StatusRequest) goes, resolved against the CPA (cpa-digest §3.2): our party, the
 * partner, the partner's endpoint for the action, and whether we ask for the reply on the HTTP response.
 *
 * @param syncReply our MSH channel for the action has a syncReplyMode other than none
 */
record PartnerTarget(CpaId cpaId, PartyId from, PartyId to, URI endpoint, boolean syncReply) {

    Party fromParty() {
        return Party.of(from, null);
    }

    Party toParty() {
        return Party.of(to, null);
    }

    /** A target, or why there is none: exactly one of the two is set. */
    record Resolution(PartnerTarget target, String error) {
        static Resolution failed(String error) {
            return new Resolution(null, error);
        }
    }

    /**
     * Resolves the request. Without {@code from}, our party is the agreement's other party than {@code to}, provided
     * this node acts for it (the sole local party of the CPA, or any party when none are configured).
     */
    static Resolution resolve(AgreementRegistry agreements, LocalParties localParties, CpaId cpaId, PartyId from,
                              PartyId to, String action, Instant now) {
        Optional<Agreement> found = agreements.find(cpaId);
        if (found.isEmpty()) {
            return Resolution.failed("unknown CPA '" + cpaId + "': this node has no agreement with that cpaid");
        }
        Agreement agreement = found.get();
        Validity validity = agreement.validityAt(now);
        if (validity != Validity.USABLE) {
            return Resolution.failed("CPA '" + cpaId + "' cannot be used now: " + validity);
        }
        Optional<PartyInfo> partner = agreement.party(to);
        if (partner.isEmpty()) {
            return Resolution.failed(unknownParty(to, cpaId));
        }
        PartyInfo ours = from == null ? agreement.otherParty(partner.get()) : agreement.party(from).orElse(null);
        if (ours == null) {
            return Resolution.failed(unknownParty(from, cpaId));
        }
        if (ours.equals(partner.get())) {
            return Resolution.failed("'from' and 'to' are the same party of CPA '" + cpaId + "' ("
                    + partner.get().partyName() + ")");
        }
        if (!localParties.actsFor(ours)) {
            return Resolution.failed("this node does not act for " + ours.partyName() + " ("
                    + PartyIds.format(ours.firstPartyId()) + "), the other party of CPA '" + cpaId + "'");
        }
        PartyId fromId = from == null ? ours.firstPartyId() : from;
        return route(agreement, fromId, to, action);
    }

    private static Resolution route(Agreement agreement, PartyId from, PartyId to, String action) {
        MshRoute route = agreement.mshRoute(from, to, action).orElseThrow(); // both parties checked above
        if (route.asyncEndpoint().isEmpty()) {
            return Resolution.failed("CPA '" + agreement.cpaId() + "' gives " + route.toParty().partyName()
                    + " no endpoint for " + action);
        }
        boolean syncReply = route.sendChannel().characteristics().syncReplyMode().isSynchronous();
        return new Resolution(new PartnerTarget(agreement.cpaId(), from, to, route.asyncEndpoint().get().uri(),
                syncReply), null);
    }

    private static String unknownParty(PartyId party, CpaId cpaId) {
        return "unknown party " + PartyIds.format(party) + ": it is not a party of CPA '" + cpaId + "'";
    }
}
