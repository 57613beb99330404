package org.ebrelay.app;

import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.cpa.PartyInfo;
import org.ebrelay.domain.message.PartyId;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parties this node acts for. Configured explicitly, or (when none are configured) every party of every
 * loaded agreement: convenient for a single gateway that serves all its CPAs' own parties, but then a node
 * cannot tell its own side from a partner's, so production configurations name their parties.
 */
public final class LocalParties {
    private final Set<PartyId> configured;

    public LocalParties(List<PartyId> configured) {
        this.configured = Set.copyOf(configured);
    }

    public boolean actsForAnyParty() {
        return configured.isEmpty();
    }

    public boolean actsFor(PartyId party) {
        return configured.isEmpty() || configured.contains(party);
    }

    /** Whether this node acts for the party of the agreement that one of {@code ids} names. */
    public boolean actsFor(PartyInfo party) {
        return configured.isEmpty() || party.partyIds().stream().anyMatch(configured::contains);
    }

    /** The one party of {@code agreement} this node acts for, when exactly one qualifies. */
    public Optional<PartyInfo> soleLocalParty(Agreement agreement) {
        List<PartyInfo> ours = agreement.parties().stream().filter(this::actsFor).toList();
        return ours.size() == 1 ? Optional.of(ours.get(0)) : Optional.empty();
    }

    public Set<PartyId> configured() {
        return configured;
    }
}
