package org.ebrelay.app.cpa;

import org.ebrelay.domain.cpa.EndpointOverrides;

import java.nio.file.Path;
import java.util.List;

/**
 * The file of endpoint overrides a node re-reads while running (docs/cpa-administration.md): looked at with the CPA
 * folder, checked first, and taken into use whole, like a CPA edit. A missing file holds no mapping.
 */
public interface OverridesFile {
    Path path();

    /** The SHA-256 of its content now; empty when it is missing or cannot be read (reading it says which). */
    String checksum();

    /** Reads and checks it. Never throws for bad content. */
    Read read();

    /**
     * @param overrides the mappings, or null when it fails the checks
     * @param problems  {@code FILE:LINE:COLUMN: message} lines
     */
    record Read(String checksum, EndpointOverrides overrides, List<String> problems) {
        public Read {
            problems = List.copyOf(problems);
        }

        public boolean isValid() {
            return overrides != null && problems.isEmpty();
        }
    }
}
