package org.ebrelay.app.cpa;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A CPA file that failed the checks: the previous version (if any) stays active. */
public record RejectedEdit(Path file, Instant at, String checksum, List<String> problems) {
    public RejectedEdit {
        problems = List.copyOf(problems);
    }
}
