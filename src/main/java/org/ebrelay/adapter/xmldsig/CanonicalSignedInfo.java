package org.ebrelay.adapter.xmldsig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.transforms.Transforms;

/**
 * The ebMS SignedInfo this gateway writes, written twice from one description: as it goes into the envelope, and in
 * its canonical form there, which is what the signature value signs. They differ only in namespace declarations: the
 * canonical form declares on SignedInfo every namespace in scope (inclusive C14N of a subtree), and on ds:XPath the
 * SOAP prefix only where the scope does not already bind it so; the written form declares the SOAP prefix on
 * ds:XPath always (SIG-7) and leaves the rest to the scope.
 *
 * <p>The signer writes it; the streaming verifier rebuilds it from what a received SignedInfo says, so that a
 * signature value checks against exactly the algorithms, references and digests it reads.
 */
final class CanonicalSignedInfo {
    static final String XPATH_SOAP_PREFIX = "SOAP";
    /** The transforms of the envelope reference (SIG-4), in order. */
    static final List<String> ENVELOPE_TRANSFORMS = List.of(Transforms.TRANSFORM_ENVELOPED_SIGNATURE,
            Transforms.TRANSFORM_XPATH, Transforms.TRANSFORM_C14N_OMIT_COMMENTS);

    /** The signature methods written (and recognised) this way, with their JCA names: RSA with the SHA family. */
    static final Map<String, String> SIGNATURES = Map.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA",
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "SHA1withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA");
    /** The digest methods written (and recognised) this way, with their JCA names. */
    static final Map<String, String> DIGESTS = Map.of(
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    private final String signatureAlgorithm;
    private final String digestAlgorithm;
    private final List<String[]> references = new ArrayList<>(4);

    CanonicalSignedInfo(String signatureAlgorithm, String digestAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
    }

    /** A reference to {@code uri}; the envelope's ({@code ""}) gets the profile's transforms (SIG-4). */
    void reference(String uri, String digestValue) {
        references.add(new String[] {uri, digestValue});
    }

    /** The canonical form in a Header whose in-scope namespaces are {@code headerScope}. */
    String canonical(Map<String, String> headerScope) {
        Map<String, String> scope = new TreeMap<>(headerScope);
        scope.put("ds", Dom.DSIG_NS);
        StringBuilder out = new StringBuilder(2048).append("<ds:SignedInfo");
        for (Map.Entry<String, String> binding : scope.entrySet()) {
            out.append(binding.getKey().isEmpty() ? " xmlns" : " xmlns:" + binding.getKey()).append("=\"");
            CanonicalEnvelope.escapeAttribute(binding.getValue(), out);
            out.append('"');
        }
        out.append('>');
        return body(out, !EbmsXPathFilter.SOAP_NS.equals(scope.get(XPATH_SOAP_PREFIX)));
    }

    String asWritten() {
        return body(new StringBuilder(2048).append("<ds:SignedInfo>"), true);
    }

    private String body(StringBuilder out, boolean declareSoapOnXPath) {
        empty(out, "CanonicalizationMethod", Canonicalizer.ALGO_ID_C14N_OMIT_COMMENTS);
        empty(out, "SignatureMethod", signatureAlgorithm);
        for (String[] reference : references) {
            out.append("<ds:Reference URI=\"");
            CanonicalEnvelope.escapeAttribute(reference[0], out);
            out.append("\">");
            if (reference[0].isEmpty()) {
                transforms(out, declareSoapOnXPath);
            }
            empty(out, "DigestMethod", digestAlgorithm);
            out.append("<ds:DigestValue>").append(reference[1]).append("</ds:DigestValue></ds:Reference>");
        }
        return out.append("</ds:SignedInfo>").toString();
    }

    private static void transforms(StringBuilder out, boolean declareSoapOnXPath) {
        out.append("<ds:Transforms>");
        empty(out, "Transform", Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        out.append("<ds:Transform Algorithm=\"").append(Transforms.TRANSFORM_XPATH).append("\"><ds:XPath");
        if (declareSoapOnXPath) {
            out.append(" xmlns:").append(XPATH_SOAP_PREFIX).append("=\"").append(EbmsXPathFilter.SOAP_NS)
                    .append('"');
        }
        out.append('>').append(EnvelopeSigner.ACTOR_FILTER).append("</ds:XPath></ds:Transform>");
        empty(out, "Transform", Transforms.TRANSFORM_C14N_OMIT_COMMENTS);
        out.append("</ds:Transforms>");
    }

    private static void empty(StringBuilder out, String name, String algorithm) {
        out.append("<ds:").append(name).append(" Algorithm=\"").append(algorithm).append("\"></ds:")
                .append(name).append('>');
    }
}
