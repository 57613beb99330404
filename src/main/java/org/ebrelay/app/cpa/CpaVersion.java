package org.ebrelay.app.cpa;

import org.ebrelay.domain.message.CpaId;

import java.time.Instant;
import java.util.Objects;

/**
 * One activated version of a CPA, kept in the store: numbered from 1 per CPAId, with the time it was first activated,
 * the checksum (SHA-256, hex) and the document as it was.
 */
public record CpaVersion(CpaId cpaId, int number, Instant activatedAt, String checksum, String file,
                         String document) {
    public CpaVersion {
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(checksum, "checksum");
    }
}
