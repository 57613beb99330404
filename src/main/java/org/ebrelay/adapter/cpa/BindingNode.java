package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.ActionBinding.Direction;

import java.util.List;
import java.util.Objects;

/**
 * A ThisPartyActionBinding with what surrounds it in the document: its direction (CanSend or CanReceive), the
 * service and role of its CollaborationRole, and its OtherPartyActionBinding element, if any.
 *
 * @param otherPartyRef the OtherPartyActionBinding element, or null
 * @param serviceType   Service/@tns:type, or null
 */
record BindingNode(XmlNode node, XmlNode party, Direction direction, String action, String serviceValue,
                   String serviceType, String role, XmlNode otherPartyRef) {

    /** Every ThisPartyActionBinding of a PartyInfo, nested ones included, in document order. */
    static List<BindingNode> of(XmlNode party) {
        return party.descendants("ThisPartyActionBinding").stream().map(n -> from(n, party)).toList();
    }

    private static BindingNode from(XmlNode binding, XmlNode party) {
        XmlNode holder = binding.parent();
        Direction direction = holder.is("CanSend") ? Direction.SEND : Direction.RECEIVE;
        XmlNode service = binding.ancestor("ServiceBinding").flatMap(s -> s.child("Service")).orElse(null);
        String role = binding.ancestor("CollaborationRole").flatMap(r -> r.child("Role"))
                .map(r -> r.attr("name")).orElse(null);
        return new BindingNode(binding, party, direction, binding.attr("action"),
                service == null ? null : service.text(), service == null ? null : blankToNull(service.attr("type")),
                role, holder.child("OtherPartyActionBinding").orElse(null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    String id() {
        return node.attr("id");
    }

    /** The ChannelId values, trimmed. */
    List<String> channelIds() {
        return node.children("ChannelId").stream().map(XmlNode::text).toList();
    }

    boolean sameServiceAndAction(BindingNode other) {
        return Objects.equals(action, other.action) && Objects.equals(serviceValue, other.serviceValue)
                && Objects.equals(serviceType, other.serviceType);
    }

    /** "service S" or "service S (type T)", for messages. */
    String serviceLabel() {
        return "service \"" + serviceValue + "\"" + (serviceType == null ? "" : " (type \"" + serviceType + "\")");
    }

    String directionLabel() {
        return direction == Direction.SEND ? "CanSend" : "CanReceive";
    }
}
