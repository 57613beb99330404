package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Optional;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.InboundState;

/** The messages we received, and the MessageIds remembered for duplicate elimination. */
public interface ReceivedMessages {

    /**
     * Registers a received message in one transaction: with a {@link DuplicateCheck}, an insert-if-absent of
     * (CPAId, MessageId) first. New: the message (RECEIVED or REJECTED), its deliveries, the remembered id with the
     * reply, and a RECEIVED (or REJECTED) event. Seen before with the same digest: {@code Duplicate} with the stored
     * reply and a DUPLICATE_RECEIVED event on the original; with another digest: {@code Conflict} and a
     * CONFLICTING_DUPLICATE event. Without a check every copy is new (RM-R5). Then, with an {@link Hl7DuplicateCheck}
     * and an HL7 id, the (CPAId, From party, HL7 id) is looked up in the same transaction: remembered and not yet
     * expired for a message with another MessageId (the same MessageId without duplicate elimination is delivered
     * again, RM-R5), the message is stored DUPLICATE without deliveries (its MessageId remembered with the reply all the
     * same) with an HL7_DUPLICATE event on it and on the original, and the answer is {@code Hl7Duplicate}; else the
     * key is remembered for the new message.
     */
    RegistrationResult register(InboundRegistration registration);

    /** Forgets up to {@code limit} remembered MessageIds whose remember-until time is at or before {@code now}. */
    int purgeRememberedIds(Instant now, int limit);

    /** Forgets up to {@code limit} remembered HL7 ids whose remember-until time is at or before {@code now}. */
    int purgeRememberedHl7Ids(Instant now, int limit);

    /** The status of the message received under {@code cpaId} with {@code messageId} (the first, without DE). */
    Optional<ReceivedStatus> statusOf(CpaId cpaId, MessageId messageId);

    /** Changes an inbound message's state if it is still in {@code from}; {@code false} otherwise. */
    boolean transition(InternalId id, InboundState from, InboundState to, Instant at, EventType event, String detail);
}
