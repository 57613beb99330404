package org.ebrelay.app.inbound;

import java.util.List;
import java.util.Objects;
import org.ebrelay.domain.message.EbmsError;

/**
 * The result of a receive step that produces a value: the value, or the ebXML errors that stop the message. An
 * expected protocol failure is such a value, never an exception.
 */
record Checked<T>(T value, List<EbmsError> errors) {
    Checked {
        errors = List.copyOf(errors);
        if (errors.isEmpty() == (value == null)) {
            throw new IllegalArgumentException("a step result holds a value or errors, not both nor neither");
        }
    }

    static <T> Checked<T> passed(T value) {
        return new Checked<>(Objects.requireNonNull(value, "value"), List.of());
    }

    static <T> Checked<T> failed(EbmsError error) {
        return new Checked<>(null, List.of(error));
    }

    boolean failed() {
        return !errors.isEmpty();
    }
}
