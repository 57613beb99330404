package org.ebrelay.app.cpa;

import org.ebrelay.domain.cpa.EndpointOverrides;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Looks at the endpoint overrides file with the CPA folder: like a CPA file, an edit counts on the periodic look
 * once two looks in a row saw the same content, and at once on a reload. The mappings in force are the file's, then
 * those of the configuration ({@code cpa.endpointOverrides}, read at start-up): for the same CPA and URL the file's
 * wins.
 */
final class OverridesWatch {
    private final OverridesFile file;
    private final EndpointOverrides configured;
    private String seen;
    private String settling;

    /** @param file null: only the configured overrides, never re-read */
    OverridesWatch(OverridesFile file, EndpointOverrides configured) {
        this.file = file;
        this.configured = configured;
    }

    Path path() {
        return file.path();
    }

    /** The file as read now, when it changed since the last look (and, on a periodic look, settled). */
    Optional<OverridesFile.Read> changed(boolean settle) {
        if (file == null) {
            return Optional.empty();
        }
        String now = file.checksum();
        if (now.equals(seen)) {
            settling = null;
            return Optional.empty();
        }
        if (settle && !now.equals(settling)) {
            settling = now;
            return Optional.empty();
        }
        settling = null;
        OverridesFile.Read read = file.read();
        seen = read.checksum();
        return Optional.of(read);
    }

    /** The file's mappings first (they win), then the configured ones. */
    EndpointOverrides inForce(EndpointOverrides fromFile) {
        List<EndpointOverrides.Mapping> all = new ArrayList<>(fromFile.all());
        all.addAll(configured.all());
        return new EndpointOverrides(all);
    }
}
