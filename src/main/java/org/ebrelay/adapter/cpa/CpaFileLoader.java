package org.ebrelay.adapter.cpa;

import java.nio.file.Path;

/** Reads and validates CPA files. STUB: the CPA work replaces this file. */
public final class CpaFileLoader {
    /** Never throws for bad content: unreadable files, schema and semantic errors are problems. */
    public CpaLoadResult load(Path file) {
        throw new UnsupportedOperationException("not yet");
    }
}
