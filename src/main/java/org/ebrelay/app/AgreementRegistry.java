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
 *
 * <p>An agreement activated by the CPA administration carries the number of its stored version, so a message
 * records the version it was resolved against without another query: {@link #versionOf} answers by identity for
 * the agreement in force and the one it replaced (a message resolved just before a swap still finds its version).
 */
public final class AgreementRegistry {
    private volatile Snapshot snapshot;

    private record Versioned(Agreement agreement, Integer version) {
    }

    private record Snapshot(Map<CpaId, Agreement> agreements, Map<CpaId, Versioned> current,
                            Map<CpaId, Versioned> previous) {
    }

    public AgreementRegistry(List<Agreement> agreements) {
        this.snapshot = new Snapshot(index(agreements), Map.of(), Map.of());
    }

    public Optional<Agreement> find(CpaId cpaId) {
        return Optional.ofNullable(snapshot.agreements().get(cpaId));
    }

    public Collection<Agreement> all() {
        return snapshot.agreements().values();
    }

    /**
     * The stored CPA version number {@code agreement} (an instance this registry handed out) was activated as, or
     * null when unknown (loaded without the CPA administration, or replaced twice since it was resolved).
     */
    public Integer versionOf(Agreement agreement) {
        if (agreement == null) {
            return null;
        }
        Snapshot s = snapshot;
        for (Map<CpaId, Versioned> versions : List.of(s.current(), s.previous())) {
            Versioned v = versions.get(agreement.cpaId());
            if (v != null && v.agreement() == agreement) {
                return v.version();
            }
        }
        return null;
    }

    public synchronized void replace(List<Agreement> newAgreements) {
        this.snapshot = new Snapshot(index(newAgreements), Map.of(), Map.of());
    }

    /** Activates one agreement, replacing the one with its CPAId if any; readers see the old set or the new one. */
    public synchronized void put(Agreement agreement) {
        put(agreement, null);
    }

    /** Activates one agreement as stored CPA version {@code version} (null: unknown). */
    public synchronized void put(Agreement agreement, Integer version) {
        Snapshot s = snapshot;
        Map<CpaId, Agreement> next = new LinkedHashMap<>(s.agreements());
        next.put(agreement.cpaId(), agreement);
        Map<CpaId, Versioned> current = new LinkedHashMap<>(s.current());
        Versioned replaced = current.put(agreement.cpaId(), new Versioned(agreement, version));
        Map<CpaId, Versioned> previous = new LinkedHashMap<>(s.previous());
        if (replaced != null) {
            previous.put(agreement.cpaId(), replaced);
        }
        this.snapshot = new Snapshot(Map.copyOf(next), copy(current), copy(previous));
    }

    /** Withdraws one agreement: new messages under it are refused from now on. */
    public synchronized void remove(CpaId cpaId) {
        Snapshot s = snapshot;
        Map<CpaId, Agreement> next = new LinkedHashMap<>(s.agreements());
        next.remove(cpaId);
        Map<CpaId, Versioned> current = new LinkedHashMap<>(s.current());
        Versioned removed = current.remove(cpaId);
        Map<CpaId, Versioned> previous = new LinkedHashMap<>(s.previous());
        if (removed != null) {
            previous.put(cpaId, removed);
        }
        this.snapshot = new Snapshot(Map.copyOf(next), copy(current), copy(previous));
    }

    private static Map<CpaId, Versioned> copy(Map<CpaId, Versioned> map) {
        return Map.copyOf(map);
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
