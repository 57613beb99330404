package org.ebrelay.app.access;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which calls of the node's API go to the bank's audit log (issue 6), and under which action name: every operator
 * or administrator action that changes something (resend, abandon, CPA reload, and any later admin endpoint, since
 * an unlisted operation needs the admin role), and every view of a delivery's payloads (patient data) by a caller
 * that is not an application. An application's token (role submit) reads its own deliveries all day; its reads are
 * its job, recorded as DELIVERED events when it confirms them, and are not audited; nor are reads on an open API
 * (no tokens), where every caller is anonymous.
 */
public final class AuditedOperations {
    private static final Pattern MANUAL = Pattern.compile("POST /messages/([^/]+)/(resend|abandon)/?");
    private static final Pattern PAYLOAD_VIEW = Pattern.compile("GET /inbox/([^/]+)/?");
    private static final Pattern CPA = Pattern.compile("[A-Z]+ /cpas(?:/([^/]+))?(?:/(.*))?");

    private AuditedOperations() {
    }

    /** What to call it in the audit log, with its subject; empty when the call is not audited. */
    public static Optional<Audited> of(String operation, Role caller) {
        Matcher manual = MANUAL.matcher(operation);
        if (manual.matches()) {
            return Optional.of(new Audited(name(manual.group(2)), manual.group(1)));
        }
        Matcher view = PAYLOAD_VIEW.matcher(operation);
        if (view.matches()) {
            return caller == null || caller == Role.SUBMIT ? Optional.empty()
                    : Optional.of(new Audited("PAYLOAD_VIEWED", view.group(1)));
        }
        if (operation.startsWith("GET ") || !TokenAccessCheck.required(operation).includes(Role.OPERATOR)) {
            return Optional.empty();
        }
        Matcher cpa = CPA.matcher(operation);
        if (cpa.matches()) {
            return Optional.of(cpaChange(operation.substring(0, operation.indexOf(' ')), cpa.group(1),
                    cpa.group(2)));
        }
        return Optional.of(new Audited(operation, null));
    }

    /** POST /cpas/reload: CPA_RELOAD; POST /cpas/ID/withdraw: CPA_WITHDRAW of ID; DELETE /cpas/ID: CPA_DELETE of ID. */
    private static Audited cpaChange(String method, String first, String rest) {
        if (rest != null) {
            return new Audited(name("CPA_" + rest), first);
        }
        if ("reload".equals(first)) {
            return new Audited("CPA_RELOAD", null);
        }
        return new Audited(name("CPA_" + method), first);
    }

    private static String name(String text) {
        return text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }

    /** An audited call: its action name (e.g. {@code RESEND}) and what it was done to (a message, a CPA), or null. */
    public record Audited(String action, String subject) {
    }
}
