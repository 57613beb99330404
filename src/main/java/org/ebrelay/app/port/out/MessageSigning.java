package org.ebrelay.app.port.out;

import java.util.List;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.SignatureReference;

/**
 * XML signatures on ebXML messages (ebms2-digest §14): encodes a message with an enveloped ds:Signature over its
 * envelope and every payload, and checks the signature of a received one.
 */
public interface MessageSigning {
    /**
     * The message encoded and signed with the key of the certificate the order names.
     *
     * @throws SigningFailure when the key is not in the keystore or the algorithm is not available
     */
    WireMessage encodeSigned(EbmsMessage message, SigningOrder order);

    /** Checks the first ds:Signature in the SOAP header of {@code wire}, whose decoded form is {@code message}. */
    SignatureCheck verify(WireMessage wire, EbmsMessage message, VerificationOrder order);

    /**
     * The ds:References of the first signature in the SOAP header of {@code wire}, read without checking them
     * (a message we signed and sent ourselves); empty when it carries none.
     */
    List<SignatureReference> references(WireMessage wire);

    /** Signing was asked for and is not possible: a configuration problem, not a bad message. */
    final class SigningFailure extends RuntimeException {
        public SigningFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
