package org.ebrelay.app.portal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Who may call what on the bank API (paths relative to {@code /bank/api}), decided by method and path alone so
 * the bank's resources need no annotations: reading is for viewers, resending for operators, users for admins;
 * only sign-in is open; the node channel is for nodes, not people. Anything not listed needs an admin (fail
 * closed when a new endpoint appears).
 */
public final class ApiAccessRules {
    /** What a request needs. */
    public record Need(Kind kind, Role role) {
        public static final Need ANYONE = new Need(Kind.ANYONE, null);
        public static final Need NODE = new Need(Kind.NODE, null);

        public static Need user(Role role) {
            return new Need(Kind.USER, role);
        }
    }

    /** ANYONE: no session (sign-in); NODE: a node's credential (the node channel); USER: a session with a role. */
    public enum Kind { ANYONE, NODE, USER }

    private static final Pattern NODE_CHANNEL = Pattern.compile("/feed|/nodes/[^/]+/(hello|cpas|work(/[^/]+)?)");
    private static final Pattern OPERATOR_ACTIONS = Pattern.compile("/messages/[^/]+/resend|/resends(/search)?");

    private ApiAccessRules() {
    }

    /**
     * @param method the HTTP method
     * @param path   the path under {@code /bank/api}, starting with '/' (e.g. {@code /messages/17})
     */
    public static Need needFor(String method, String path) {
        String verb = method.toUpperCase(Locale.ROOT);
        String p = normalise(path);
        boolean reading = "GET".equals(verb) || "HEAD".equals(verb);
        if ("/session".equals(p)) {
            return "POST".equals(verb) ? Need.ANYONE : Need.user(Role.VIEWER);
        }
        if ("/session/password".equals(p)) {
            return Need.user(Role.VIEWER);
        }
        if (NODE_CHANNEL.matcher(p).matches() && (!reading || p.endsWith("/work"))) {
            return Need.NODE;
        }
        if (p.equals("/users") || p.startsWith("/users/") || p.equals("/audit")) {
            return Need.user(Role.ADMIN);
        }
        if (reading) {
            return Need.user(Role.VIEWER);
        }
        if ("POST".equals(verb) && OPERATOR_ACTIONS.matcher(p).matches()) {
            return Need.user(Role.OPERATOR);
        }
        return Need.user(Role.ADMIN);
    }

    /** Only state-changing methods need the CSRF token. */
    public static boolean changesState(String method) {
        String verb = method.toUpperCase(Locale.ROOT);
        return !("GET".equals(verb) || "HEAD".equals(verb) || "OPTIONS".equals(verb));
    }

    private static String normalise(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
