package org.ebrelay.app.inbound;

import java.util.Optional;
import org.ebrelay.domain.cpa.MessagingCharacteristics;
import org.ebrelay.domain.cpa.Requirement;
import org.ebrelay.domain.cpa.Route;
import org.ebrelay.domain.message.AckRequested;
import org.ebrelay.domain.message.Actor;
import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;

/**
 * Part of {@link ValidateHeader}: a user message's reliability elements against the MessagingCharacteristics of the
 * channel it is received on (digest §16 step 8). {@code always} needs the element, {@code never} forbids it,
 * {@code perMessage} accepts both.
 *
 * <p>MessageOrder is refused (NotSupported, ORD-3) unless the receiver's binding says Guaranteed. Where it does, the
 * message is accepted; its delivery waits for its turn (app.ordering.OrderedDelivery).
 */
final class ChannelConsistency {
    private static final String ACK_REQUESTED = "//Header/AckRequested";

    Optional<EbmsError> check(EbmsMessage message, Route route) {
        MessagingCharacteristics channel = route.characteristics();
        return ackRequested(message.ackRequested(), channel)
                .or(() -> presence(message.header().duplicateElimination(), channel.duplicateElimination(),
                        "DuplicateElimination", "//Header/MessageHeader/DuplicateElimination"))
                .or(() -> syncReply(message.syncReply(), channel))
                .or(() -> messageOrder(message, route));
    }

    /** ACK-3 (presence), ACK-4 (nextMSH only where the CPA says so), ACK-2 (signed against the CPA). */
    private static Optional<EbmsError> ackRequested(AckRequested ack, MessagingCharacteristics channel) {
        Optional<EbmsError> presence = presence(ack != null, channel.ackRequested(), "AckRequested", ACK_REQUESTED);
        if (presence.isPresent() || ack == null) {
            return presence;
        }
        if (ack.actor() == Actor.NEXT_MSH && channel.effectiveActor() != Actor.NEXT_MSH) {
            return Optional.of(EbmsError.error(ErrorCode.NOT_SUPPORTED, ACK_REQUESTED + "/@actor",
                    "an Acknowledgment from the nextMSH actor is not supported: this MSH acknowledges end to end"
                            + " (toPartyMSH) and the CPA does not ask for nextMSH"));
        }
        return presence(ack.signed(), channel.ackSignatureRequested(), "a signed Acknowledgment",
                ACK_REQUESTED + "/@signed");
    }

    private static Optional<EbmsError> syncReply(boolean present, MessagingCharacteristics channel) {
        if (present == channel.syncReplyMode().isSynchronous()) {
            return Optional.empty();
        }
        return Optional.of(EbmsError.error(ErrorCode.INCONSISTENT, "//Header/SyncReply", (present
                ? "SyncReply is present but" : "SyncReply is missing but") + " the CPA's syncReplyMode is "
                + channel.syncReplyMode().wireName()));
    }

    private static Optional<EbmsError> messageOrder(EbmsMessage message, Route route) {
        if (message.messageOrder() == null || route.ordered()) {
            return Optional.empty();
        }
        return Optional.of(EbmsError.error(ErrorCode.NOT_SUPPORTED, "//Header/MessageOrder",
                "MessageOrder is not supported under this CPA: its MessageOrderSemantics is not Guaranteed"));
    }

    private static Optional<EbmsError> presence(boolean present, Requirement requirement, String what,
                                                String location) {
        if (requirement == Requirement.ALWAYS && !present) {
            return Optional.of(EbmsError.error(ErrorCode.INCONSISTENT, location,
                    what + " is missing but the CPA requires it (always)"));
        }
        if (requirement == Requirement.NEVER && present) {
            return Optional.of(EbmsError.error(ErrorCode.INCONSISTENT, location,
                    what + " is present but the CPA forbids it (never)"));
        }
        return Optional.empty();
    }
}
