package org.ebrelay.app.portal;

import java.util.regex.Pattern;

/**
 * Which bank API requests go to the audit log when they succeed: every view of patient data (a payload, its HL7
 * decoding, the wire message) and every operator action that changes state. Sign-ins and user changes are
 * recorded where they happen ({@link PortalSessions}, {@link UserAccounts}), so they are not listed here.
 */
public final class AuditedRequests {
    private static final Pattern PATIENT_DATA =
            Pattern.compile("/messages/[^/]+/(payloads/[^/]+(/hl7)?|wire)/?");

    private AuditedRequests() {
    }

    /** The audit action for a successful request, or null when it is not audited. */
    public static String action(String method, String path) {
        if ("GET".equals(method) && PATIENT_DATA.matcher(path).matches()) {
            return "PAYLOAD_VIEWED";
        }
        if (ApiAccessRules.changesState(method) && !path.startsWith("/session") && !path.startsWith("/users")) {
            return path.contains("resend") ? "RESEND_ORDERED" : "OPERATOR_ACTION";
        }
        return null;
    }
}
