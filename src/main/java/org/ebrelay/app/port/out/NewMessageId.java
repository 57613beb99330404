package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Objects;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.OutboundState;

/**
 * MessageId regeneration (issue 4): the message goes out from now on under {@code messageId}, re-encoded as
 * {@code wire}. Earlier ids stay in its chain and still settle it.
 *
 * @param expectedState applied only if the message is still in this state
 * @param timestamp     eb:Timestamp of the new MessageId
 * @param timeToLive    eb:TimeToLive of the new MessageId, or null
 */
public record NewMessageId(InternalId id, OutboundState expectedState, MessageId messageId, Instant timestamp,
                           Instant timeToLive, WireBytes wire, Instant at) {
    public NewMessageId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedState, "expectedState");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(at, "at");
    }
}
