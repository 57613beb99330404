package org.ebrelay.app.port.out;

import java.util.Objects;

/**
 * How to sign one message, from the CPA's SenderNonRepudiation: our certificate (SigningCertificateRef, matched to a
 * key in our keystore by its DER bytes), ds:SignatureMethod and ds:DigestMethod.
 */
public record SigningOrder(byte[] certificateDer, String certificateId, String signatureAlgorithm,
                           String digestAlgorithm) {
    public SigningOrder {
        Objects.requireNonNull(certificateDer, "certificateDer");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        certificateDer = certificateDer.clone();
    }

    @Override
    public byte[] certificateDer() {
        return certificateDer.clone();
    }
}
