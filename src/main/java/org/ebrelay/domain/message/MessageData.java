package org.ebrelay.domain.message;

import java.time.Instant;
import java.util.Objects;

/**
 * eb:MessageData.
 *
 * @param messageId      this message's id
 * @param timestamp      creation time of the header, in UTC
 * @param refToMessageId the message this one answers or relates to, or null
 * @param timeToLive     latest time by which the message should reach the To party's MSH, or null
 */
public record MessageData(MessageId messageId, Instant timestamp, MessageId refToMessageId, Instant timeToLive) {
    public MessageData {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
