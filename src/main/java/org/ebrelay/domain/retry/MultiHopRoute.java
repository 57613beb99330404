package org.ebrelay.domain.retry;

/**
 * A route configured as going through an intermediary (multi-hop): slow retry does not apply to it.
 *
 * @param cpaId the CPA, or null for every CPA
 * @param party the partner as {@code TYPE:VALUE} or only its value, or null for every partner
 */
public record MultiHopRoute(String cpaId, String party) {
    boolean matches(RouteKey route) {
        return (cpaId == null || cpaId.equals(route.cpaId())) && (party == null || route.isParty(party));
    }
}
