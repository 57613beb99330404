package org.ebrelay.adapter.xmldsig;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.domain.message.Payload;

/**
 * Passes a signed envelope of the shape this gateway's signers write without building a DOM, and says nothing
 * about any other: a message it does not pass goes to {@link EnvelopeVerifier}, which decides and explains. So it
 * can only ever save work, never let through what the DOM verifier would refuse.
 *
 * <p>One streaming pass ({@link CanonicalEnvelope#readSigned}) gives the envelope's canonical form as the
 * enveloped-signature transform and the ebMS filter leave it, and the signature as {@link ReceivedSignature}
 * recognises it. The SignedInfo is rebuilt from what that signature says and the signature value checked over it:
 * a signature value that verifies means the signer signed exactly these algorithms, references and digest values,
 * however the sender wrote them. Then every check the DOM verifier makes is made in the same order: the signature
 * method is one the CPA allows, only the envelope and payloads are referenced, every payload is covered, the
 * certificate is the signer's (or issued by its anchor) and valid, and every digest matches.
 */
final class StreamingEnvelopeVerifier {
    private final SignerTrust trust = new SignerTrust();
    private final ProviderKeys rsa;

    /** @param rsaProvider the provider of the RSA check ({@link SignatureProvider}); empty: the JDK's */
    StreamingEnvelopeVerifier(Optional<Provider> rsaProvider) {
        this.rsa = new ProviderKeys(rsaProvider);
    }

    /** The passed check, or empty when the DOM verifier is to decide. */
    Optional<SignatureCheck> verify(byte[] envelope, List<Payload> payloads, VerificationOrder order) {
        Optional<CanonicalEnvelope> read = CanonicalEnvelope.readSigned(envelope);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        try {
            return passes(read.get(), payloads, order) ? Optional.of(new SignatureCheck(true, null, null,
                    read.get().signature.asCopied())) : Optional.empty();
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean passes(CanonicalEnvelope envelope, List<Payload> payloads, VerificationOrder order)
            throws GeneralSecurityException {
        ReceivedSignature signature = envelope.signature;
        if (!order.signatureAlgorithms().contains(signature.signatureMethod)) {
            return false;
        }
        CidResolver cids = new CidResolver(payloads);
        Set<String> uris = new HashSet<>();
        for (ReceivedSignature.Ref reference : signature.references) {
            String uri = reference.uri();
            if (EnvelopeVerifier.uriProblem(uri) != null || !uri.isEmpty() && cids.find(uri) == null) {
                return false; // a payload reference that resolves to nothing fails in the DOM verifier too
            }
            uris.add(uri);
        }
        if (EnvelopeVerifier.coverageProblem(uris, payloads, cids) != null) {
            return false;
        }
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(signature.certificate));
        if (trust.problem(certificate, order) != null) {
            return false;
        }
        Signature value = rsa.signature(CanonicalSignedInfo.SIGNATURES.get(signature.signatureMethod));
        value.initVerify(rsa.of(certificate.getPublicKey()));
        value.update(signature.signedInfo().canonical(envelope.headerScope).getBytes(StandardCharsets.UTF_8));
        if (!value.verify(signature.signatureValue)) {
            return false;
        }
        String digestName = CanonicalSignedInfo.DIGESTS.get(signature.digestMethod);
        for (ReceivedSignature.Ref reference : signature.references) {
            byte[] content = reference.uri().isEmpty() ? envelope.signedPart : cids.find(reference.uri()).content();
            if (!MessageDigest.isEqual(reference.digest(), MessageDigest.getInstance(digestName).digest(content))) {
                return false;
            }
        }
        return true;
    }
}
