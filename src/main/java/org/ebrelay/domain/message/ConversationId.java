package org.ebrelay.domain.message;

/** eb:ConversationId: chosen by the initiator, the same on every message of a conversation. */
public record ConversationId(String value) {
    public ConversationId {
        Text.nonBlank(value, "ConversationId");
    }

    public static ConversationId of(String value) {
        return new ConversationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
