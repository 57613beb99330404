package org.ebrelay.app.cpa;

import org.ebrelay.domain.message.CpaId;

import java.nio.file.Path;
import java.util.List;

/**
 * What one look at the CPA folder changed: activations and withdrawals of this look, and every rejected edit that
 * stands (a file still failing the checks, whether this look or an earlier one found it).
 */
public record ReloadReport(List<Activation> activated, List<RejectedEdit> rejected, List<Removal> removed,
                           int unchanged) {
    public ReloadReport {
        activated = List.copyOf(activated);
        rejected = List.copyOf(rejected);
        removed = List.copyOf(removed);
    }

    public boolean changedAnything() {
        return !activated.isEmpty() || !removed.isEmpty();
    }

    /**
     * @param changes  what changed against the version active before, in CPA terms (empty for a new CPA)
     * @param retermed pending messages that take the new terms from their next attempt
     * @param withdrawn pending messages of actions the new version no longer has, moved to manual handling
     */
    public record Activation(CpaId cpaId, Path file, int version, List<String> changes, int retermed,
                             PendingOutbound.Withdrawn withdrawn) {
        public Activation {
            changes = List.copyOf(changes);
        }
    }

    /** A CPA withdrawn because its file is gone (or now holds another CPAId). */
    public record Removal(CpaId cpaId, Path file, PendingOutbound.Withdrawn withdrawn) {
    }
}
