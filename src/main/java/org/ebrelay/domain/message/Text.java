package org.ebrelay.domain.message;

/** Small argument checks shared by the value types. */
final class Text {
    private Text() {
    }

    static String nonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
