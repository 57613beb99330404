package org.ebrelay.app.cpa;

import org.ebrelay.domain.message.CpaId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored versions of every CPA a node has activated. */
public interface CpaVersions {
    /**
     * Keeps a new version unless the latest stored version of the CPA has the same checksum (another node, or a
     * restart, activated it already).
     *
     * @return the latest version after the call, and whether this call created it
     */
    Recorded recordIfChanged(CpaId cpaId, String checksum, String file, String document, Instant at);

    /** Every version of the CPA, oldest first. */
    List<CpaVersion> list(CpaId cpaId);

    Optional<CpaVersion> find(CpaId cpaId, int number);

    /** The version a message accepted at {@code at} was handled under: the last one activated at or before it. */
    Optional<CpaVersion> activeAt(CpaId cpaId, Instant at);

    record Recorded(CpaVersion version, boolean created) {
    }
}
