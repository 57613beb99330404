package org.ebrelay.app.port.out;

import java.util.Objects;
import java.time.Instant;

/**
 * HL7-level duplicate protection for a received message that carries an HL7 id (issue 4): its (CPAId, From party,
 * HL7 id) is remembered until {@code rememberUntil}. A later message with the same key under another MessageId is
 * acknowledged but not delivered again. It catches what ebXML duplicate elimination cannot: a resend under a new
 * MessageId (regenerated after PersistDuration, or resent by an operator) of a message whose acknowledgment was lost.
 */
public record Hl7DuplicateCheck(Instant rememberUntil) {
    public Hl7DuplicateCheck {
        Objects.requireNonNull(rememberUntil, "rememberUntil");
    }
}
