package org.ebrelay.app.port.out;

import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.MessageId;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the messages taken in over MLLP came from: the route that took each one and the local destination its HL7
 * answers go back to. A partner's answer is matched to its original by MSA-2, RefToMessageId or ConversationId.
 */
public interface MllpOrigins {

    /**
     * Records the origin of the stored outbound message with {@code messageId}; false when no outbound message has
     * that MessageId (nothing is recorded).
     */
    boolean record(MessageId messageId, String hl7Id, String route, String returnTo, Instant at);

    /** The latest origin whose message carried HL7 id {@code hl7Id} (MSH-10). */
    Optional<Origin> byHl7Id(String hl7Id);

    /** The origin of the message that has, or had before a regeneration, this ebXML MessageId. */
    Optional<Origin> byMessageId(MessageId messageId);

    /** The latest origin of a message in this conversation. */
    Optional<Origin> byConversation(ConversationId conversationId);

    /**
     * @param message  the original outbound message
     * @param hl7Id    its HL7 id, or null
     * @param route    the mllp.routes entry that took it
     * @param returnTo the mllp.destinations entry its answers go to
     */
    record Origin(InternalId message, String hl7Id, String route, String returnTo) {
    }
}
