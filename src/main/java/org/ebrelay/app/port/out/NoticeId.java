package org.ebrelay.app.port.out;

/** The stable id of an application notice: the same on every push and in the pull listing. */
public record NoticeId(String value) {
    public NoticeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a notice id must not be blank");
        }
    }

    public static NoticeId of(String value) {
        return new NoticeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
