package org.ebrelay.app.port.in;

import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A message to send.
 *
 * @param cpaId          the agreement it travels under
 * @param service        the service, or null when the CPA has exactly one service offering the action
 * @param action         the action
 * @param from           the sending party, or null when this node acts for exactly one party of the CPA
 * @param to             the receiving party
 * @param payloads       at least one payload
 * @param hl7MessageId   the HL7 message id, or null to read it from the payload (MSH-10, id/@root)
 * @param conversationId the conversation, or null for a new one
 * @param refToMessageId the message this one answers (eb:RefToMessageId), or null
 */
public record Submission(CpaId cpaId, Service service, String action, PartyId from, PartyId to,
                         List<Payload> payloads, String hl7MessageId, ConversationId conversationId,
                         MessageId refToMessageId) {
    /** A message that answers none. */
    public Submission(CpaId cpaId, Service service, String action, PartyId from, PartyId to,
                      List<Payload> payloads, String hl7MessageId, ConversationId conversationId) {
        this(cpaId, service, action, from, to, payloads, hl7MessageId, conversationId, null);
    }

    public Submission {
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        payloads = List.copyOf(payloads);
    }

    /** A payload as the application gives it: a media type and the content octets. */
    public record Payload(String contentType, byte[] content) {
        public Payload {
            Objects.requireNonNull(content, "content");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Payload p && Objects.equals(contentType, p.contentType) && Arrays.equals(content, p.content);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contentType, Arrays.hashCode(content));
        }
    }
}
