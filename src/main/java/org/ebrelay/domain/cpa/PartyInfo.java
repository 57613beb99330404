package org.ebrelay.domain.cpa;

import org.ebrelay.domain.message.PartyId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One of the two parties of an agreement, with everything resolved inside it: action bindings, delivery
 * channels (with their transports and doc exchanges), MSH channel choice, certificates and trust anchors.
 *
 * @param partyIds            any one of these identifies the party (CPA-4); type and value together
 * @param mshChannelOverrides OverrideMshActionBinding: MSH action (e.g. Acknowledgment) to channelId
 */
public record PartyInfo(String partyName, List<PartyId> partyIds, List<ActionBinding> bindings,
                        List<DeliveryChannel> channels, String defaultMshChannelId, String defaultMshPackageId,
                        Map<String, String> mshChannelOverrides, List<Certificate> certificates,
                        List<SecurityDetails> securityDetails) {

    public PartyInfo {
        partyName = Require.nonBlank(partyName, "partyName");
        partyIds = List.copyOf(partyIds);
        Require.that(!partyIds.isEmpty(), "party " + partyName + " needs a PartyId");
        bindings = List.copyOf(bindings);
        channels = List.copyOf(channels);
        defaultMshChannelId = Require.nonBlank(defaultMshChannelId, "defaultMshChannelId");
        defaultMshPackageId = Require.nonBlank(defaultMshPackageId, "defaultMshPackageId");
        mshChannelOverrides = Map.copyOf(mshChannelOverrides);
        certificates = List.copyOf(certificates);
        securityDetails = List.copyOf(securityDetails);
        checkChannelsExist(partyName, channels, bindings, defaultMshChannelId, mshChannelOverrides);
    }

    private static void checkChannelsExist(String partyName, List<DeliveryChannel> channels,
                                           List<ActionBinding> bindings, String defaultMshChannelId,
                                           Map<String, String> overrides) {
        List<String> ids = channels.stream().map(DeliveryChannel::channelId).toList();
        Require.that(ids.contains(defaultMshChannelId),
                "party " + partyName + " has no delivery channel " + defaultMshChannelId);
        for (ActionBinding binding : bindings) {
            Require.that(ids.containsAll(binding.channelIds()),
                    "action binding " + binding.id() + " names a channel party " + partyName + " does not have");
        }
        Require.that(ids.containsAll(overrides.values()),
                "an OverrideMshActionBinding of party " + partyName + " names a channel it does not have");
    }

    /** Whether the PartyId (type and value) identifies this party (CPA-4). */
    public boolean isIdentifiedBy(PartyId partyId) {
        return partyIds.contains(partyId);
    }

    public PartyId firstPartyId() {
        return partyIds.get(0);
    }

    /** Role names of this party's bindings, in document order, without repeats. */
    public List<String> roles() {
        return bindings.stream().map(ActionBinding::roleName).distinct().toList();
    }

    public Optional<ActionBinding> binding(String bindingId) {
        return bindings.stream().filter(b -> b.id().equals(bindingId)).findFirst();
    }

    public List<ActionBinding> bindings(ActionBinding.Direction direction) {
        return bindings.stream().filter(b -> b.direction() == direction).toList();
    }

    public Optional<DeliveryChannel> channel(String channelId) {
        return channels.stream().filter(c -> c.channelId().equals(channelId)).findFirst();
    }

    /** The channel a binding's messages travel on (its first ChannelId; always present, see the constructor). */
    public DeliveryChannel channelOf(ActionBinding binding) {
        return channel(binding.channelId()).orElseThrow();
    }

    /** The channel for an MSH-level action: its OverrideMshActionBinding, else the default MSH channel (§3.2). */
    public DeliveryChannel mshChannel(String action) {
        return channel(mshChannelOverrides.getOrDefault(action, defaultMshChannelId)).orElseThrow();
    }

    public Optional<Certificate> certificate(String certId) {
        return certificates.stream().filter(c -> c.certId().equals(certId)).findFirst();
    }
}
