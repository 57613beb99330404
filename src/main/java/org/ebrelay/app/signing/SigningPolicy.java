package org.ebrelay.app.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.port.out.MessageSigning.SigningFailure;
import org.ebrelay.app.port.out.SigningOrder;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.Certificate;
import org.ebrelay.domain.cpa.DeliveryChannel;
import org.ebrelay.domain.cpa.SecurityTerms;

/**
 * What the CPA says about signing one message (ebms2-digest §14, cpa-digest §4): the sender signs with its
 * SenderNonRepudiation (first SignatureAlgorithm, HashFunction, SigningCertificateRef); the receiver accepts the
 * algorithms of its ReceiverNonRepudiation (else the sender's), a signature by the sender's SigningCertificateRef or
 * by a certificate its SigningSecurityDetailsRef anchors issued. Legacy rsa-sha1 only where configured.
 */
public final class SigningPolicy {
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private final boolean allowRsaSha1;

    /** @param allowRsaSha1 whether rsa-sha1 may be used where a CPA asks for it (legacy partners) */
    public SigningPolicy(boolean allowRsaSha1) {
        this.allowRsaSha1 = allowRsaSha1;
    }

    public boolean allowsRsaSha1() {
        return allowRsaSha1;
    }

    /**
     * How we sign on {@code channel}, one of our channels with a SenderNonRepudiation.
     *
     * @throws SigningFailure when the CPA's terms cannot be honoured (no X.509 certificate, rsa-sha1 not allowed)
     */
    public SigningOrder signingOrder(Agreement agreement, DeliveryChannel channel) {
        SecurityTerms terms = channel.senderTerms().security();
        String algorithm = terms.signatureAlgorithm() == null ? RSA_SHA256 : terms.signatureAlgorithm();
        if (RSA_SHA1.equals(algorithm) && !allowRsaSha1) {
            throw new SigningFailure("CPA " + agreement.cpaId() + " asks for legacy rsa-sha1 signatures on channel "
                    + channel.channelId() + "; set signing.allowRsaSha1 to true to sign so for this partner", null);
        }
        Certificate certificate = agreement.certificate(terms.signingCertificateId()).filter(Certificate::hasX509)
                .orElseThrow(() -> new SigningFailure("CPA " + agreement.cpaId() + " names signing certificate '"
                        + terms.signingCertificateId() + "' for channel " + channel.channelId()
                        + ", but carries no X.509 certificate for it", null));
        String digest = terms.hashFunction() == null ? SHA256 : terms.hashFunction();
        return new SigningOrder(certificate.der(), certificate.certId(), algorithm, digest);
    }

    /**
     * How to check a message the other party sent on {@code senderChannel} and we receive on {@code receiverChannel}.
     *
     * @param required whether a message without a signature fails
     */
    public VerificationOrder verificationOrder(Agreement agreement, DeliveryChannel senderChannel,
                                               DeliveryChannel receiverChannel, boolean required, Instant at) {
        SecurityTerms sender = senderChannel.senderTerms().security();
        SecurityTerms receiver = receiverChannel.receiverTerms().security();
        List<byte[]> signers = new ArrayList<>();
        agreement.certificate(sender.signingCertificateId()).filter(Certificate::hasX509)
                .ifPresent(c -> signers.add(c.der()));
        List<byte[]> anchors = agreement.certificates(receiver.signingTrustAnchors()).stream()
                .filter(Certificate::hasX509).map(Certificate::der).toList();
        List<String> algorithms = new ArrayList<>(receiver.signs() ? receiver.signatureAlgorithms()
                : sender.signs() ? sender.signatureAlgorithms() : List.of(RSA_SHA256));
        if (!allowRsaSha1) {
            algorithms.remove(RSA_SHA1);
        }
        return new VerificationOrder(signers, anchors, algorithms, required, at);
    }
}
