package org.ebrelay.app;

import org.ebrelay.domain.cpa.Agreement;
import org.ebrelay.domain.message.CpaId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agreements a node serves, by CPAId. Replaced as a whole (never edited in place), so a reader always sees
 * one consistent set; the CPA administration issue swaps in reloaded sets through {@link #replace}.
 */
public final class AgreementRegistry {
    private volatile Map<CpaId, Agreement> agreements;

    public AgreementRegistry(List<Agreement> agreements) {
        this.agreements = index(agreements);
    }

    public Optional<Agreement> find(CpaId cpaId) {
        return Optional.ofNullable(agreements.get(cpaId));
    }

    public Collection<Agreement> all() {
        return agreements.values();
    }

    public synchronized void replace(List<Agreement> newAgreements) {
        this.agreements = index(newAgreements);
    }

    /** Activates one agreement, replacing the one with its CPAId if any; readers see the old set or the new one. */
    public synchronized void put(Agreement agreement) {
        Map<CpaId, Agreement> next = new LinkedHashMap<>(agreements);
        next.put(agreement.cpaId(), agreement);
        this.agreements = Map.copyOf(next);
    }

    /** Withdraws one agreement: new messages under it are refused from now on. */
    public synchronized void remove(CpaId cpaId) {
        Map<CpaId, Agreement> next = new LinkedHashMap<>(agreements);
        next.remove(cpaId);
        this.agreements = Map.copyOf(next);
    }

    private static Map<CpaId, Agreement> index(List<Agreement> list) {
        Map<CpaId, Agreement> map = new LinkedHashMap<>();
        for (Agreement agreement : list) {
            if (map.putIfAbsent(agreement.cpaId(), agreement) != null) {
                throw new IllegalArgumentException("two CPAs share the cpaid " + agreement.cpaId());
            }
        }
        return Map.copyOf(map);
    }
}
