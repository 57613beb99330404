package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * Duplicate elimination for a received message (RM-R2..R4, R7): its MessageId is remembered under its CPAId until
 * {@code rememberUntil}, with a digest of its content to tell a resend from a different message reusing the id.
 *
 * @param contentDigest a digest of what makes two copies the same message (the caller decides what it covers)
 * @param rememberUntil PersistDuration after the later of the message's Timestamp and its receipt (RM-R7)
 */
public record DuplicateCheck(byte[] contentDigest, Instant rememberUntil) {
    public DuplicateCheck {
        Objects.requireNonNull(contentDigest, "contentDigest");
        Objects.requireNonNull(rememberUntil, "rememberUntil");
    }
}
