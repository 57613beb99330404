package org.ebrelay.adapter.xmldsig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.transforms.Transforms;
import org.ebrelay.domain.message.Payload;

/**
 * Signs an envelope exactly as {@link EnvelopeSigner} does, without building a DOM: the envelope is read once into
 * its canonical form ({@link CanonicalEnvelope}), the SignedInfo is written in canonical form directly (it is ours,
 * so its canonical form is known without a canonicaliser), and the signature goes in as the Header's last child.
 * A verifier sees the same references, transforms and digests as from the DOM signer; the tests prove it on the
 * encoder's messages, the samples and envelopes built to tell the two apart.
 *
 * <p>Only RSA with the SHA family, and the SHA digests, are written this way; anything else (and any envelope
 * {@link CanonicalEnvelope} does not cover) is reported as empty, for the DOM signer.
 */
final class StreamingEnvelopeSigner {
    private static final String XPATH_SOAP_PREFIX = "SOAP";
    private static final Map<String, String> SIGNATURES = Map.of(
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA",
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "SHA1withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA");
    private static final Map<String, String> DIGESTS = Map.of(
            "http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256",
            "http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1",
            "http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384",
            "http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512");

    private final Optional<Provider> rsaProvider;
    /** Keys as the provider holds them: translating a JDK key into AWS-LC's costs twice the signature itself. */
    private final Map<PrivateKey, PrivateKey> providerKeys = new ConcurrentHashMap<>();

    /** @param rsaProvider the provider of the RSA signature ({@link SignatureProvider}); empty: the JDK's */
    StreamingEnvelopeSigner(Optional<Provider> rsaProvider) {
        this.rsaProvider = rsaProvider;
    }

    /** The envelope with its signature as UTF-8, or empty when this signer leaves it to the DOM signer. */
    Optional<byte[]> sign(byte[] envelope, List<Payload> payloads, PrivateKey key, X509Certificate certificate,
                          String signatureAlgorithm, String digestAlgorithm) throws GeneralSecurityException {
        String signatureName = SIGNATURES.get(signatureAlgorithm);
        String digestName = DIGESTS.get(digestAlgorithm);
        if (signatureName == null || digestName == null || !"RSA".equals(key.getAlgorithm())) {
            return Optional.empty();
        }
        Optional<CanonicalEnvelope> read = CanonicalEnvelope.read(envelope);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        CanonicalEnvelope canonical = read.get();
        Base64.Encoder base64 = Base64.getEncoder();
        SignedInfo signedInfo = new SignedInfo(signatureAlgorithm, digestAlgorithm);
        signedInfo.reference("", base64.encodeToString(digest(digestName, canonical.signedPart)));
        for (Payload payload : payloads) {
            signedInfo.reference("cid:" + payload.contentId(), base64.encodeToString(digest(digestName,
                    payload.content())));
        }
        Signature rsa = rsaProvider.isPresent() ? Signature.getInstance(signatureName, rsaProvider.get())
                : Signature.getInstance(signatureName);
        rsa.initSign(providerKey(key));
        rsa.update(signedInfo.canonical(canonical.headerScope).getBytes(StandardCharsets.UTF_8));
        String signed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + canonical.head
                + "<ds:Signature xmlns:ds=\"" + Dom.DSIG_NS + "\">" + signedInfo.asWritten()
                + "<ds:SignatureValue>" + base64.encodeToString(rsa.sign()) + "</ds:SignatureValue>"
                + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + base64.encodeToString(certificate.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>" + canonical.tail;
        return Optional.of(signed.getBytes(StandardCharsets.UTF_8));
    }

    private PrivateKey providerKey(PrivateKey key) throws GeneralSecurityException {
        if (rsaProvider.isEmpty()) {
            return key;
        }
        PrivateKey translated = providerKeys.get(key);
        if (translated == null) {
            if (providerKeys.size() >= 64) {
                providerKeys.clear(); // keys renewed many times over: start again rather than keep every old one
            }
            translated = (PrivateKey) KeyFactory.getInstance("RSA", rsaProvider.get()).translateKey(key);
            providerKeys.put(key, translated);
        }
        return translated;
    }

    private static byte[] digest(String algorithm, byte[] content) throws GeneralSecurityException {
        return MessageDigest.getInstance(algorithm).digest(content);
    }

    /**
     * The SignedInfo, written twice from one description: as it goes into the envelope, and in its canonical form
     * there, which is what the signature value signs. They differ only in namespace declarations: the canonical form
     * declares on SignedInfo every namespace in scope (inclusive C14N of a subtree), and on ds:XPath the SOAP prefix
     * only where the scope does not already bind it so; the written form declares the SOAP prefix on ds:XPath always
     * (SIG-7) and leaves the rest to the scope.
     */
    private static final class SignedInfo {
        private final String signatureAlgorithm;
        private final String digestAlgorithm;
        private final List<String[]> references = new ArrayList<>(4);

        SignedInfo(String signatureAlgorithm, String digestAlgorithm) {
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
}
