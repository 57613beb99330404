package org.ebrelay.boot.demo;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the demo CPA shipped in the repository's {@code cpa/} folder. */
public final class DemoCpa {
    public static final String FILE_NAME = "demo-hospital-lab.xml";

    private DemoCpa() {
    }

    /**
     * {@code cpa/demo-hospital-lab.xml} under the working directory, else next to the build output this code runs
     * from ({@code target/ebrelay.jar} or {@code target/classes}: two folders up is the checkout).
     */
    public static Optional<Path> locate() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("cpa", FILE_NAME));
        codeLocation().ifPresent(code -> {
            for (Path dir = code.getParent(); dir != null && candidates.size() < 4; dir = dir.getParent()) {
                candidates.add(dir.resolve("cpa").resolve(FILE_NAME));
            }
        });
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    private static Optional<Path> codeLocation() {
        try {
            return Optional.of(Path.of(DemoCpa.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
