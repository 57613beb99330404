package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.Agreement;

import java.util.List;

/**
 * The agreement read from a file (null when the file has errors), every problem found in it, and warnings:
 * findings that do not stop the CPA from loading (an expired End, a PersistDuration shorter than the retries...).
 */
public record CpaLoadResult(Agreement agreement, List<CpaProblem> problems, List<CpaProblem> warnings) {
    public CpaLoadResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    public CpaLoadResult(Agreement agreement, List<CpaProblem> problems) {
        this(agreement, problems, List.of());
    }

    public boolean isValid() {
        return agreement != null && problems.isEmpty();
    }
}
