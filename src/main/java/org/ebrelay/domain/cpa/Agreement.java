package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Party;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A loaded, validated Collaboration Protocol Agreement: our own immutable model of what an MSH needs from it,
 * with the resolution rules of cpa-digest §3 as methods.
 *
 * @param version the @version attribute (informational)
 * @param parties exactly two, with no PartyId in common
 */
public record Agreement(CpaId cpaId, String version, AgreementStatus status, Instant start, Instant end,
                        List<PartyInfo> parties) {

    public Agreement {
        Require.nonNull(cpaId, "cpaId");
        version = Require.nonBlank(version, "version");
        Require.nonNull(status, "status");
        Require.nonNull(start, "start");
        Require.nonNull(end, "end");
        Require.that(start.isBefore(end), "Start " + start + " must be before End " + end);
        parties = List.copyOf(parties);
        Require.that(parties.size() == 2, "an agreement has exactly two parties, not " + parties.size());
        Require.that(parties.get(0).partyIds().stream().noneMatch(parties.get(1)::isIdentifiedBy),
                "the two parties must not share a PartyId");
        checkBindingsLinkUp(parties.get(0), parties.get(1));
        checkBindingsLinkUp(parties.get(1), parties.get(0));
    }

    /** Every OtherPartyActionBinding names an opposite binding of the other party; receivers have an endpoint. */
    private static void checkBindingsLinkUp(PartyInfo party, PartyInfo other) {
        for (ActionBinding binding : party.bindings()) {
            if (binding.otherPartyBindingId() != null) {
                Require.that(other.binding(binding.otherPartyBindingId())
                                .filter(b -> b.direction() == binding.direction().opposite()).isPresent(),
                        "OtherPartyActionBinding of " + binding.id() + " names no opposite binding of "
                                + other.partyName());
            }
            if (binding.direction() == ActionBinding.Direction.RECEIVE) {
                Require.that(party.channelOf(binding).transport().endpointFor(EndpointType.REQUEST).isPresent(),
                        "the channel of " + binding.id() + " has no endpoint to receive on");
            }
        }
    }

    /** Whether a message may be sent or accepted at {@code instant} (CPA-2, CPA-3): Start <= instant < End. */
    public Validity validityAt(Instant instant) {
        if (!status.governsTraffic()) {
            return Validity.PROPOSED;
        }
        if (instant.isBefore(start)) {
            return Validity.NOT_YET_VALID;
        }
        return instant.isBefore(end) ? Validity.USABLE : Validity.EXPIRED;
    }

    public boolean isUsableAt(Instant instant) {
        return validityAt(instant) == Validity.USABLE;
    }

    /** The party one PartyId (type and value) identifies (CPA-4). */
    public Optional<PartyInfo> party(PartyId partyId) {
        return parties.stream().filter(p -> p.isIdentifiedBy(partyId)).findFirst();
    }

    /** The party a message's From or To identifies: the one its first matching PartyId names. */
    public Optional<PartyInfo> party(Party party) {
        return party.partyIds().stream().map(this::party).flatMap(Optional::stream).findFirst();
    }

    public PartyInfo otherParty(PartyInfo party) {
        if (party.equals(parties.get(0))) {
            return parties.get(1);
        }
        Require.that(party.equals(parties.get(1)), "not a party of " + cpaId + ": " + party.partyName());
        return parties.get(0);
    }

    /** Resolves a business message without a To role (§3.1); see {@link #route(PartyId, String, PartyId, String, Service, String)}. */
    public Optional<Route> route(PartyId from, String fromRole, PartyId to, Service service, String action) {
        return route(from, fromRole, to, null, service, action);
    }

    /**
     * Resolves a business message (cpa-digest §3.1, steps 2 to 8). Empty when the parties are not the two of this
     * agreement, or the from party may not send this service/action in that role, or the to party may not receive
     * it (the caller answers ValueNotRecognized). Does not look at status and validity: see {@link #validityAt}.
     *
     * @param fromRole eb:From/eb:Role, or null to accept any role
     * @param toRole   eb:To/eb:Role, or null to accept any role
     */
    public Optional<Route> route(PartyId from, String fromRole, PartyId to, String toRole,
                                 Service service, String action) {
        Optional<PartyInfo> fromParty = party(from);
        Optional<PartyInfo> toParty = party(to);
        if (fromParty.isEmpty() || toParty.isEmpty() || fromParty.get().equals(toParty.get())) {
            return Optional.empty();
        }
        PartyInfo sender = fromParty.get();
        PartyInfo receiver = toParty.get();
        return sender.bindings(ActionBinding.Direction.SEND).stream()
                .filter(b -> b.matches(service, action) && b.inRole(fromRole))
                .findFirst()
                .flatMap(send -> receiveBinding(send, receiver, toRole).flatMap(receive -> {
                    DeliveryChannel receiveChannel = receiver.channelOf(receive);
                    return receiveChannel.transport().endpointFor(EndpointType.REQUEST)
                            .map(endpoint -> new Route(sender, send, sender.channelOf(send),
                                    receiver, receive, receiveChannel, endpoint));
                }));
    }

    /** §3.1 step 4: the OtherPartyActionBinding, else a CanReceive of the same service and action. */
    private static Optional<ActionBinding> receiveBinding(ActionBinding send, PartyInfo receiver, String toRole) {
        Stream<ActionBinding> candidates = send.otherPartyBindingId() != null
                ? receiver.binding(send.otherPartyBindingId()).stream()
                : receiver.bindings(ActionBinding.Direction.RECEIVE).stream()
                        .filter(b -> b.matches(send.service(), send.action()));
        return candidates.filter(b -> b.direction() == ActionBinding.Direction.RECEIVE && b.inRole(toRole))
                .findFirst();
    }

    /** The channel a party uses for an MSH-level action (§3.2): its override for the action, else its default. */
    public Optional<DeliveryChannel> mshChannel(PartyId party, String action) {
        return party(party).map(p -> p.mshChannel(action));
    }

    /**
     * Resolves an MSH-level message (cpa-digest §3.2) from one party to the other: both MSH channels for the
     * action, and the receiver's endpoint for it (an error endpoint for MessageError, when it has one).
     */
    public Optional<MshRoute> mshRoute(PartyId from, PartyId to, String action) {
        Optional<PartyInfo> fromParty = party(from);
        Optional<PartyInfo> toParty = party(to);
        if (fromParty.isEmpty() || toParty.isEmpty() || fromParty.get().equals(toParty.get())) {
            return Optional.empty();
        }
        DeliveryChannel receiveChannel = toParty.get().mshChannel(action);
        Endpoint endpoint = receiveChannel.transport().endpointFor(EndpointType.forMshAction(action)).orElse(null);
        return Optional.of(new MshRoute(fromParty.get(), fromParty.get().mshChannel(action), toParty.get(),
                receiveChannel, endpoint));
    }

    /** A certificate by certId; certIds are unique in the whole document, so either party may hold it. */
    public Optional<Certificate> certificate(String certId) {
        return parties.stream().map(p -> p.certificate(certId)).flatMap(Optional::stream).findFirst();
    }

    /** The certificates for certIds (such as trust anchors), skipping unknown ones. */
    public List<Certificate> certificates(List<String> certIds) {
        return certIds.stream().map(this::certificate).flatMap(Optional::stream).toList();
    }
}
