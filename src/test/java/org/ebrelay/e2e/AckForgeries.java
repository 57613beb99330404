package org.ebrelay.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.EbmsEncoder;
import org.ebrelay.adapter.xmldsig.TestKeys;
import org.ebrelay.adapter.xmldsig.XmlDsigSigning;
import org.ebrelay.app.port.out.SigningOrder;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.Acknowledgment;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.message.SignatureReference;
import org.ebrelay.e2e.FaultProxy.Body;

/**
 * What a misbehaving laboratory MSH makes of its own signed Acknowledgments, as {@link FaultProxy} rewrites: every
 * other message passes unchanged. Each forgery breaks one thing a signed ack must get right (ACK-7, ACK-8).
 */
final class AckForgeries {
    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private AckForgeries() {
    }

    /** No signature and no ds:Reference copies, though the CPA asks for a signed ack. */
    static UnaryOperator<Body> unsigned() {
        return onAcks(ack -> new EbmsEncoder().encode(withReferences(ack, List.of()).toBuilder().signed(false)
                .build()));
    }

    /** The laboratory's signature, but a byte of the signed envelope changed afterwards. */
    static UnaryOperator<Body> tampered() {
        return body -> {
            if (!isAck(body)) {
                return body;
            }
            String text = new String(body.bytes(), StandardCharsets.ISO_8859_1);
            int copies = text.indexOf("Acknowledgment");
            int digest = text.indexOf("DigestValue>", copies) + "DigestValue>".length();
            char flipped = text.charAt(digest) == 'A' ? 'B' : 'A';
            String changed = text.substring(0, digest) + flipped + text.substring(digest + 1);
            return new Body(body.contentType(), changed.getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    /** The same Acknowledgment signed with a key the CPA does not name for the laboratory ("mallory"). */
    static UnaryOperator<Body> signedByAnotherKey() {
        return onAcks(ack -> signed(ack, "mallory"));
    }

    /** Correctly signed by the laboratory's key, but vouching for other digests than the ones the hospital signed. */
    static UnaryOperator<Body> otherDigests() {
        return onAcks(ack -> {
            String other = Base64.getEncoder().encodeToString(new byte[32]);
            List<SignatureReference> changed = ack.acknowledgment().references().stream()
                    .map(r -> new SignatureReference(r.uri(), r.transforms(), r.xpath(), r.digestMethod(), other))
                    .toList();
            return signed(withReferences(ack, changed), "beta");
        });
    }

    private static WireMessage signed(EbmsMessage ack, String key) {
        return new XmlDsigSigning(new EbmsEncoder(), TestKeys.signingKeys(key)).encodeSigned(
                ack.toBuilder().signed(false).build(),
                new SigningOrder(TestKeys.der(key), key + "_Signing", RSA_SHA256, SHA256));
    }

    private static EbmsMessage withReferences(EbmsMessage ack, List<SignatureReference> references) {
        Acknowledgment a = ack.acknowledgment();
        return ack.toBuilder().acknowledgment(new Acknowledgment(a.timestamp(), a.refToMessageId(), a.from(),
                a.actor(), references)).build();
    }

    private static UnaryOperator<Body> onAcks(java.util.function.Function<EbmsMessage, WireMessage> forge) {
        return body -> {
            EbmsMessage message = decoded(body);
            if (message == null || message.kind() != MessageKind.ACKNOWLEDGMENT) {
                return body;
            }
            WireMessage forged = forge.apply(message);
            return new Body(forged.contentType(), forged.body());
        };
    }

    private static boolean isAck(Body body) {
        EbmsMessage message = decoded(body);
        return message != null && message.kind() == MessageKind.ACKNOWLEDGMENT;
    }

    private static EbmsMessage decoded(Body body) {
        return new EbmsDecoder().decode(new WireMessage(body.contentType(), null, body.bytes())).message();
    }
}
