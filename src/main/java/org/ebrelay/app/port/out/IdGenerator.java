package org.ebrelay.app.port.out;

import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.MessageId;

/** New globally unique identifiers. Injected, so tests can make them predictable. */
public interface IdGenerator {
    /** An RFC 2822 msg-id style MessageId: {@code UUID@host}, without angle brackets. */
    MessageId newMessageId();

    ConversationId newConversationId();

    /** A MIME Content-ID for a payload, without angle brackets. */
    String newContentId();

    InternalId newInternalId();

    DeliveryId newDeliveryId();
}
