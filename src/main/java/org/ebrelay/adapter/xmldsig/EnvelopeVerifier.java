package org.ebrelay.adapter.xmldsig;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.parser.XMLParserException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.XMLUtils;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.SignatureReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks the ebMS signature of a received envelope (SIG-1, SIG-8, SIG-10, SIG-11, SIG-13): the first ds:Signature in
 * the SOAP header, with Santuario's secure validation (no XSLT, bounded references); a SignatureMethod the CPA
 * allows; references only to the envelope ({@code URI=""}) and to payloads ({@code cid:}), every payload signed; a
 * KeyInfo certificate that the CPA names for the signer (or that one of its anchors issued), valid at receipt; and
 * the signature value and every digest correct.
 */
final class EnvelopeVerifier {
    static final String SIGNATURE = "//Header/Signature";
    private static final String METHOD = SIGNATURE + "/SignedInfo/SignatureMethod/@Algorithm";
    private static final String REFERENCE = SIGNATURE + "/SignedInfo/Reference";
    private static final String KEY_INFO = SIGNATURE + "/KeyInfo";

    private final SignerTrust trust = new SignerTrust();

    EnvelopeVerifier() {
        XmlSecurity.init();
    }

    SignatureCheck verify(byte[] envelope, List<Payload> payloads, VerificationOrder order) {
        Element signatureElement;
        try {
            Document document = Dom.parse(envelope);
            Element header = Dom.soapHeader(document);
            signatureElement = header == null ? null : Dom.firstChild(header, Dom.DSIG_NS, "Signature");
        } catch (XMLParserException e) {
            return SignatureCheck.failed(false, null, "the envelope cannot be parsed to check a signature: "
                    + e.getMessage());
        }
        if (signatureElement == null) {
            return order.required()
                    ? SignatureCheck.failed(false, SIGNATURE, "the CPA requires a signed message, and it has no"
                            + " ds:Signature in its SOAP header")
                    : SignatureCheck.UNSIGNED;
        }
        try {
            return check(new XMLSignature(signatureElement, "", true), payloads, order);
        } catch (XMLSecurityException | RuntimeException e) {
            return SignatureCheck.failed(true, SIGNATURE, "the signature cannot be checked: " + e.getMessage());
        }
    }

    private SignatureCheck check(XMLSignature signature, List<Payload> payloads, VerificationOrder order)
            throws XMLSecurityException {
        SignedInfo signedInfo = signature.getSignedInfo();
        String method = signedInfo.getSignatureMethodURI();
        if (!order.signatureAlgorithms().contains(method)) {
            return SignatureCheck.failed(true, METHOD, "SignatureMethod " + method + " is not one the CPA allows: "
                    + order.signatureAlgorithms());
        }
        List<SignatureReference> references = new ArrayList<>();
        Set<String> uris = new HashSet<>();
        for (int i = 0; i < signedInfo.getLength(); i++) {
            Reference reference = signedInfo.item(i);
            String uri = reference.getURI() == null ? "" : reference.getURI();
            String foreign = uriProblem(uri);
            if (foreign != null) {
                return SignatureCheck.failed(true, REFERENCE, foreign);
            }
            uris.add(uri);
            references.add(copy(reference, uri));
        }
        CidResolver cids = new CidResolver(payloads);
        String uncovered = coverageProblem(uris, payloads, cids);
        if (uncovered != null) {
            return SignatureCheck.failed(true, REFERENCE, uncovered);
        }
        X509Certificate certificate = signature.getKeyInfo() == null ? null
                : signature.getKeyInfo().getX509Certificate();
        if (certificate == null) {
            return SignatureCheck.failed(true, KEY_INFO, "the signature carries no X.509 certificate in KeyInfo");
        }
        String untrusted = trust.problem(certificate, order);
        if (untrusted != null) {
            return SignatureCheck.failed(true, KEY_INFO, untrusted);
        }
        signature.addResourceResolver(cids);
        if (!signature.checkSignatureValue(certificate)) {
            return SignatureCheck.failed(true, SIGNATURE, "the signature does not verify: the signed content"
                    + " was changed, or it was signed with another key");
        }
        return new SignatureCheck(true, null, null, references);
    }

    /** Why a signature may not reference {@code uri}, or null: only the envelope ("") and payloads (cid:). */
    static String uriProblem(String uri) {
        return uri.isEmpty() || uri.startsWith("cid:") ? null : "a Reference to '" + uri + "': only the envelope"
                + " (URI=\"\") and payloads (cid:) may be referenced";
    }

    /** Why references to {@code uris} do not cover the message (SIG-11), or null: the envelope and every payload. */
    static String coverageProblem(Set<String> uris, List<Payload> payloads, CidResolver cids) {
        if (!uris.contains("")) {
            return "the signature does not cover the envelope (no URI=\"\")";
        }
        for (Payload payload : payloads) {
            if (uris.stream().noneMatch(u -> u.startsWith("cid:") && cids.find(u) == payload)) {
                return "payload cid:" + payload.contentId() + " is not covered by the signature";
            }
        }
        return null;
    }

    /** The references of the first signature in the SOAP header, unchecked; empty when there is none. */
    List<SignatureReference> references(byte[] envelope) {
        try {
            Element header = Dom.soapHeader(Dom.parse(envelope));
            Element signatureElement = header == null ? null : Dom.firstChild(header, Dom.DSIG_NS, "Signature");
            if (signatureElement == null) {
                return List.of();
            }
            SignedInfo signedInfo = new XMLSignature(signatureElement, "", true).getSignedInfo();
            List<SignatureReference> references = new ArrayList<>();
            for (int i = 0; i < signedInfo.getLength(); i++) {
                Reference reference = signedInfo.item(i);
                references.add(copy(reference, reference.getURI() == null ? "" : reference.getURI()));
            }
            return references;
        } catch (XMLSecurityException | RuntimeException e) {
            return List.of();
        }
    }

    /** The reference as a signed Acknowledgment copies it (ACK-7). */
    private static SignatureReference copy(Reference reference, String uri) throws XMLSecurityException {
        List<String> transforms = new ArrayList<>();
        String xpath = null;
        Transforms chain = reference.getTransforms();
        for (int i = 0; chain != null && i < chain.getLength(); i++) {
            Transform transform = chain.item(i);
            transforms.add(transform.getURI());
            if (Transforms.TRANSFORM_XPATH.equals(transform.getURI())) {
                Element x = XMLUtils.selectDsNode(transform.getElement().getFirstChild(), "XPath", 0);
                xpath = x == null ? null : x.getTextContent();
            }
        }
        return new SignatureReference(uri, transforms, xpath, reference.getMessageDigestAlgorithm().getAlgorithmURI(),
                XMLUtils.encodeToString(reference.getDigestValue()));
    }
}
