package org.ebrelay.app.bank;

import java.time.Duration;
import java.util.Objects;

/**
 * How long banked messages (payloads are patient data) are kept: those under {@code cpaId} and with
 * {@code partner} (null: any), purged {@code keepFor} after they were created, or kept for good where the law
 * requires it ({@code keepForever}).
 *
 * @param partner TYPE:VALUE, or a bare VALUE matching any type
 */
public record RetentionRule(String name, String cpaId, String partner, Duration keepFor, boolean keepForever) {
    public RetentionRule {
        Objects.requireNonNull(name, "name");
        if (!keepForever && (keepFor == null || keepFor.isNegative() || keepFor.isZero())) {
            throw new IllegalArgumentException("retention rule " + name + ": keepFor must be positive unless kept");
        }
    }

    boolean matches(String messageCpa, String messagePartner) {
        return (cpaId == null || cpaId.equals(messageCpa)) && Selectors.partnerMatches(partner, messagePartner);
    }

    /** More selectors set: more specific. */
    int specificity() {
        return (cpaId == null ? 0 : 1) + (partner == null ? 0 : 2);
    }
}
