package org.ebrelay.domain.message;

import java.util.List;

/**
 * eb:From or eb:To: one or more PartyIds naming the same party, and an optional role.
 *
 * @param partyIds at least one
 * @param role     the eb:Role, or null (MSH service messages carry none)
 */
public record Party(List<PartyId> partyIds, String role) {
    public Party {
        partyIds = List.copyOf(partyIds);
        if (partyIds.isEmpty()) {
            throw new IllegalArgumentException("a party needs at least one PartyId");
        }
        role = Text.blankToNull(role);
    }

    public static Party of(PartyId partyId, String role) {
        return new Party(List.of(partyId), role);
    }

    public PartyId firstId() {
        return partyIds.get(0);
    }

    /** The same party without a role, as MSH service messages name it. */
    public Party withoutRole() {
        return new Party(partyIds, null);
    }
}
