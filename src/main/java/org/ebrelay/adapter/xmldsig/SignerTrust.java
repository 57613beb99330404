package org.ebrelay.adapter.xmldsig;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Date;
import org.ebrelay.app.port.out.VerificationOrder;

/**
 * SIG-8: the KeyInfo certificate is not trusted for what it says. It must be the signer's certificate in the CPA,
 * byte for byte, or be issued (and signed) by one of the CPA's trust anchors for the signer; and valid at receipt.
 */
final class SignerTrust {
    /** Why {@code certificate} may not sign for the party, or null when it may. */
    String problem(X509Certificate certificate, VerificationOrder order) {
        try {
            certificate.checkValidity(Date.from(order.at()));
        } catch (CertificateException e) {
            return "the signing certificate " + certificate.getSubjectX500Principal() + " is not valid at "
                    + order.at() + " (" + certificate.getNotBefore().toInstant() + " to "
                    + certificate.getNotAfter().toInstant() + ")";
        }
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateException e) {
            return "the signing certificate cannot be encoded: " + e.getMessage();
        }
        if (order.signerCertificates().stream().anyMatch(c -> Arrays.equals(c, der))) {
            return null;
        }
        for (byte[] anchorDer : order.trustAnchors()) {
            if (issuedBy(certificate, anchorDer)) {
                return null;
            }
        }
        return "the message is signed with certificate " + certificate.getSubjectX500Principal()
                + ", which the CPA does not name for the sending party";
    }

    private static boolean issuedBy(X509Certificate certificate, byte[] anchorDer) {
        try {
            X509Certificate anchor = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(anchorDer));
            if (!anchor.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return false;
            }
            certificate.verify(anchor.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
