package org.ebrelay.domain.cpa;

import java.util.Optional;

/** CollaborationProtocolAgreement/Status/@value (CPA-2): only agreed and signed CPAs govern traffic. */
public enum AgreementStatus {
    AGREED("agreed"),
    SIGNED("signed"),
    /** Still under negotiation: no message may be sent or accepted under it. */
    PROPOSED("proposed");

    private final String wireName;

    AgreementStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean governsTraffic() {
        return this != PROPOSED;
    }

    public static Optional<AgreementStatus> fromWire(String value) {
        for (AgreementStatus status : values()) {
            if (status.wireName.equals(value == null ? null : value.trim())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
