package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.DocExchange;
import org.ebrelay.domain.cpa.Endpoint;
import org.ebrelay.domain.cpa.EndpointType;
import org.ebrelay.domain.cpa.ExchangeTerms;
import org.ebrelay.domain.cpa.ReliabilityTerms;
import org.ebrelay.domain.cpa.SecurityTerms;
import org.ebrelay.domain.cpa.Transport;
import org.ebrelay.domain.cpa.TransportSecurity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Builds Transport and DocExchange terms of a checked CPA, resolving security details to anchor certIds. */
final class TermsMapper {
    private final CpaDocument document;

    TermsMapper(CpaDocument document) {
        this.document = document;
    }

    Transport transport(XmlNode transport) {
        List<Endpoint> endpoints = transport.descendants("Endpoint").stream()
                .map(e -> new Endpoint(CpaValues.uri(e.attr("uri")).orElseThrow(),
                        EndpointType.fromWire(e.attr("type")).orElse(EndpointType.ALL_PURPOSE)))
                .toList();
        return new Transport(transport.attr("transportId"), endpoints,
                transportSecurity(transport.descendants("TransportClientSecurity"), "ClientCertificateRef",
                        "ServerSecurityDetailsRef"),
                transportSecurity(transport.descendants("TransportServerSecurity"), "ServerCertificateRef",
                        "ClientSecurityDetailsRef"));
    }

    private TransportSecurity transportSecurity(List<XmlNode> nodes, String certificateRef, String detailsRef) {
        if (nodes.isEmpty()) {
            return null;
        }
        XmlNode security = nodes.get(0);
        XmlNode protocol = security.child("TransportSecurityProtocol").orElseThrow();
        String version = protocol.attr("version");
        return new TransportSecurity(protocol.text() + (version == null ? "" : " " + version),
                security.child(certificateRef).map(r -> r.attr("certId")).orElse(null),
                anchorsOf(security.child(detailsRef)));
    }

    DocExchange docExchange(XmlNode exchange) {
        return new DocExchange(exchange.attr("docExchangeId"),
                exchange.child("ebXMLSenderBinding").map(b -> terms(b, "SenderNonRepudiation",
                        "SenderDigitalEnvelope")).orElse(ExchangeTerms.NONE),
                exchange.child("ebXMLReceiverBinding").map(b -> terms(b, "ReceiverNonRepudiation",
                        "ReceiverDigitalEnvelope")).orElse(ExchangeTerms.NONE));
    }

    private ExchangeTerms terms(XmlNode binding, String nonRepudiation, String envelope) {
        return new ExchangeTerms(reliability(binding),
                security(binding.child(nonRepudiation), binding.child(envelope).isPresent()));
    }

    private static ReliabilityTerms reliability(XmlNode binding) {
        Duration persist = binding.child("PersistDuration").flatMap(p -> CpaValues.duration(p.text())).orElse(null);
        Optional<XmlNode> reliable = binding.child("ReliableMessaging");
        if (reliable.isEmpty()) {
            return new ReliabilityTerms(false, 0, Duration.ZERO, false, persist);
        }
        XmlNode rm = reliable.get();
        return new ReliabilityTerms(true,
                rm.child("Retries").flatMap(r -> CpaValues.integer(r.text())).orElse(0),
                rm.child("RetryInterval").flatMap(r -> CpaValues.duration(r.text())).orElse(Duration.ZERO),
                "Guaranteed".equals(rm.childText("MessageOrderSemantics")), persist);
    }

    private SecurityTerms security(Optional<XmlNode> nonRepudiation, boolean envelope) {
        if (nonRepudiation.isEmpty()) {
            return new SecurityTerms(null, null, List.of(), null, List.of(), envelope);
        }
        XmlNode n = nonRepudiation.get();
        return new SecurityTerms(n.childText("NonRepudiationProtocol"), n.childText("HashFunction"),
                n.children("SignatureAlgorithm").stream().map(XmlNode::text).toList(),
                n.child("SigningCertificateRef").map(r -> r.attr("certId")).orElse(null),
                anchorsOf(n.child("SigningSecurityDetailsRef")), envelope);
    }

    /** The anchor certIds of the SecurityDetails a *SecurityDetailsRef names; empty without one. */
    private List<String> anchorsOf(Optional<XmlNode> reference) {
        return reference.flatMap(r -> document.byId(r.attr("securityId")))
                .map(TermsMapper::anchorIds).orElse(List.of());
    }

    static List<String> anchorIds(XmlNode securityDetails) {
        return securityDetails.descendants("AnchorCertificateRef").stream().map(a -> a.attr("certId")).toList();
    }
}
