package org.ebrelay.app.inbound;

import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.signing.Signatures;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageKind;

/**
 * Step 7 (SIG-8, SIG-10, ACK-8): the signature, checked against the sending party's certificate in the CPA. A user
 * message must be signed where its route says so; a signed Acknowledgment (one carrying ds:References) must be
 * signed; any signature that is present must verify. A failure is SecurityFailure, and the message is not delivered.
 */
final class VerifySignature {
    private final Signatures signatures;

    VerifySignature(Signatures signatures) {
        this.signatures = signatures;
    }

    Checked<SignatureCheck> verify(Incoming in, Counterparts parties) {
        SignatureCheck check = in.message().kind() == MessageKind.USER_MESSAGE
                ? signatures.verify(in.wire(), in.message(), parties.agreement(), parties.route().sendChannel(),
                        parties.route().receiveChannel(), parties.route().signed(), in.receivedAt())
                : signatures.verifyMsh(in.wire(), in.message(), parties.agreement(), parties.senderId(),
                        parties.receiverId(), claimsSignedReceipt(in), in.receivedAt());
        return check.passed() ? Checked.passed(check)
                : Checked.failed(EbmsError.error(ErrorCode.SECURITY_FAILURE, check.location(), check.failure()));
    }

    private static boolean claimsSignedReceipt(Incoming in) {
        return in.message().acknowledgment() != null && !in.message().acknowledgment().references().isEmpty();
    }
}
