package org.ebrelay.app.port.out;

import java.util.Objects;

/** What registering a received message found. */
public sealed interface RegistrationResult
        permits RegistrationResult.Registered, RegistrationResult.Duplicate, RegistrationResult.Conflict {

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

    /** The same CPAId and MessageId as {@code original}, but different content: answer with an error. */
    record Conflict(InternalId original) implements RegistrationResult {
        public Conflict {
            Objects.requireNonNull(original, "original");
        }
    }
}
