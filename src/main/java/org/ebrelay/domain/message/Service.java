package org.ebrelay.domain.message;

/**
 * eb:Service: a value and an optional type. Untyped service values must be URIs.
 *
 * @param type the eb:type attribute, or null
 */
public record Service(String type, String value) {
    /** The reserved service of MSH-level messages (Acknowledgment, MessageError, Ping, ...). */
    public static final Service MSH = new Service(null, "urn:oasis:names:tc:ebxml-msg:service");

    public Service {
        type = Text.blankToNull(type);
        Text.nonBlank(value, "Service value");
    }

    public static Service of(String type, String value) {
        return new Service(type, value);
    }

    public boolean isMshService() {
        return type == null && MSH.value.equals(value);
    }

    @Override
    public String toString() {
        return type == null ? value : type + ":" + value;
    }
}
