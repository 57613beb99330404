package org.ebrelay.app.port.out;

import java.util.Optional;
import org.ebrelay.domain.message.MessageId;

/**
 * The packages we sent, by the MessageId they went under: the current one of an outbound message, and the ones a
 * MessageId regeneration replaced (issue 4). A partner's signed Acknowledgment must copy the digests of exactly what
 * we signed under the id it acknowledges (ACK-8), also when it arrives after the message got a new id.
 */
public interface SentPackages {
    /** Nothing kept (unit tests of other parts). */
    SentPackages NONE = messageId -> Optional.empty();

    /** The package as sent under {@code messageId}, or empty when we sent nothing under it. */
    Optional<WireBytes> sentUnder(MessageId messageId);
}
