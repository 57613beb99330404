package org.ebrelay.adapter.cpa;

import java.nio.file.Path;

/** One problem in a CPA file, at a position an administrator can go to. */
public record CpaProblem(Path file, int line, int column, String message) {
    /** {@code FILE:LINE:COLUMN: message}, the form editors and CI logs understand. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
