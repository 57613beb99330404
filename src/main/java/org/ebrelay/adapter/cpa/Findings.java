package org.ebrelay.adapter.cpa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the errors and warnings found in one CPA file, each at a position in it. */
final class Findings {
    private static final Comparator<CpaProblem> BY_POSITION =
            Comparator.comparingInt(CpaProblem::line).thenComparingInt(CpaProblem::column);

    private final Path file;
    private final List<CpaProblem> errors = new ArrayList<>();
    private final List<CpaProblem> warnings = new ArrayList<>();

    Findings(Path file) {
        this.file = file;
    }

    void error(XmlNode at, String message) {
        error(at.line(), at.column(), message);
    }

    void error(int line, int column, String message) {
        CpaProblem problem = new CpaProblem(file, line, column, message);
        if (!errors.contains(problem)) {
            errors.add(problem);
        }
    }

    void warning(XmlNode at, String message) {
        CpaProblem problem = new CpaProblem(file, at.line(), at.column(), message);
        if (!warnings.contains(problem)) {
            warnings.add(problem);
        }
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Errors in document order. */
    List<CpaProblem> errors() {
        return errors.stream().sorted(BY_POSITION).toList();
    }

    /** Warnings in document order. */
    List<CpaProblem> warnings() {
        return warnings.stream().sorted(BY_POSITION).toList();
    }
}
