package org.ebrelay.domain.message;

import java.util.List;
import java.util.Objects;

/**
 * eb:MessageHeader, required in every ebXML message.
 *
 * @param duplicateElimination whether eb:DuplicateElimination is present
 * @param descriptions         eb:Description elements, possibly empty
 */
public record MessageHeader(
        Party from,
        Party to,
        CpaId cpaId,
        ConversationId conversationId,
        Service service,
        String action,
        MessageData messageData,
        boolean duplicateElimination,
        List<Description> descriptions) {

    public MessageHeader {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(service, "service");
        Text.nonBlank(action, "Action");
        Objects.requireNonNull(messageData, "messageData");
        descriptions = descriptions == null ? List.of() : List.copyOf(descriptions);
    }

    public MessageId messageId() {
        return messageData.messageId();
    }

    public MessageId refToMessageId() {
        return messageData.refToMessageId();
    }
}
