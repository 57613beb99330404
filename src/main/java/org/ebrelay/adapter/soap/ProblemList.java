package org.ebrelay.adapter.soap;

import org.ebrelay.domain.message.EbmsError;
import org.ebrelay.domain.message.ErrorCode;

import java.util.ArrayList;
import java.util.List;

/** The problems found while decoding one message, in the order they were found. */
final class ProblemList {
    private final List<EbmsError> problems = new ArrayList<>();

    void error(ErrorCode code, String location, String description) {
        problems.add(EbmsError.error(code, location, description));
    }

    void warning(ErrorCode code, String location, String description) {
        problems.add(EbmsError.warning(code, location, description));
    }

    void add(EbmsError problem) {
        problems.add(problem);
    }

    void addAll(List<EbmsError> more) {
        problems.addAll(more);
    }

    /** Whether a problem was already reported at {@code location} or inside it. */
    boolean hasProblemAtOrUnder(String location) {
        for (EbmsError p : problems) {
            String at = p.location();
            if (at != null && (at.equals(location) || at.startsWith(location + "/"))) {
                return true;
            }
        }
        return false;
    }

    boolean hasAnyError() {
        return problems.stream().anyMatch(p -> p.severity() == org.ebrelay.domain.message.Severity.ERROR);
    }

    List<EbmsError> list() {
        return List.copyOf(problems);
    }
}
