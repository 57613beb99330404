package org.ebrelay.app.bank;

import java.util.List;
import java.util.Set;
import org.ebrelay.app.port.in.Submission;
import org.ebrelay.app.port.in.SubmissionResult;
import org.ebrelay.app.port.in.SubmitMessage;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageHeader;

/**
 * Resends a gone node's message from the bank's copy: this node has no row for it, so it submits the banked
 * payloads as a new message of its own through the normal submission (CPA checks, storage, dispatch), under the
 * same CPA, service, action, parties, ConversationId and HL7 id. Only the MessageId is new; the receiver's HL7-id
 * duplicate protection keeps a message the owner did deliver from being processed twice.
 */
public final class BankResubmission {
    private static final Set<String> NO_NODE_CAN = Set.of("InvalidPayload", "UnknownAction");
    private final String node;
    private final MessageCodec codec;
    private final SubmitMessage submit;

    public BankResubmission(String node, MessageCodec codec, SubmitMessage submit) {
        this.node = node;
        this.codec = codec;
        this.submit = submit;
    }

    public WorkOutcome carryOut(WorkItem item) {
        BankedCopy copy = item.copy();
        if (copy == null || copy.wire() == null) {
            return WorkOutcome.refused("the bank holds no wire of " + item.ebxmlMessageId() + " to resend from");
        }
        Decoded decoded = codec.decode(new WireMessage(copy.wireContentType(), WireMessage.EBXML_SOAP_ACTION,
                copy.wire()));
        EbmsMessage banked = decoded.message();
        if (banked == null || banked.payloads().isEmpty()) {
            return WorkOutcome.refused("the banked wire of " + item.ebxmlMessageId() + " is not a message with"
                    + " payloads: " + decoded.problems());
        }
        MessageHeader h = banked.header();
        List<Submission.Payload> payloads = banked.payloads().stream()
                .map(p -> new Submission.Payload(p.contentType(), p.content())).toList();
        SubmissionResult result = submit.submit(new Submission(h.cpaId(), h.service(), h.action(),
                h.from().firstId(), h.to().firstId(), payloads, copy.hl7Id(), h.conversationId()));
        if (result instanceof SubmissionResult.Accepted accepted) {
            return WorkOutcome.done("node " + item.owner() + " is gone; resent by node " + node
                    + " as new message " + accepted.messageId());
        }
        SubmissionResult.Refused refused = (SubmissionResult.Refused) result;
        String why = "node " + node + " could not resubmit it: " + refused.error() + ": " + refused.detail();
        // a bad payload or action fails on every node; anything else (not our party, CPA not usable here, storage
        // down) may work on the next node with the CPA
        return NO_NODE_CAN.contains(refused.error()) ? WorkOutcome.refused(why) : WorkOutcome.declined(why);
    }
}
