package org.ebrelay.app.outbound;

import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.LocalParties;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.domain.cpa.ActionBinding;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.cpa.Validity;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decides whether the CPA lets this node send a submission, and resolves its route (cpa-digest §3.1). */
final class SubmissionCheck {
    private final AgreementRegistry agreements;
    private final LocalParties localParties;
    private final boolean signing;

    SubmissionCheck(AgreementRegistry agreements, LocalParties localParties, boolean signing) {
        this.agreements = agreements;
        this.localParties = localParties;
        this.signing = signing;
    }

    sealed interface Outcome permits Resolved, Refusal {
    }

    record Resolved(Agreement agreement, Route route, PartyId from, PartyId to) implements Outcome {
    }

    record Refusal(SubmissionResult.Refused result) implements Outcome {
        static Refusal of(String error, String detail) {
            return new Refusal(new SubmissionResult.Refused(error, detail));
        }
    }

    Outcome check(Submission s, Instant now) {
        Optional<Agreement> found = agreements.find(s.cpaId());
        if (found.isEmpty()) {
            return Refusal.of("UnknownCpa", "no CPA with cpaid '" + s.cpaId() + "' is loaded on this node");
        }
        Agreement agreement = found.get();
        Validity validity = agreement.validityAt(now);
        if (validity != Validity.USABLE) {
            return Refusal.of("CpaNotUsable", "CPA '" + s.cpaId() + "' cannot carry messages now: "
                    + validity.name().toLowerCase().replace('_', ' ') + " (valid " + agreement.start() + " to "
                    + agreement.end() + ", status " + agreement.status() + ")");
        }
        if (s.payloads().isEmpty()) {
            return Refusal.of("InvalidPayload", "a message needs at least one payload");
        }
        Optional<PartyInfo> from = fromParty(agreement, s.from());
        if (from.isEmpty()) {
            return Refusal.of("UnknownParty", s.from() == null
                    ? "this node acts for both or neither party of CPA '" + s.cpaId() + "': name the sender (from)"
                    : "'" + PartyIds.format(s.from()) + "' is not a party of CPA '" + s.cpaId()
                            + "' that this node acts for");
        }
        if (agreement.party(s.to()).isEmpty() || agreement.party(s.to()).get().equals(from.get())) {
            return Refusal.of("UnknownParty", "'" + PartyIds.format(s.to()) + "' is not the other party of CPA '"
                    + s.cpaId() + "'");
        }
        PartyId fromId = s.from() != null ? s.from() : from.get().firstPartyId();
        Optional<Service> service = service(from.get(), s.service(), s.action());
        if (service.isEmpty()) {
            return Refusal.of("UnknownAction", s.service() == null
                    ? "party " + from.get().partyName() + " sends action '" + s.action() + "' under no service, or"
                            + " under several: name the service"
                    : "party " + from.get().partyName() + " may not send service '" + s.service() + "' action '"
                            + s.action() + "' under CPA '" + s.cpaId() + "'");
        }
        Optional<Route> route = agreement.route(fromId, null, s.to(), service.get(), s.action());
        if (route.isEmpty()) {
            return Refusal.of("NotAllowed", "under CPA '" + s.cpaId() + "', " + PartyIds.format(fromId)
                    + " may not send " + service.get() + " / " + s.action() + " to " + PartyIds.format(s.to()));
        }
        if (route.get().signed() && !signing) {
            return Refusal.of("NotSupported", "CPA '" + s.cpaId() + "' requires XML signatures on this action,"
                    + " and signing is not enabled here");
        }
        return new Resolved(agreement, route.get(), fromId, s.to());
    }

    private Optional<PartyInfo> fromParty(Agreement agreement, PartyId from) {
        if (from == null) {
            return localParties.soleLocalParty(agreement);
        }
        return agreement.party(from).filter(p -> localParties.actsFor(from));
    }

    /** The given service, or the only service under which the party sends the action. */
    private static Optional<Service> service(PartyInfo from, Service given, String action) {
        if (given != null) {
            return Optional.of(given);
        }
        List<Service> services = from.bindings(ActionBinding.Direction.SEND).stream()
                .filter(b -> b.action().equals(action)).map(ActionBinding::service).distinct().toList();
        return services.size() == 1 ? Optional.of(services.get(0)) : Optional.empty();
    }
}
