package org.ebrelay.domain.message;

/** An ebXML MessageId (or RefToMessageId): any non-empty string, without angle brackets by convention. */
public record MessageId(String value) {
    public MessageId {
        Text.nonBlank(value, "MessageId");
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
