package org.ebrelay.app;

import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.MessageId;

import java.util.UUID;

/** Random (version 4) UUIDs; MessageIds and Content-IDs get {@code @domain} so they read as msg-ids (HDR-4). */
public final class UuidIdGenerator implements IdGenerator {
    private final String domain;

    /** @param domain the right-hand side of generated msg-ids, e.g. the node's host name or id */
    public UuidIdGenerator(String domain) {
        this.domain = domain;
    }

    @Override
    public MessageId newMessageId() {
        return MessageId.of(UUID.randomUUID() + "@" + domain);
    }

    @Override
    public ConversationId newConversationId() {
        return ConversationId.of(UUID.randomUUID().toString());
    }

    @Override
    public String newContentId() {
        return "payload-" + UUID.randomUUID() + "@" + domain;
    }

    @Override
    public InternalId newInternalId() {
        return InternalId.of(UUID.randomUUID().toString());
    }

    @Override
    public DeliveryId newDeliveryId() {
        return DeliveryId.of(UUID.randomUUID().toString());
    }
}
