package org.ebrelay.app.bank;

import java.util.Objects;

/**
 * What a node tells the bank about one CPA it serves, so that the portal can show CPAs, which live on the nodes.
 *
 * @param state   ACTIVE, REJECTED_EDIT, EXPIRING or EXPIRED (the node's live state; the bank adds WITHDRAWN for a CPA
 *                a node no longer reports)
 * @param version the number of the version in force on the node
 * @param checksum the SHA-256 of that version's file
 * @param view    the node's CPA view as JSON (parties, messages and terms in plain words, validity, version history
 *                with the changes in CPA terms, the rejected edit, expiry warnings, endpoint overrides), kept as text
 *                by the bank and served as it came
 */
public record CpaReport(String cpaId, String state, int version, String checksum, String view) {
    public CpaReport {
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(view, "view");
    }
}
