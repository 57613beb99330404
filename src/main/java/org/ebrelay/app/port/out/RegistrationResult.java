package org.ebrelay.app.port.out;

import java.util.Objects;

/** What registering a received message found. */
public sealed interface RegistrationResult
        permits RegistrationResult.Registered, RegistrationResult.Duplicate, RegistrationResult.Conflict,
        RegistrationResult.Hl7Duplicate {

    /** New: stored with its deliveries; send the reply now. */
    record Registered(InternalId id) implements RegistrationResult {
        public Registered {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * Seen before under this CPAId with the same content (RM-R4): do not deliver; replay {@code reply}, the reply
     * stored for the original (null when the original got none).
     */
    record Duplicate(InternalId original, WireBytes reply) implements RegistrationResult {
        public Duplicate {
            Objects.requireNonNull(original, "original");
        }
    }

    /**
     * A new MessageId, but its HL7 id came from the same partner under the same CPA before, as {@code original}:
     * stored as {@code id} in state DUPLICATE without deliveries; send the reply (the acknowledgment of the new
     * MessageId) now.
     */
    record Hl7Duplicate(InternalId id, InternalId original) implements RegistrationResult {
        public Hl7Duplicate {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(original, "original");
        }
    }

    /** The same CPAId and MessageId as {@code original}, but different content: answer with an error. */
    record Conflict(InternalId original) implements RegistrationResult {
        public Conflict {
            Objects.requireNonNull(original, "original");
        }
    }
}
