package org.ebrelay.domain.message;

/** eb:Error/@eb:severity and eb:ErrorList/@eb:highestSeverity. */
public enum Severity {
    WARNING("Warning"),
    ERROR("Error");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Severity fromWire(String value) {
        for (Severity severity : values()) {
            if (severity.wireName.equals(value)) {
                return severity;
            }
        }
        throw new IllegalArgumentException("not a severity: " + value);
    }
}
