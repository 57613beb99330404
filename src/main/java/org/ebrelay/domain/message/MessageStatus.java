package org.ebrelay.domain.message;

/** eb:StatusResponse/@eb:messageStatus. */
public enum MessageStatus {
    UN_AUTHORIZED("UnAuthorized"),
    NOT_RECOGNIZED("NotRecognized"),
    RECEIVED("Received"),
    PROCESSED("Processed"),
    FORWARDED("Forwarded");

    private final String wireName;

    MessageStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MessageStatus fromWire(String value) {
        for (MessageStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a message status: " + value);
    }
}
