package org.ebrelay.domain.message;

import java.time.Instant;
import java.util.Objects;

/**
 * eb:StatusResponse (in the Body).
 *
 * @param timestamp when the queried message was received; null for NotRecognized and UnAuthorized
 */
public record StatusResponse(MessageStatus status, MessageId refToMessageId, Instant timestamp) {
    public StatusResponse {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(refToMessageId, "refToMessageId");
    }
}
