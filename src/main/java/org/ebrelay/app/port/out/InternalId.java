package org.ebrelay.app.port.out;

/** The store's own key of a message (outbound or inbound), chosen by the id generator: it never changes, unlike the ebXML MessageId. */
public record InternalId(String value) {
    public InternalId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("InternalId must not be blank");
        }
    }

    public static InternalId of(String value) {
        return new InternalId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
