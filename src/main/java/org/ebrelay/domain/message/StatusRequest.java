package org.ebrelay.domain.message;

import java.util.Objects;

/** eb:StatusRequest (in the Body): asks for the status of one message. */
public record StatusRequest(MessageId refToMessageId) {
    public StatusRequest {
        Objects.requireNonNull(refToMessageId, "refToMessageId");
    }
}
