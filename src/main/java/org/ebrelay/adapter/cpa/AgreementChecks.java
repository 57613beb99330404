package org.ebrelay.adapter.cpa;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Status, validity period and the two parties' identities (CPA-2, CPA-3, CPA-4). */
final class AgreementChecks implements CpaCheck {
    private final Instant now;

    AgreementChecks(Instant now) {
        this.now = now;
    }

    @Override
    public void check(CpaDocument document, Findings findings) {
        XmlNode root = document.root();
        root.child("Status").ifPresent(status -> checkStatus(root, status, findings));
        checkPeriod(root, findings);
        checkParties(document, findings);
    }

    private static void checkStatus(XmlNode root, XmlNode status, Findings findings) {
        String value = status.attr("value");
        if ("proposed".equals(value)) {
            findings.error(status, "status is \"proposed\": a CPA still under negotiation cannot govern messages"
                    + " (CPA-2); set tns:Status tns:value to \"agreed\" or \"signed\" once both parties agree");
        } else if ("signed".equals(value) && root.child("Signature").isEmpty()) {
            findings.warning(status, "status is \"signed\" but the CPA carries no tns:Signature");
        }
    }

    private void checkPeriod(XmlNode root, Findings findings) {
        Optional<XmlNode> startNode = root.child("Start");
        Optional<XmlNode> endNode = root.child("End");
        if (startNode.isEmpty() || endNode.isEmpty()) {
            return;
        }
        for (XmlNode node : List.of(startNode.get(), endNode.get())) {
            if (!CpaValues.hasTimeZone(node.text())) {
                findings.warning(node, "tns:" + node.localName() + " " + node.text()
                        + " has no time zone; it is taken as UTC (write it with Z, e.g. " + node.text() + "Z)");
            }
        }
        Optional<Instant> start = CpaValues.instant(startNode.get().text());
        Optional<Instant> end = CpaValues.instant(endNode.get().text());
        if (start.isEmpty() || end.isEmpty()) {
            return;
        }
        if (!start.get().isBefore(end.get())) {
            findings.error(endNode.get(), "End " + end.get() + " is not after Start " + start.get()
                    + ": the agreement would never be valid");
        } else if (!now.isBefore(end.get())) {
            findings.warning(endNode.get(), "the agreement expired on " + end.get()
                    + ": it loads, but no message can be sent or accepted under it (CPA-3)");
        } else if (now.isBefore(start.get())) {
            findings.warning(startNode.get(), "the agreement is not valid before " + start.get()
                    + ": until then no message can be sent or accepted under it (CPA-3)");
        }
    }

    private static void checkParties(CpaDocument document, Findings findings) {
        List<XmlNode> parties = document.parties();
        if (parties.size() != 2) {
            findings.error(document.root(), "a CPA needs exactly two tns:PartyInfo elements, this one has "
                    + parties.size());
            return;
        }
        for (XmlNode partyId : parties.get(1).children("PartyId")) {
            for (XmlNode first : parties.get(0).children("PartyId")) {
                if (sameId(first, partyId)) {
                    findings.error(partyId, "parties " + CpaDocument.partyName(parties.get(0)) + " and "
                            + CpaDocument.partyName(parties.get(1)) + " both use PartyId " + label(partyId)
                            + "; each party needs its own (CPA-4)");
                }
            }
        }
        for (XmlNode party : parties) {
            party.children("PartyId").forEach(id -> checkUntypedPartyId(id, findings));
        }
    }

    private static void checkUntypedPartyId(XmlNode partyId, Findings findings) {
        if (blank(partyId.attr("type")) && !isAbsoluteUri(partyId.text())) {
            findings.warning(partyId, "PartyId \"" + partyId.text() + "\" has no tns:type, so ebMS requires it to"
                    + " be a URI; partners may reject messages that carry it");
        }
    }

    static boolean isAbsoluteUri(String text) {
        return CpaValues.uri(text).map(u -> u.isAbsolute()).orElse(false);
    }

    private static boolean sameId(XmlNode a, XmlNode b) {
        return a.text().equals(b.text()) && Objects.equals(typeOf(a), typeOf(b));
    }

    private static String typeOf(XmlNode partyId) {
        return blank(partyId.attr("type")) ? null : partyId.attr("type");
    }

    private static String label(XmlNode partyId) {
        String type = typeOf(partyId);
        return "\"" + partyId.text() + "\"" + (type == null ? " (no type)" : " (type \"" + type + "\")");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
