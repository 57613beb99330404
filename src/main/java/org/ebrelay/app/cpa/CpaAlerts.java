package org.ebrelay.app.cpa;

/** Where administrators hear about CPA changes: rejected edits, removals, expiry warnings. */
public interface CpaAlerts {
    CpaAlerts NONE = alert -> {
    };

    /** Hands the alert over; failures are the implementation's to log (an alert never stops a reload). */
    void send(CpaAlert alert);

    /** @param kind REJECTED_EDIT, REMOVED, EXPIRING, EXPIRED, CERTIFICATE_EXPIRING */
    record CpaAlert(String kind, String subject, String body) {
    }
}
