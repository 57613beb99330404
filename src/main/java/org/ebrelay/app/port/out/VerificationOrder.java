package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How to check a received message's signature (SIG-8, SIG-10): whom the CPA names as the signer, and what it allows.
 *
 * @param signerCertificates DER of the certificates the signer may sign with (its SigningCertificateRef)
 * @param trustAnchors       DER of anchors a signing certificate may be issued by instead (SigningSecurityDetailsRef)
 * @param signatureAlgorithms the ds:SignatureMethod values accepted
 * @param required           whether a message without a signature fails
 * @param at                 when the certificate must be valid (the receive time)
 */
public record VerificationOrder(List<byte[]> signerCertificates, List<byte[]> trustAnchors,
                                List<String> signatureAlgorithms, boolean required, Instant at) {
    public VerificationOrder {
        signerCertificates = List.copyOf(signerCertificates);
        trustAnchors = List.copyOf(trustAnchors);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
        Objects.requireNonNull(at, "at");
    }
}
