package org.ebrelay.adapter.cpa;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/** Certificates are readable X.509 (base64 DER); expired ones are reported as warnings (CPA-3). */
final class CertificateChecks implements CpaCheck {
    private final Instant now;

    CertificateChecks(Instant now) {
        this.now = now;
    }

    @Override
    public void check(CpaDocument document, Findings findings) {
        for (XmlNode party : document.parties()) {
            for (XmlNode certificate : party.children("Certificate")) {
                certificate.descendantsNamed(XmlNode.DSIG_NS, "X509Certificate").stream().findFirst()
                        .ifPresent(x509 -> checkX509(certificate.attr("certId"), x509, findings));
            }
        }
    }

    private void checkX509(String certId, XmlNode x509, Findings findings) {
        Optional<byte[]> der = CpaValues.base64(x509.text());
        if (der.isEmpty() || der.get().length == 0) {
            findings.error(x509, "certificate \"" + certId + "\" is not valid base64 in ds:X509Certificate");
            return;
        }
        try {
            X509Certificate certificate = CpaValues.x509(der.get());
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (!now.isBefore(notAfter)) {
                findings.warning(x509, "certificate \"" + certId + "\" (" + certificate.getSubjectX500Principal()
                        + ") expired on " + notAfter);
            }
        } catch (CertificateException | ClassCastException e) {
            findings.error(x509, "certificate \"" + certId + "\" cannot be read as an X.509 certificate: "
                    + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown reason";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
