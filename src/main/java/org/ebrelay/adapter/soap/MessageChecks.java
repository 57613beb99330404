package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.ErrorCode;
import org.ebrelay.domain.message.MessageData;
import org.ebrelay.domain.message.MessageKind;

import java.util.Set;

/**
 * Rules about the message as a whole that need no CPA and no clock: MSH-service actions and their required
 * parts, MSH-1, SYN-3, ORD-1 and a TimeToLive that had already passed when the header was written (HDR-7).
 */
final class MessageChecks {
    private static final String HEADER = "//Header/MessageHeader";
    private static final Set<MessageKind> NEED_REF_TO = Set.of(MessageKind.ACKNOWLEDGMENT, MessageKind.MESSAGE_ERROR,
            MessageKind.PONG, MessageKind.STATUS_RESPONSE);

    private MessageChecks() {
    }

    static void check(EbmsMessage message, ProblemList problems) {
        checkMshService(message, problems);
        checkReliability(message, problems);
        checkTimeToLive(message.header().messageData(), problems);
    }

    private static void checkMshService(EbmsMessage message, ProblemList problems) {
        if (!message.isMshServiceMessage()) {
            return;
        }
        MessageKind kind = message.kind();
        if (kind == MessageKind.USER_MESSAGE) {
            problems.error(ErrorCode.VALUE_NOT_RECOGNIZED, HEADER + "/Action", "Action '" + message.header().action()
                    + "' is not an action of the MSH service urn:oasis:names:tc:ebxml-msg:service");
            return;
        }
        String refTo = HEADER + "/MessageData/RefToMessageId";
        if (NEED_REF_TO.contains(kind) && message.header().refToMessageId() == null && !problems.hasProblemAtOrUnder(refTo)) {
            problems.error(ErrorCode.INCONSISTENT, refTo, kind.displayName()
                    + " messages must carry the RefToMessageId of the message they answer (HDR-6)");
        }
        requirePart(kind == MessageKind.ACKNOWLEDGMENT, message.acknowledgment(), "//Header/Acknowledgment", kind, problems);
        requirePart(kind == MessageKind.MESSAGE_ERROR, message.errorList(), "//Header/ErrorList", kind, problems);
        requirePart(kind == MessageKind.STATUS_REQUEST, message.statusRequest(), "//Body/StatusRequest", kind, problems);
        requirePart(kind == MessageKind.STATUS_RESPONSE, message.statusResponse(), "//Body/StatusResponse", kind, problems);
        if (message.ackRequested() != null) {
            problems.error(ErrorCode.INCONSISTENT, "//Header/AckRequested", "an MSH service message (" + kind.displayName()
                    + ") must not ask for an Acknowledgment (MSH-1)");
        }
        if (message.header().duplicateElimination()) {
            problems.warning(ErrorCode.INCONSISTENT, HEADER + "/DuplicateElimination", "an MSH service message ("
                    + kind.displayName() + ") should not carry DuplicateElimination (MSH-1); it is ignored");
        }
    }

    private static void requirePart(boolean required, Object part, String location, MessageKind kind, ProblemList problems) {
        if (required && part == null && !problems.hasProblemAtOrUnder(location)) {
            String name = location.substring(location.lastIndexOf('/') + 1);
            problems.error(ErrorCode.INCONSISTENT, location, "this " + kind.displayName() + " message has no eb:" + name);
        }
    }

    private static void checkReliability(EbmsMessage message, ProblemList problems) {
        if (message.messageOrder() == null) {
            return;
        }
        if (message.syncReply()) {
            problems.error(ErrorCode.INCONSISTENT, "//Header/MessageOrder",
                    "MessageOrder and SyncReply must not appear in the same message (SYN-3)");
        }
        if (!message.header().duplicateElimination() || message.ackRequested() == null) {
            problems.error(ErrorCode.INCONSISTENT, "//Header/MessageOrder",
                    "MessageOrder needs reliable messaging: DuplicateElimination and AckRequested (ORD-1)");
        }
    }

    private static void checkTimeToLive(MessageData data, ProblemList problems) {
        if (data.timeToLive() != null && !data.timeToLive().isAfter(data.timestamp())) {
            problems.error(ErrorCode.TIME_TO_LIVE_EXPIRED, HEADER + "/MessageData/TimeToLive", "TimeToLive "
                    + data.timeToLive() + " is not after the message Timestamp " + data.timestamp()
                    + ": the message expired before it was sent (HDR-7)");
        }
    }
}
