package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.ActionBinding.Direction;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Message security we can honour: XMLDSig with algorithms we implement, signed acknowledgments that the other
 * party can sign, no digital envelopes (payload encryption is not supported), and MSH overrides for MSH actions.
 */
final class SigningChecks implements CpaCheck {
    static final String XMLDSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final Set<String> HASH_FUNCTIONS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#sha1", "http://www.w3.org/2001/04/xmlenc#sha256",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "http://www.w3.org/2001/04/xmlenc#sha512");
    static final Set<String> SIGNATURE_ALGORITHMS = Set.of(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512");
    private static final Set<String> MSH_ACTIONS = Set.of(
            "Acknowledgment", "MessageError", "Ping", "Pong", "StatusRequest", "StatusResponse");

    @Override
    public void check(CpaDocument document, Findings findings) {
        for (XmlNode party : document.parties()) {
            for (XmlNode exchange : party.children("DocExchange")) {
                checkExchange(exchange, findings);
            }
            for (XmlNode override : party.children("OverrideMshActionBinding")) {
                if (!MSH_ACTIONS.contains(override.attr("action"))) {
                    findings.warning(override, "OverrideMshActionBinding for \"" + override.attr("action")
                            + "\" has no effect: MSH actions are " + sorted(MSH_ACTIONS));
                }
            }
            document.otherParty(party).ifPresent(other -> checkChannels(document, party, other, findings));
        }
    }

    private static void checkExchange(XmlNode exchange, Findings findings) {
        String name = CpaDocument.describe(exchange);
        for (String envelope : List.of("SenderDigitalEnvelope", "ReceiverDigitalEnvelope")) {
            for (XmlNode node : exchange.descendants(envelope)) {
                findings.error(node, name + " asks for payload encryption (tns:" + envelope + "), which ebrelay"
                        + " does not support; remove it and rely on TLS for confidentiality");
            }
        }
        exchange.descendants("SenderNonRepudiation").forEach(n -> checkNonRepudiation(name, n, true, findings));
        exchange.descendants("ReceiverNonRepudiation").forEach(n -> checkNonRepudiation(name, n, false, findings));
    }

    private static void checkNonRepudiation(String exchange, XmlNode node, boolean sender, Findings findings) {
        String where = " in " + node.localName() + " of " + exchange;
        node.child("NonRepudiationProtocol").filter(p -> !XMLDSIG.equals(p.text())).ifPresent(p ->
                findings.error(p, "NonRepudiationProtocol \"" + p.text() + "\"" + where
                        + " is not supported; ebMS 2.0 signs with XMLDSig (" + XMLDSIG + ")"));
        node.child("HashFunction").filter(h -> !HASH_FUNCTIONS.contains(h.text())).ifPresent(h ->
                findings.error(h, "HashFunction \"" + h.text() + "\"" + where + " is not supported; use one of "
                        + sorted(HASH_FUNCTIONS)));
        List<XmlNode> algorithms = node.children("SignatureAlgorithm");
        boolean usable = sender
                ? algorithms.stream().limit(1).allMatch(a -> SIGNATURE_ALGORITHMS.contains(a.text()))
                : algorithms.stream().anyMatch(a -> SIGNATURE_ALGORITHMS.contains(a.text()));
        if (!usable && !algorithms.isEmpty()) {
            XmlNode at = algorithms.get(0);
            findings.error(at, "SignatureAlgorithm \"" + at.text() + "\"" + where + " is not supported; use one of "
                    + sorted(SIGNATURE_ALGORITHMS));
        }
    }

    /** Signed acks need the acknowledging party's MSH channel to sign; signing bindings need a signer. */
    private static void checkChannels(CpaDocument document, XmlNode party, XmlNode other, Findings findings) {
        for (ChannelNode channel : ChannelNode.of(document, party)) {
            if (channel.usedForSending() && channel.always("ackRequested")
                    && channel.always("ackSignatureRequested") && !mshSigns(document, other)) {
                findings.error(channel.characteristicsNode(), channel.label() + " asks for signed acknowledgments"
                        + " (ackSignatureRequested=\"always\"), but party " + CpaDocument.partyName(other)
                        + "'s MSH channel for Acknowledgment has no SenderNonRepudiation to sign them with");
            }
            boolean signer = channel.exchangeBinding("ebXMLSenderBinding")
                    .flatMap(b -> b.child("SenderNonRepudiation")).isPresent();
            channel.users().stream()
                    .filter(b -> b.direction() == Direction.SEND)
                    .filter(b -> nonRepudiationRequired(b) && !signer && channel.docExchange() != null)
                    .forEach(b -> findings.warning(b.node(), "messages of " + CpaDocument.describe(b.node())
                            + " will not be signed: isNonRepudiationRequired is true but "
                            + CpaDocument.describe(channel.docExchange()) + " has no SenderNonRepudiation"));
        }
    }

    private static boolean mshSigns(CpaDocument document, XmlNode party) {
        Optional<XmlNode> exchange = EndpointChecks.mshChannel(document, party, "Acknowledgment")
                .flatMap(c -> document.byId(c.attr("docExchangeId"))).filter(d -> d.is("DocExchange"));
        return exchange.isEmpty() || exchange.get().child("ebXMLSenderBinding")
                .flatMap(b -> b.child("SenderNonRepudiation")).isPresent();
    }

    static boolean nonRepudiationRequired(BindingNode binding) {
        return binding.node().child("BusinessTransactionCharacteristics")
                .map(c -> CpaValues.bool(c.attr("isNonRepudiationRequired"))).orElse(false);
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
