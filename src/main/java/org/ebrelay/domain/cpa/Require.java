package org.ebrelay.domain.cpa;

import java.util.Objects;

/** Argument checks shared by the CPA value types. */
final class Require {
    private Require() {
    }

    static String nonBlank(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.trim();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static void that(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static <T> T nonNull(T value, String what) {
        return Objects.requireNonNull(value, what);
    }
}
