package org.ebrelay.app.cpa;

import java.nio.file.Path;
import java.util.Map;

/** The folder of CPA files a node serves. */
public interface CpaFolder {
    /**
     * The CPA files there now with the checksums of their contents; hidden files and editors' temporary and backup
     * files are left out. A file that cannot be read is listed with an empty checksum (reading it reports why).
     */
    Map<Path, String> scan();

    /** Reads and checks one file. Never throws for bad content. */
    CpaRead read(Path file);

    /** Checks a stored document (an earlier version) as if it were the file {@code name}. */
    CpaRead parse(String name, String document);
}
