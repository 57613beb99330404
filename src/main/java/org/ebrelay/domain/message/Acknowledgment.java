package org.ebrelay.domain.message;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * eb:Acknowledgment: the To party's MSH has received and safely stored a message.
 *
 * @param timestamp      when the acknowledged message was received
 * @param refToMessageId the acknowledged message
 * @param from           the acknowledging party, or null (then it is the MessageHeader's From)
 * @param actor          the actor of the AckRequested being answered, or null
 * @param references     ds:Reference copies of the acknowledged message's signature (signed acks), possibly empty
 */
public record Acknowledgment(Instant timestamp, MessageId refToMessageId, Party from, Actor actor,
                             List<SignatureReference> references) {
    public Acknowledgment {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(refToMessageId, "refToMessageId");
        references = references == null ? List.of() : List.copyOf(references);
    }
}
