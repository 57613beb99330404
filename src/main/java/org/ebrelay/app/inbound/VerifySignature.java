package org.ebrelay.app.inbound;

import java.util.List;
import java.util.Optional;
import org.ebrelay.app.AgreementRegistry;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.app.port.out.SignatureCheck;
import org.ebrelay.app.signing.Signatures;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageKind;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;

/**
 * Step 7 (SIG-8, SIG-10, ACK-8): the signature, checked against the sending party's certificate in the CPA. A user
 * message must be signed where its route says so; a signed Acknowledgment (one carrying ds:References) must be
 * signed; any signature that is present must verify. A failure is SecurityFailure, and the message is not delivered.
 *
 * <p>An Acknowledgment of one of our messages that came as a request of its own is checked as one on the response of
 * a send is: signed where the CPA asks for signed acks on the message's route, and copying the digests of what we
 * signed under the MessageId it acknowledges. One that fails leaves the message awaiting an ack, with an
 * {@code ACK_REFUSED} event saying why.
 */
final class VerifySignature {
    private final Signatures signatures;
    private final MessageStore store;
    private final AgreementRegistry agreements;

    VerifySignature(Signatures signatures, MessageStore store, AgreementRegistry agreements) {
        this.signatures = signatures;
        this.store = store;
        this.agreements = agreements;
    }

    Checked<SignatureCheck> verify(Incoming in, Counterparts parties) {
        EbmsMessage message = in.message();
        if (message.kind() == MessageKind.ACKNOWLEDGMENT && signatures.ackNeedsChecking(message, parties.agreement())) {
            Optional<MessageSummary> sent = acknowledged(message);
            if (sent.isPresent()) {
                return acknowledgment(in, sent.get());
            }
        }
        SignatureCheck check = message.kind() == MessageKind.USER_MESSAGE
                ? signatures.verify(in.wire(), message, parties.agreement(), parties.route().sendChannel(),
                        parties.route().receiveChannel(), parties.route().signed(), in.receivedAt())
                : signatures.verifyMsh(in.wire(), message, parties.agreement(), parties.senderId(),
                        parties.receiverId(), claimsSignedReceipt(in), in.receivedAt());
        return check.passed() ? Checked.passed(check)
                : Checked.failed(EbmsError.error(ErrorCode.SECURITY_FAILURE, check.location(), check.failure()));
    }

    private Checked<SignatureCheck> acknowledgment(Incoming in, MessageSummary sent) {
        EbmsMessage ack = in.message();
        Optional<String> problem = signatures.ackProblem(agreements, sent.heading(),
                signatures.sentUnder(refTo(ack)).orElse(null), in.wire(), ack, in.receivedAt());
        if (problem.isEmpty()) {
            return Checked.passed(new SignatureCheck(ack.signed(), null, null, List.of()));
        }
        String why = "the Acknowledgment is refused: " + problem.get();
        store.append(sent.id(), in.receivedAt(), EventType.ACK_REFUSED,
                "SecurityFailure: Acknowledgment " + ack.messageId() + " for " + refTo(ack) + ": " + why);
        return Checked.failed(EbmsError.error(ErrorCode.SECURITY_FAILURE, "//Header/Signature", why));
    }

    /** Our outbound message the ack refers to, when the ack comes from its recipient under its CPA (ACK-8). */
    private Optional<MessageSummary> acknowledged(EbmsMessage ack) {
        MessageId refTo = refTo(ack);
        if (refTo == null) {
            return Optional.empty();
        }
        return store.findByMessageId(refTo).stream().map(MessageDetails::summary)
                .filter(s -> s.direction() == Direction.OUTBOUND)
                .filter(s -> ack.header().cpaId().equals(s.heading().cpaId())
                        && ack.header().from().partyIds().contains(s.heading().to()))
                .findFirst();
    }

    private static MessageId refTo(EbmsMessage ack) {
        return ack.acknowledgment() != null && ack.acknowledgment().refToMessageId() != null
                ? ack.acknowledgment().refToMessageId() : ack.header().refToMessageId();
    }

    private static boolean claimsSignedReceipt(Incoming in) {
        return in.message().acknowledgment() != null && !in.message().acknowledgment().references().isEmpty();
    }
}
