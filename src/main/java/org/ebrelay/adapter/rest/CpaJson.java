package org.ebrelay.adapter.rest;

import org.ebrelay.adapter.cpa.Terms;
import org.ebrelay.app.PartyIds;
import org.ebrelay.app.cpa.CpaStatus;
import org.ebrelay.app.cpa.CpaVersion;
import org.ebrelay.app.cpa.RejectedEdit;
import org.ebrelay.app.cpa.ReloadReport;
import org.ebrelay.domain.cpa.ActionBinding;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.Endpoint;
import org.ebrelay.domain.cpa.EndpointOverrides;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.cpa.Route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JSON of {@code /api/cpas} (docs/openapi.yaml). */
final class CpaJson {
    private CpaJson() {
    }

    record CpaList(List<Summary> cpas, List<Rejected> rejectedFiles) {
    }

    record Summary(String cpaId, String file, String state, String status, Instant start, Instant end,
                   Version version, Rejected rejectedEdit, List<String> expiring) {
        static Summary of(CpaStatus s) {
            Agreement a = s.document();
            return new Summary(s.cpaId().value(), s.file().toString(), s.state(), a.status().wireName(), a.start(),
                    a.end(), Version.of(s.version()), s.rejectedEdit() == null ? null : Rejected.of(s.rejectedEdit()),
                    s.expiring());
        }
    }

    record Version(int number, Instant activatedAt, String checksum, String file) {
        static Version of(CpaVersion v) {
            return new Version(v.number(), v.activatedAt(), v.checksum(), v.file());
        }
    }

    record Rejected(String file, Instant at, String checksum, List<String> problems) {
        static Rejected of(RejectedEdit r) {
            return new Rejected(r.file().toString(), r.at(), r.checksum(), r.problems());
        }
    }

    record Detail(Summary summary, List<Party> parties, List<Message> messages, List<Version> versions) {
        static Detail of(CpaStatus s, EndpointOverrides overrides, List<CpaVersion> history) {
            Agreement a = s.document();
            List<Party> parties = a.parties().stream().map(p -> Party.of(a, p, overrides)).toList();
            List<Message> messages = new ArrayList<>();
            for (PartyInfo from : a.parties()) {
                for (ActionBinding send : from.bindings(ActionBinding.Direction.SEND)) {
                    Message.of(a, from, send, overrides).ifPresent(messages::add);
                }
            }
            return new Detail(Summary.of(s), parties, messages, history.stream().map(Version::of).toList());
        }
    }

    /**
     * What a node tells the bank about one CPA (the portal's CPA view): the detail, each version with what changed
     * from the one before in CPA terms, and the endpoint overrides in force for it.
     */
    record Report(Summary summary, List<Party> parties, List<Message> messages, List<VersionChanges> versions,
                  List<OverrideJson> overrides, List<Rejected> rejectedFiles) {
        /** @param rejectedFiles the node's files that failed the checks and serve no CPA (the overrides file too) */
        static Report of(CpaStatus s, EndpointOverrides overrides, List<CpaVersion> history,
                         java.util.function.Function<CpaVersion, List<String>> changes, List<RejectedEdit> rejectedFiles) {
            Detail d = Detail.of(s, overrides, history);
            List<OverrideJson> inForce = overrides.all().stream()
                    .filter(o -> o.cpaId() == null || o.cpaId().equals(s.cpaId()))
                    .map(o -> new OverrideJson(o.cpaId() == null ? null : o.cpaId().value(), o.from().toString(),
                            o.to().toString())).toList();
            return new Report(d.summary(), d.parties(), d.messages(), history.stream()
                    .map(v -> new VersionChanges(v.number(), v.activatedAt(), v.checksum(), v.file(), changes.apply(v)))
                    .toList(), inForce, rejectedFiles.stream().map(Rejected::of).toList());
        }
    }

    record VersionChanges(int number, Instant activatedAt, String checksum, String file, List<String> changes) {
    }

    /** @param cpaId null: a mapping for every CPA */
    record OverrideJson(String cpaId, String from, String to) {
    }

    record Party(String name, List<String> partyIds, List<String> roles, List<EndpointJson> endpoints,
                 List<String> certificates) {
        static Party of(Agreement a, PartyInfo p, EndpointOverrides overrides) {
            List<EndpointJson> endpoints = p.channels().stream().flatMap(c -> c.transport().endpoints().stream())
                    .distinct().map(e -> EndpointJson.of(a, e, overrides)).toList();
            return new Party(p.partyName(), p.partyIds().stream().map(PartyIds::format).toList(), p.roles(),
                    endpoints, p.certificates().stream().map(c -> c.certId()).toList());
        }
    }

    /** @param sentTo where the node sends instead (an endpoint override of the configuration), or null */
    record EndpointJson(String url, String type, String sentTo) {
        static EndpointJson of(Agreement a, Endpoint e, EndpointOverrides overrides) {
            return new EndpointJson(e.uri().toString(), e.type().wireName(),
                    overrides.target(a.cpaId(), e.uri()).map(Object::toString).orElse(null));
        }
    }

    /** One message the CPA agrees, with its terms in plain words. */
    record Message(String service, String action, String from, String fromRole, String to, String toRole,
                   String channel, String endpoint, String sentTo, String reliability, String security) {
        static Optional<Message> of(Agreement a, PartyInfo from, ActionBinding send, EndpointOverrides overrides) {
            PartyInfo to = a.otherParty(from);
            Optional<Route> route = a.route(from.firstPartyId(), send.roleName(), to.firstPartyId(), send.service(),
                    send.action());
            return route.map(r -> new Message(send.service().value(), send.action(), from.partyName(), r.fromRole(),
                    to.partyName(), r.toRole(), r.sendChannel().channelId(), r.endpoint().uri().toString(),
                    overrides.target(a.cpaId(), r.endpoint().uri()).map(Object::toString).orElse(null),
                    Terms.reliability(r), Terms.security(r)));
        }
    }

    record VersionList(String cpaId, List<Version> versions) {
    }

    record ChangeList(String cpaId, int from, int to, List<String> changes) {
    }

    record Reload(List<Activated> activated, List<Rejected> rejected, List<Removed> removed, int unchanged) {
        static Reload of(ReloadReport r) {
            return new Reload(r.activated().stream().map(a -> new Activated(a.cpaId().value(), a.file().toString(),
                    a.version(), a.changes(), a.retermed(), a.withdrawn().moved())).toList(),
                    r.rejected().stream().map(Rejected::of).toList(),
                    r.removed().stream().map(x -> new Removed(x.cpaId().value(),
                            x.file() == null ? null : x.file().toString(), x.withdrawn().moved(),
                            x.withdrawn().inFlight())).toList(), r.unchanged());
        }
    }

    /** @param retermed pending messages that take the new terms; @param movedToManual their action left the CPA */
    record Activated(String cpaId, String file, int version, List<String> changes, int retermed, int movedToManual) {
    }

    record Removed(String cpaId, String file, int movedToManual, int movingAfterAttempt) {
    }
}
