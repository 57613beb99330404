package org.ebrelay.adapter.cpa;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema-valid CPA as a positioned tree, with its document-wide IDs indexed and with names for its elements
 * that an administrator recognises in a message ("action binding "RGH_S_OML_O21"").
 */
final class CpaDocument {
    /** Which attribute is the XML ID of each element that has one (the schema's ID-typed attributes). */
    private static final Map<String, String> ID_ATTRIBUTES = Map.of(
            "Certificate", "certId", "DeliveryChannel", "channelId", "Transport", "transportId",
            "DocExchange", "docExchangeId", "SecurityDetails", "securityId", "ThisPartyActionBinding", "id",
            "Packaging", "id", "SimplePart", "id", "Composite", "id", "Encapsulation", "id");

    private static final Map<String, String> KIND_NAMES = Map.of(
            "Certificate", "certificate", "DeliveryChannel", "delivery channel", "Transport", "transport",
            "DocExchange", "DocExchange", "SecurityDetails", "security details",
            "ThisPartyActionBinding", "action binding", "Packaging", "packaging", "SimplePart", "MIME part",
            "Composite", "composite MIME part", "Encapsulation", "encapsulated MIME part");

    private final XmlNode root;
    private final Map<String, XmlNode> byId = new HashMap<>();

    CpaDocument(XmlNode root) {
        this.root = root;
        root.walk(node -> {
            String id = idOf(node);
            if (id != null) {
                byId.putIfAbsent(id, node);
            }
        });
    }

    XmlNode root() {
        return root;
    }

    List<XmlNode> parties() {
        return root.children("PartyInfo");
    }

    /** The element whose XML ID is {@code id}, in either party. */
    Optional<XmlNode> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** The ID of an element that carries one, else null. */
    static String idOf(XmlNode node) {
        String attribute = XmlNode.CPPA_NS.equals(node.namespace()) ? ID_ATTRIBUTES.get(node.localName()) : null;
        return attribute == null ? null : node.attr(attribute);
    }

    /** "delivery channel" for a DeliveryChannel, and so on. */
    static String kindName(String localName) {
        return KIND_NAMES.getOrDefault(localName, localName);
    }

    /** The PartyInfo an element belongs to, if any. */
    static Optional<XmlNode> partyOf(XmlNode node) {
        return node.ancestor("PartyInfo");
    }

    static String partyName(XmlNode partyInfo) {
        return partyInfo.attr("partyName");
    }

    /** How to name an element with an ID in a message: {@code delivery channel "X"}. */
    static String describe(XmlNode node) {
        if (node.is("PartyInfo")) {
            return "party " + partyName(node);
        }
        String id = idOf(node);
        return id == null ? "tns:" + node.localName() : kindName(node.localName()) + " \"" + id + "\"";
    }

    /** The nearest element (this one or an ancestor) that can be named: one with an ID, or a PartyInfo. */
    static XmlNode owner(XmlNode node) {
        for (XmlNode n = node; n != null; n = n.parent()) {
            if (idOf(n) != null || n.is("PartyInfo")) {
                return n;
            }
        }
        return node;
    }

    /** The other PartyInfo, if this one is one of the two. */
    Optional<XmlNode> otherParty(XmlNode partyInfo) {
        List<XmlNode> parties = parties();
        if (parties.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(parties.get(0) == partyInfo ? parties.get(1) : parties.get(0));
    }
}
