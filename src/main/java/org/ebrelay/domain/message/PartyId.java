package org.ebrelay.domain.message;

/**
 * A party identifier: a value and an optional type (a URI). Type and value together are the identity:
 * {@code urn:osb:oin|0001} is not the same party as an untyped {@code 0001}.
 *
 * @param type  the eb:type attribute, or null when the PartyId is untyped (its value must then be a URI)
 * @param value the identifier itself
 */
public record PartyId(String type, String value) {
    public PartyId {
        type = Text.blankToNull(type);
        Text.nonBlank(value, "PartyId value");
    }

    public static PartyId of(String type, String value) {
        return new PartyId(type, value);
    }

    public static PartyId untyped(String value) {
        return new PartyId(null, value);
    }

    public boolean isTyped() {
        return type != null;
    }

    @Override
    public String toString() {
        return type == null ? value : type + ":" + value;
    }
}
