package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.Agreement;

import java.util.List;

/** The agreement read from a file (null when the file has errors) and every problem found in it. */
public record CpaLoadResult(Agreement agreement, List<CpaProblem> problems) {
    public CpaLoadResult {
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return agreement != null && problems.isEmpty();
    }
}
