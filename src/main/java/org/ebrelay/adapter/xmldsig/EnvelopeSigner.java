package org.ebrelay.adapter.xmldsig;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.parser.XMLParserException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.ebrelay.domain.message.Payload;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs a SOAP envelope as the ebMS 2.0 profile prescribes (ebms2-digest §14): an enveloped ds:Signature, last in
 * the SOAP header (SIG-9: after every other header block), with a reference {@code URI=""} through enveloped
 * signature, the nextMSH XPath filter and inclusive C14N (SIG-4), one reference per payload by {@code cid:}
 * (SIG-5), inclusive C14N of SignedInfo (SIG-2), and the signing certificate in KeyInfo (SIG-8).
 */
final class EnvelopeSigner {
    static final String ACTOR_FILTER = "not(ancestor-or-self::node()[@SOAP:actor=\"" + EbmsXPathFilter.NEXT_MSH
            + "\"] | ancestor-or-self::node()[@SOAP:actor=\"" + EbmsXPathFilter.SOAP_NEXT + "\"])";

    EnvelopeSigner() {
        XmlSecurity.init();
    }

    /** The envelope with its signature, as UTF-8 bytes. */
    byte[] sign(byte[] envelope, List<Payload> payloads, PrivateKey key, X509Certificate certificate,
                String signatureAlgorithm, String digestAlgorithm) throws XMLSecurityException {
        Document document;
        try {
            document = Dom.parse(envelope);
        } catch (XMLParserException e) {
            throw new IllegalArgumentException("the envelope to sign is not well-formed XML: " + e.getMessage(), e);
        }
        Element header = Dom.soapHeader(document);
        if (header == null) {
            throw new IllegalArgumentException("the envelope to sign has no SOAP 1.1 Header");
        }
        XMLSignature signature = new XMLSignature(document, "", signatureAlgorithm,
                Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
        header.appendChild(signature.getElement());
        signature.addResourceResolver(new CidResolver(payloads));
        signature.addDocument("", envelopeTransforms(document), digestAlgorithm);
        for (Payload payload : payloads) {
            signature.addDocument("cid:" + payload.contentId(), null, digestAlgorithm);
        }
        signature.addKeyInfo(certificate);
        signature.sign(key);
        return Dom.write(document);
    }

    private static Transforms envelopeTransforms(Document document) throws XMLSecurityException {
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        Element xpath = document.createElementNS(Dom.DSIG_NS, "ds:XPath");
        // SIG-7: the prefix used in the expression is declared on ds:XPath itself.
        xpath.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:SOAP", EbmsXPathFilter.SOAP_NS);
        xpath.setTextContent(ACTOR_FILTER);
        transforms.addTransform(Transforms.TRANSFORM_XPATH, xpath);
        transforms.addTransform(Transforms.TRANSFORM_C14N_OMIT_COMMENTS);
        return transforms;
    }
}
