package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.ActionBinding.Direction;

import java.util.List;
import java.util.Optional;

/**
 * A DeliveryChannel with what it refers to and who uses it: its MessagingCharacteristics (schema defaults
 * applied), its Transport and DocExchange of the same party (null when they do not resolve), and the action
 * bindings that name it.
 */
record ChannelNode(XmlNode node, XmlNode party, XmlNode transport, XmlNode docExchange, List<BindingNode> users) {

    static List<ChannelNode> of(CpaDocument document, XmlNode party) {
        List<BindingNode> bindings = BindingNode.of(party);
        return party.children("DeliveryChannel").stream().map(channel -> new ChannelNode(channel, party,
                sameParty(document, channel.attr("transportId"), "Transport", party),
                sameParty(document, channel.attr("docExchangeId"), "DocExchange", party),
                bindings.stream().filter(b -> b.channelIds().contains(channel.attr("channelId"))).toList())).toList();
    }

    private static XmlNode sameParty(CpaDocument document, String id, String kind, XmlNode party) {
        return document.byId(id).filter(n -> n.is(kind) && CpaDocument.partyOf(n).orElse(null) == party)
                .orElse(null);
    }

    String id() {
        return node.attr("channelId");
    }

    String label() {
        return CpaDocument.describe(node);
    }

    boolean usedForSending() {
        return users.stream().anyMatch(b -> b.direction() == Direction.SEND);
    }

    boolean usedForReceiving() {
        return users.stream().anyMatch(b -> b.direction() == Direction.RECEIVE);
    }

    /** A MessagingCharacteristics attribute, or its schema default (null for an absent actor). */
    String characteristic(String name) {
        return characteristic(node, name);
    }

    static String characteristic(XmlNode channel, String name) {
        String value = channel.child("MessagingCharacteristics").map(m -> m.attr(name)).orElse(null);
        if (value != null && !value.isBlank()) {
            return value;
        }
        return "syncReplyMode".equals(name) ? "none" : "actor".equals(name) ? null : "perMessage";
    }

    boolean always(String characteristic) {
        return "always".equals(characteristic(characteristic));
    }

    XmlNode characteristicsNode() {
        return node.child("MessagingCharacteristics").orElse(node);
    }

    /** ebXMLSenderBinding or ebXMLReceiverBinding of the DocExchange, if both exist. */
    Optional<XmlNode> exchangeBinding(String name) {
        return Optional.ofNullable(docExchange).flatMap(d -> d.child(name));
    }
}
