package org.ebrelay.domain.cpa;

import java.util.Optional;

/**
 * The CPPA perMessageCharacteristics values of ackRequested, ackSignatureRequested and duplicateElimination:
 * the feature is always used, never used, or chosen per message by the application.
 */
public enum Requirement {
    ALWAYS("always"),
    NEVER("never"),
    PER_MESSAGE("perMessage");

    private final String wireName;

    Requirement(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Requirement> fromWire(String value) {
        for (Requirement requirement : values()) {
            if (requirement.wireName.equals(value == null ? null : value.trim())) {
                return Optional.of(requirement);
            }
        }
        return Optional.empty();
    }
}
