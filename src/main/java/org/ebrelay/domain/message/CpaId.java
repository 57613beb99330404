package org.ebrelay.domain.message;

/** The identifier of a CPA, as carried in eb:CPAId and CollaborationProtocolAgreement/@cpaid. */
public record CpaId(String value) {
    public CpaId {
        Text.nonBlank(value, "CPAId");
    }

    public static CpaId of(String value) {
        return new CpaId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
