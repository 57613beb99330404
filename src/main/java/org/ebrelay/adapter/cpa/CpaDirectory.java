package org.ebrelay.adapter.cpa;

import org.ebrelay.domain.cpa.Agreement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Loads every {@code *.xml} file of a CPA folder, in name order. */
public final class CpaDirectory {
    private final CpaFileLoader loader;

    public CpaDirectory(CpaFileLoader loader) {
        this.loader = loader;
    }

    /** The valid agreements and every problem of the invalid files (which are left out). */
    public Loaded load(Path dir) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            return new Loaded(List.of(), List.of(new CpaProblem(dir, 0, 0, "cannot read the CPA folder: " + e)));
        }
        List<Agreement> agreements = new ArrayList<>();
        List<CpaProblem> problems = new ArrayList<>();
        for (Path file : files) {
            CpaLoadResult result = loader.load(file);
            problems.addAll(result.problems());
            if (result.isValid()) {
                agreements.add(result.agreement());
            }
        }
        return new Loaded(agreements, problems);
    }

    public record Loaded(List<Agreement> agreements, List<CpaProblem> problems) {
        public Loaded {
            agreements = List.copyOf(agreements);
            problems = List.copyOf(problems);
        }
    }
}
