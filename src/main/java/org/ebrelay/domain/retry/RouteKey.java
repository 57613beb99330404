package org.ebrelay.domain.retry;

import java.util.Objects;

/**
 * The route of an outbound message as retry settings are chosen by it.
 *
 * @param service   the service value
 * @param partyType the partner's (the To party's) PartyId type, or null when untyped
 */
public record RouteKey(String cpaId, String service, String action, String partyType, String partyValue) {
    public RouteKey {
        Objects.requireNonNull(cpaId, "cpaId");
        Objects.requireNonNull(partyValue, "partyValue");
    }

    /** Whether {@code party}, written {@code TYPE:VALUE} or only {@code VALUE}, names this route's partner. */
    boolean isParty(String party) {
        return party.equals(partyValue) || party.equals((partyType == null ? "" : partyType) + ":" + partyValue);
    }
}
