package org.ebrelay.adapter.cpa;

import java.util.Optional;

/**
 * Every IDREF names an element of the right kind, and channels, transports and doc exchanges belong to the
 * party that names them (CPA-6). OtherPartyActionBinding is checked by {@link BindingChecks}.
 */
final class ReferenceChecks implements CpaCheck {
    @Override
    public void check(CpaDocument document, Findings findings) {
        for (XmlNode party : document.parties()) {
            checkParty(document, party, findings);
        }
        document.root().walk(node -> {
            if (node.attr("certId") != null && !node.is("Certificate")) {
                expect(document, node, node.attr("certId"), "Certificate", null, namedBy(node), findings);
            }
            if (node.attr("securityId") != null && !node.is("SecurityDetails")) {
                expect(document, node, node.attr("securityId"), "SecurityDetails", null, namedBy(node), findings);
            }
            if (node.is("Constituent")) {
                String idref = node.attr("idref");
                Optional<XmlNode> part = document.byId(idref);
                if (part.isEmpty() || !(part.get().is("SimplePart") || part.get().is("Composite")
                        || part.get().is("Encapsulation"))) {
                    findings.error(node, "MIME part \"" + idref + "\" named by " + namedBy(node)
                            + " does not exist (no tns:SimplePart or tns:Composite has that id)");
                }
            }
        });
    }

    private static void checkParty(CpaDocument document, XmlNode party, Findings findings) {
        String name = CpaDocument.partyName(party);
        expect(document, party, party.attr("defaultMshChannelId"), "DeliveryChannel", party,
                "party " + name + " as its default MSH channel (defaultMshChannelId)", findings);
        expect(document, party, party.attr("defaultMshPackageId"), "Packaging", null,
                "party " + name + " as its default MSH package (defaultMshPackageId)", findings);
        for (XmlNode channel : party.children("DeliveryChannel")) {
            String label = CpaDocument.describe(channel);
            expect(document, channel, channel.attr("transportId"), "Transport", party, label, findings);
            expect(document, channel, channel.attr("docExchangeId"), "DocExchange", party, label, findings);
        }
        for (XmlNode binding : party.descendants("ThisPartyActionBinding")) {
            String label = CpaDocument.describe(binding);
            expect(document, binding, binding.attr("packageId"), "Packaging", null, label, findings);
            for (XmlNode channelId : binding.children("ChannelId")) {
                expect(document, channelId, channelId.text(), "DeliveryChannel", party, label, findings);
            }
        }
        for (XmlNode override : party.children("OverrideMshActionBinding")) {
            expect(document, override, override.attr("channelId"), "DeliveryChannel", party,
                    "the OverrideMshActionBinding for action \"" + override.attr("action") + "\"", findings);
        }
    }

    /** "DocExchange "X" (SigningCertificateRef)": who holds a reference element. */
    private static String namedBy(XmlNode reference) {
        XmlNode owner = CpaDocument.owner(reference.parent() == null ? reference : reference.parent());
        return CpaDocument.describe(owner) + " (" + reference.localName() + ")";
    }

    /**
     * Reports a reference {@code id} that does not name an element {@code kind}, or (when {@code party} is given)
     * names one of another party.
     */
    static boolean expect(CpaDocument document, XmlNode at, String id, String kind, XmlNode party,
                          String referrer, Findings findings) {
        String what = CpaDocument.kindName(kind) + " \"" + id + "\" named by " + referrer;
        Optional<XmlNode> target = document.byId(id);
        if (target.isEmpty()) {
            findings.error(at, what + " does not exist" + (party == null ? "" : " in party "
                    + CpaDocument.partyName(party)));
            return false;
        }
        if (!target.get().is(kind)) {
            findings.error(at, "\"" + id + "\" named by " + referrer + " is a "
                    + CpaDocument.kindName(target.get().localName()) + ", not a " + CpaDocument.kindName(kind));
            return false;
        }
        Optional<XmlNode> owner = CpaDocument.partyOf(target.get());
        if (party != null && owner.isPresent() && owner.get() != party) {
            findings.error(at, what + " belongs to party " + CpaDocument.partyName(owner.get())
                    + "; it must be one of party " + CpaDocument.partyName(party) + "'s own");
            return false;
        }
        return true;
    }
}
