package org.ebrelay.app.inbound;

import java.util.concurrent.atomic.AtomicInteger;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.IdGenerator;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.MessageId;

/** Predictable ids: reply-1@node.test, in-2, dlv-3... one counter for all, so every id is unique. */
final class SequenceIds implements IdGenerator {
    private final AtomicInteger counter = new AtomicInteger();

    @Override
    public MessageId newMessageId() {
        return MessageId.of("reply-" + counter.incrementAndGet() + "@node.test");
    }

    @Override
    public ConversationId newConversationId() {
        return ConversationId.of("conv-" + counter.incrementAndGet());
    }

    @Override
    public String newContentId() {
        return "part-" + counter.incrementAndGet() + "@node.test";
    }

    @Override
    public InternalId newInternalId() {
        return InternalId.of("in-" + counter.incrementAndGet());
    }

    @Override
    public DeliveryId newDeliveryId() {
        return DeliveryId.of("dlv-" + counter.incrementAndGet());
    }
}
