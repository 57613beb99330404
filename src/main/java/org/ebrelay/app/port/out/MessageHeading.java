package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Objects;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

/**
 * The identifying fields of a stored message: those of its eb:MessageHeader the store searches or shows, plus the
 * HL7 message id. From and To are the first PartyId of each party.
 *
 * @param messageId the current ebXML MessageId (outbound: changes only by regeneration)
 * @param hl7Id     the HL7 message id (MSH-10, id/@root...), or null when unknown
 * @param timestamp eb:Timestamp of the current MessageId
 */
public record MessageHeading(CpaId cpaId, ConversationId conversationId, MessageId messageId, String hl7Id,
                             PartyId from, PartyId to, Service service, String action, Instant timestamp) {
    public MessageHeading {
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(messageId, "messageId");
        hl7Id = hl7Id == null || hl7Id.isBlank() ? null : hl7Id;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** The same heading under another MessageId and Timestamp (MessageId regeneration). */
    public MessageHeading withMessageId(MessageId newId, Instant newTimestamp) {
        return new MessageHeading(cpaId, conversationId, newId, hl7Id, from, to, service, action, newTimestamp);
    }
}
