package org.ebrelay.app.outbound;

import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.domain.reliability.OutboundState;

/** Where an accepted message goes: it is stored durably, committed, before {@link #accept} returns (RM-S1). */
public interface Outbox {

    /**
     * Stores {@code message} for sending; returns the state it was stored in: QUEUED, or SENDING when it was
     * claimed for its first attempt in the same transaction.
     *
     * @throws IllegalArgumentException when its internal id or MessageId is already stored
     * @throws org.ebrelay.app.port.out.StoreFailure when the store cannot take it
     */
    OutboundState accept(SubmittedMessage message);
}
