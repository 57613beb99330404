package org.ebrelay.app.cpa;

import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.CpaId;

import java.nio.file.Path;
import java.util.List;

/**
 * The live state of one active CPA, for the CPA view.
 *
 * @param document     the agreement as its file says
 * @param effective    what the node uses: the document with the configured endpoint overrides applied
 * @param rejectedEdit the latest edit of its file that failed the checks (the version shown stays active), or null
 * @param expiring     standing warnings: the End or a certificate's expiry is near (or past)
 * @param state        ACTIVE, REJECTED_EDIT, EXPIRING or EXPIRED (the most pressing)
 */
public record CpaStatus(CpaId cpaId, Path file, Agreement document, Agreement effective, CpaVersion version,
                        RejectedEdit rejectedEdit, List<String> expiring, String state) {
    public CpaStatus {
        expiring = List.copyOf(expiring);
    }
}
