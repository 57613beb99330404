package org.ebrelay.domain.cpa;

import java.util.List;

/**
 * The message security of one ebXMLSenderBinding or ebXMLReceiverBinding: XMLDSig signing
 * (SenderNonRepudiation / ReceiverNonRepudiation) and whether a digital envelope is asked for.
 * Algorithms are the element texts (W3C URIs), never the @oid attributes (cpa-digest §6).
 *
 * @param nonRepudiationProtocol NonRepudiationProtocol, or null when the binding has no NonRepudiation (no signing)
 * @param hashFunction           HashFunction (ds:DigestMethod), or null without NonRepudiation
 * @param signatureAlgorithms    SignatureAlgorithm values in document order (the sender uses the first; a receiver
 *                               accepts any), empty without NonRepudiation
 * @param signingCertificateId   sender side: SigningCertificateRef certId; null on the receiver side
 * @param signingTrustAnchors    receiver side: certIds of SigningSecurityDetailsRef's trust anchors, possibly empty
 * @param digitalEnvelope        whether SenderDigitalEnvelope / ReceiverDigitalEnvelope is present (not supported)
 */
public record SecurityTerms(String nonRepudiationProtocol, String hashFunction, List<String> signatureAlgorithms,
                            String signingCertificateId, List<String> signingTrustAnchors, boolean digitalEnvelope) {
    /** No signing, no envelope. */
    public static final SecurityTerms NONE = new SecurityTerms(null, null, List.of(), null, List.of(), false);

    public SecurityTerms {
        nonRepudiationProtocol = Require.blankToNull(nonRepudiationProtocol);
        hashFunction = Require.blankToNull(hashFunction);
        signatureAlgorithms = List.copyOf(signatureAlgorithms);
        signingCertificateId = Require.blankToNull(signingCertificateId);
        signingTrustAnchors = List.copyOf(signingTrustAnchors);
        Require.that(nonRepudiationProtocol == null || hashFunction != null && !signatureAlgorithms.isEmpty(),
                "NonRepudiation needs a HashFunction and a SignatureAlgorithm");
    }

    /** Whether messages are signed (sender side) or signatures are expected (receiver side). */
    public boolean signs() {
        return nonRepudiationProtocol != null;
    }

    /** The algorithm a sender signs with: the first SignatureAlgorithm, or null without signing. */
    public String signatureAlgorithm() {
        return signatureAlgorithms.isEmpty() ? null : signatureAlgorithms.get(0);
    }
}
