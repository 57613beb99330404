package org.ebrelay.app.cpa;

import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.Certificate;
import org.ebrelay.domain.cpa.PartyInfo;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warns administrators a configurable time before a CPA's End or a certificate's notAfter, once per CPA version and
 * certificate (again after a restart), and says which warnings stand now (the CPA view's "expiring").
 */
final class ExpiryWatch {
    private final Duration warnBefore;
    private final CpaAlerts alerts;
    private final Set<String> warned = new HashSet<>();

    ExpiryWatch(Duration warnBefore, CpaAlerts alerts) {
        this.warnBefore = warnBefore;
        this.alerts = alerts;
    }

    /** The standing warnings about the agreement at {@code now}; the new ones are sent to the administrators. */
    List<String> check(Agreement agreement, String checksum, Instant now) {
        List<String> standing = new ArrayList<>();
        if (!now.isBefore(agreement.end().minus(warnBefore)) && now.isBefore(agreement.end())) {
            String text = "CPA " + agreement.cpaId() + " expires at " + agreement.end() + " (its End)";
            standing.add(text);
            warnOnce(agreement.cpaId() + "|" + checksum + "|end", "EXPIRING", text, agreement);
        }
        for (PartyInfo party : agreement.parties()) {
            for (Certificate certificate : party.certificates()) {
                notAfter(certificate).filter(end -> !now.isBefore(end.minus(warnBefore))).ifPresent(end -> {
                    String text = "certificate " + certificate.certId() + " of party " + party.partyName()
                            + " in CPA " + agreement.cpaId() + (now.isBefore(end) ? " expires at " : " expired at ")
                            + end;
                    standing.add(text);
                    warnOnce(agreement.cpaId() + "|" + checksum + "|" + certificate.certId(),
                            "CERTIFICATE_EXPIRING", text, agreement);
                });
            }
        }
        return standing;
    }

    private void warnOnce(String key, String kind, String text, Agreement agreement) {
        if (warned.add(key)) {
            alerts.send(new CpaAlerts.CpaAlert(kind, text, text + ".\n\nThe CPA is valid from " + agreement.start()
                    + " until " + agreement.end() + ". Put a renewed CPA (or certificate) in the CPA folder before then:"
                    + " the node activates it without a restart. After the End, new messages under this CPA are"
                    + " refused and its pending messages move to manual handling.\n"));
        }
    }

    static Optional<Instant> notAfter(Certificate certificate) {
        if (!certificate.hasX509()) {
            return Optional.empty();
        }
        try {
            X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.der()));
            return Optional.of(x509.getNotAfter().toInstant());
        } catch (CertificateException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
