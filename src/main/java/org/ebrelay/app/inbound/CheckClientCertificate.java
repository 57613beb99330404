package org.ebrelay.app.inbound;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ebrelay.domain.cpa.Certificate;
import org.ebrelay.domain.cpa.DeliveryChannel;
import org.ebrelay.domain.cpa.TransportSecurity;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;

/**
 * Step 7, transport half (HTTP-8): where the CPA names a TLS client certificate for the sending party
 * (TransportSender/TransportClientSecurity/ClientCertificateRef of the channel the message travels on), the request
 * must have come over TLS with exactly that certificate. The TLS layer has already checked the chain against the
 * node's trust store; this pins the one certificate the agreement names for this party, so a partner trusted by
 * the same CA cannot speak for another. A CPA that names no client certificate asks for no check.
 */
final class CheckClientCertificate {
    static final String LOCATION = "//Header/MessageHeader/From";

    Optional<EbmsError> check(EbmsMessage message, Counterparts parties, List<X509Certificate> chain) {
        DeliveryChannel channel = parties.route() != null ? parties.route().sendChannel()
                : parties.sender().mshChannel(message.header().action());
        TransportSecurity security = channel.transport().clientSecurity();
        if (security == null || security.certificateId() == null) {
            return Optional.empty();
        }
        Optional<Certificate> named = parties.sender().certificate(security.certificateId());
        if (named.isEmpty() || !named.get().hasX509()) {
            return Optional.empty(); // a certificate known only by KeyName: nothing to compare with
        }
        String whose = "TLS client certificate " + security.certificateId() + " the CPA names for party "
                + parties.sender().partyName();
        if (chain.isEmpty()) {
            return failure("the request came without the " + whose);
        }
        if (!Arrays.equals(encoded(chain.get(0)), named.get().der())) {
            return failure("the TLS client certificate presented (" + chain.get(0).getSubjectX500Principal().getName()
                    + ") is not the " + whose);
        }
        return Optional.empty();
    }

    private static Optional<EbmsError> failure(String text) {
        return Optional.of(EbmsError.error(ErrorCode.SECURITY_FAILURE, LOCATION, text));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            return new byte[0];
        }
    }
}
