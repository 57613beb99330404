package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.EndpointOverrides;

import java.net.URI;
import org.ebrelay.domain.cpa.ActionBinding;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.Certificate;
import org.ebrelay.domain.cpa.DeliveryChannel;
import org.ebrelay.domain.cpa.Endpoint;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.cpa.Transport;
import org.ebrelay.domain.cpa.TransportSecurity;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The readable summary `ebrelay cpa show` prints: parties, who sends what to whom, and on which terms. */
public final class AgreementSummary {
    private AgreementSummary() {
    }

    public static String describe(Agreement agreement) {
        return describe(agreement, EndpointOverrides.NONE);
    }

    /** The summary with the endpoint overrides of the configuration shown next to the URLs they replace. */
    public static String describe(Agreement agreement, EndpointOverrides overrides) {
        StringBuilder out = new StringBuilder();
        out.append("CPA ").append(agreement.cpaId()).append(" (version ").append(agreement.version()).append(")\n");
        out.append("  status ").append(agreement.status().wireName()).append(", valid from ")
                .append(agreement.start()).append(" until ").append(agreement.end()).append('\n');
        for (PartyInfo party : agreement.parties()) {
            out.append('\n');
            describeParty(agreement, party, overrides, out);
        }
        out.append("\nMessages\n");
        for (PartyInfo party : agreement.parties()) {
            for (ActionBinding send : party.bindings(ActionBinding.Direction.SEND)) {
                describeMessage(agreement, party, send, overrides, out);
            }
        }
        return out.toString();
    }

    private static void describeParty(Agreement agreement, PartyInfo party, EndpointOverrides overrides,
                                      StringBuilder out) {
        out.append("Party ").append(party.partyName()).append('\n');
        for (PartyId id : party.partyIds()) {
            out.append("  PartyId ").append(id.value())
                    .append(id.isTyped() ? " (type " + id.type() + ")" : " (no type)").append('\n');
        }
        out.append("  ").append(party.roles().size() == 1 ? "role " : "roles ")
                .append(party.roles().isEmpty() ? "(none)" : String.join(", ", party.roles())).append('\n');
        List<Endpoint> endpoints = party.channels().stream().map(DeliveryChannel::transport).distinct()
                .flatMap(t -> t.endpoints().stream()).distinct().toList();
        for (Endpoint endpoint : endpoints) {
            out.append("  endpoint ").append(endpoint.uri()).append(" (").append(endpoint.type().wireName())
                    .append(")").append(overridden(agreement, endpoint.uri(), overrides)).append('\n');
        }
        party.channels().stream().map(DeliveryChannel::transport).distinct()
                .filter(t -> t.clientSecurity() != null || t.serverSecurity() != null)
                .forEach(t -> out.append("  ").append(tls(t)).append('\n'));
        if (!party.certificates().isEmpty()) {
            out.append("  certificates ").append(String.join(", ",
                    party.certificates().stream().map(Certificate::certId).toList())).append('\n');
        }
        DeliveryChannel msh = party.mshChannel("Acknowledgment");
        out.append("  MSH signals on channel ").append(party.defaultMshChannelId());
        if (!msh.channelId().equals(party.defaultMshChannelId())) {
            out.append(" (acknowledgments on ").append(msh.channelId()).append(')');
        }
        out.append(", package ").append(party.defaultMshPackageId()).append('\n');
    }

    /** "TLS 1.2 as client with RGH_Cert, as server with RGH_Cert". */
    private static String tls(Transport transport) {
        List<String> sides = new ArrayList<>();
        if (transport.clientSecurity() != null) {
            sides.add(side("client", transport.clientSecurity()));
        }
        if (transport.serverSecurity() != null) {
            sides.add(side("server", transport.serverSecurity()));
        }
        return "transport " + transport.transportId() + ": " + String.join("; ", sides);
    }

    private static String side(String role, TransportSecurity security) {
        return security.protocol() + " as " + role
                + (security.certificateId() == null ? "" : " with certificate " + security.certificateId());
    }

    private static String overridden(Agreement agreement, URI uri, EndpointOverrides overrides) {
        return overrides.target(agreement.cpaId(), uri).map(to -> ", overridden in the configuration: sent to " + to)
                .orElse("");
    }

    private static void describeMessage(Agreement agreement, PartyInfo from, ActionBinding send,
                                        EndpointOverrides overrides, StringBuilder out) {
        PartyInfo to = agreement.otherParty(from);
        Optional<Route> route = agreement.route(from.firstPartyId(), send.roleName(), to.firstPartyId(),
                send.service(), send.action());
        out.append("  ").append(send.action()).append(": ").append(from.partyName()).append(" (")
                .append(send.roleName()).append(") -> ").append(to.partyName());
        if (route.isEmpty()) {
            out.append(" - no matching receive binding\n");
            return;
        }
        Route r = route.get();
        out.append(" (").append(r.toRole()).append(")\n");
        out.append("    ").append(service(send.service())).append(", package ").append(r.packageId()).append('\n');
        out.append("    posted to ").append(r.endpoint().uri())
                .append(overridden(agreement, r.endpoint().uri(), overrides)).append('\n');
        out.append("    ").append(Terms.reliability(r)).append("; ").append(Terms.security(r)).append('\n');
    }

    private static String service(Service service) {
        return "service " + service.value() + (service.type() == null ? "" : " (type " + service.type() + ")");
    }
}
