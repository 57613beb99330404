package org.ebrelay.adapter.xmldsig;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ProviderKeys rsa;

    /** @param rsaProvider the provider of the RSA signature ({@link SignatureProvider}); empty: the JDK's */
    StreamingEnvelopeSigner(Optional<Provider> rsaProvider) {
        this.rsa = new ProviderKeys(rsaProvider);
    }

    /** The envelope with its signature as UTF-8, or empty when this signer leaves it to the DOM signer. */
    Optional<byte[]> sign(byte[] envelope, List<Payload> payloads, PrivateKey key, X509Certificate certificate,
                          String signatureAlgorithm, String digestAlgorithm) throws GeneralSecurityException {
        String signatureName = CanonicalSignedInfo.SIGNATURES.get(signatureAlgorithm);
        String digestName = CanonicalSignedInfo.DIGESTS.get(digestAlgorithm);
        if (signatureName == null || digestName == null || !"RSA".equals(key.getAlgorithm())) {
            return Optional.empty();
        }
        Optional<CanonicalEnvelope> read = CanonicalEnvelope.read(envelope);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        CanonicalEnvelope canonical = read.get();
        Base64.Encoder base64 = Base64.getEncoder();
        CanonicalSignedInfo signedInfo = new CanonicalSignedInfo(signatureAlgorithm, digestAlgorithm);
        signedInfo.reference("", base64.encodeToString(digest(digestName, canonical.signedPart)));
        for (Payload payload : payloads) {
            signedInfo.reference("cid:" + payload.contentId(), base64.encodeToString(digest(digestName,
                    payload.content())));
        }
        Signature signature = rsa.signature(signatureName);
        signature.initSign(rsa.of(key));
        signature.update(signedInfo.canonical(canonical.headerScope).getBytes(StandardCharsets.UTF_8));
        String signed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + canonical.head
                + "<ds:Signature xmlns:ds=\"" + Dom.DSIG_NS + "\">" + signedInfo.asWritten()
                + "<ds:SignatureValue>" + base64.encodeToString(signature.sign()) + "</ds:SignatureValue>"
                + "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + base64.encodeToString(certificate.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>" + canonical.tail;
        return Optional.of(signed.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] digest(String algorithm, byte[] content) throws GeneralSecurityException {
        return MessageDigest.getInstance(algorithm).digest(content);
    }
}
