package org.ebrelay.app.portal;

import java.time.Instant;
import java.util.List;

/** What people did in the portal: sign-ins, refusals, user changes, views of patient data, operator actions. */
public interface AuditLog {
    /** Discards everything (tests of other parts). */
    AuditLog NONE = new AuditLog() {
        @Override
        public void record(AuditEntry entry) {
        }

        @Override
        public List<AuditEntry> latest(int limit) {
            return List.of();
        }
    };

    void record(AuditEntry entry);

    /** The newest entries first. */
    List<AuditEntry> latest(int limit);

    /**
     * @param actor   who did it (a user name, {@code cli} for the command line, or the name tried at sign-in)
     * @param action  e.g. {@code SIGN_IN}, {@code SIGN_IN_REFUSED}, {@code USER_ADDED}, {@code ROLE_CHANGED}
     * @param subject the user it was done to, or null
     */
    record AuditEntry(Instant at, String actor, String action, String subject, String detail) {
    }
}
