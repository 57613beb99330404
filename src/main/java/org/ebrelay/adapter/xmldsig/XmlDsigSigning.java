package org.ebrelay.adapter.xmldsig;

import java.security.GeneralSecurityException;
import java.security.Provider;
import java.util.List;
import java.util.Optional;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.soap.EnvelopePart;
import org.ebrelay.app.port.out.MessageSigning;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.port.out.SigningOrder;
import org.ebrelay.app.port.out.VerificationOrder;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;
import org.ebrelay.domain.message.SignatureReference;

/** Signing and verification with Apache Santuario, on the envelope our encoder writes and the package it wraps. */
public final class XmlDsigSigning implements MessageSigning {
    private final EbmsEncoder encoder;
    private volatile SigningKeys keys;
    private final StreamingEnvelopeSigner streamingSigner;
    private final EnvelopeSigner signer = new EnvelopeSigner();
    private final StreamingEnvelopeVerifier streamingVerifier;
    private final EnvelopeVerifier verifier = new EnvelopeVerifier();

    /** Signs with the JDK's RSA provider. */
    public XmlDsigSigning(EbmsEncoder encoder, SigningKeys keys) {
        this(encoder, keys, Optional.empty());
    }

    /** @param rsaProvider the provider of RSA signatures ({@link SignatureProvider#select}); empty: the JDK's */
    public XmlDsigSigning(EbmsEncoder encoder, SigningKeys keys, Optional<Provider> rsaProvider) {
        this.encoder = encoder;
        this.keys = keys;
        this.streamingSigner = new StreamingEnvelopeSigner(rsaProvider);
        this.streamingVerifier = new StreamingEnvelopeVerifier(rsaProvider);
    }

    /** Signs with {@code renewed} from the next signature on (a renewed keystore, without a restart). */
    public void useKeys(SigningKeys renewed) {
        this.keys = java.util.Objects.requireNonNull(renewed, "renewed");
    }

    @Override
    public WireMessage encodeSigned(EbmsMessage message, SigningOrder order) {
        SigningKeys keys = this.keys;
        SigningKeys.Entry entry = keys.forCertificate(order.certificateDer()).orElseThrow(() -> new SigningFailure(
                "no key for the signing certificate " + order.certificateId() + " that the CPA names is in the "
                        + keys, null));
        byte[] unsigned = encoder.envelope(message);
        try {
            // the streaming signer writes what the DOM signer would, without the DOM; what it leaves, the DOM signs
            Optional<byte[]> streamed = streamingSigner.sign(unsigned, message.payloads(), entry.key(),
                    entry.certificate(), order.signatureAlgorithm(), order.digestAlgorithm());
            byte[] envelope = streamed.isPresent() ? streamed.get() : signer.sign(unsigned, message.payloads(),
                    entry.key(), entry.certificate(), order.signatureAlgorithm(), order.digestAlgorithm());
            return encoder.packaged(envelope, message.payloads());
        } catch (XMLSecurityException | GeneralSecurityException e) {
            throw new SigningFailure("cannot sign with " + order.signatureAlgorithm() + " / "
                    + order.digestAlgorithm() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<SignatureReference> references(WireMessage wire) {
        // our own signed message, so its signature has the shape the stream reader takes; the DOM reads any other
        return EnvelopePart.of(wire).map(envelope -> ReceivedSignature.inHeader(envelope)
                .map(ReceivedSignature::asCopied).orElseGet(() -> verifier.references(envelope))).orElse(List.of());
    }

    @Override
    public SignatureCheck verify(WireMessage wire, EbmsMessage message, VerificationOrder order) {
        Optional<byte[]> envelope = EnvelopePart.of(wire);
        if (envelope.isEmpty()) {
            return SignatureCheck.failed(false, null, "the message package has no envelope to check");
        }
        List<Payload> payloads = message == null ? List.of() : message.payloads();
        // what the streaming verifier does not pass, the DOM verifier decides, and explains when it fails
        return streamingVerifier.verify(envelope.get(), payloads, order)
                .orElseGet(() -> verifier.verify(envelope.get(), payloads, order));
    }
}
