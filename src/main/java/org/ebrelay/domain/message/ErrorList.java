package org.ebrelay.domain.message;

import java.util.List;

/** eb:ErrorList: one or more errors; the highest severity is derived from them. */
public record ErrorList(List<EbmsError> errors) {
    public ErrorList {
        errors = List.copyOf(errors);
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an ErrorList holds at least one Error");
        }
    }

    public static ErrorList of(EbmsError... errors) {
        return new ErrorList(List.of(errors));
    }

    public Severity highestSeverity() {
        return errors.stream().anyMatch(e -> e.severity() == Severity.ERROR) ? Severity.ERROR : Severity.WARNING;
    }
}
