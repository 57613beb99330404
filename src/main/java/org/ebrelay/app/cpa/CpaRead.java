package org.ebrelay.app.cpa;

import org.ebrelay.domain.cpa.Agreement;

import java.nio.file.Path;
import java.util.List;

/**
 * One CPA file as read and checked (the checks of {@code cpa check}): the checksum of the bytes that were checked,
 * the document, and the agreement, or the problems as {@code FILE:LINE:COLUMN: message} lines.
 */
public record CpaRead(Path file, String checksum, String document, Agreement agreement, List<String> problems,
                      List<String> warnings) {
    public CpaRead {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return agreement != null && problems.isEmpty();
    }
}
