package org.ebrelay.domain.message;

/** eb:SequenceNumber/@eb:status. */
public enum SequenceStatus {
    RESET("Reset"),
    CONTINUE("Continue");

    private final String wireName;

    SequenceStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SequenceStatus fromWire(String value) {
        for (SequenceStatus status : values()) {
            if (status.wireName.equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a sequence status: " + value);
    }
}
