package org.ebrelay.app.portal;

import java.util.Locale;

/**
 * What a portal user may do. Each role includes the ones before it: a viewer reads, an operator also resends and
 * handles messages manually, an admin also manages users.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    /** True when this role may do what {@code needed} may do. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The lower-case name used in JSON, the CLI and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code viewer}, {@code operator} or {@code admin} (any case). */
    public static Role parse(String text) {
        if (text != null) {
            for (Role role : values()) {
                if (role.name().equalsIgnoreCase(text.strip())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "': use viewer, operator or admin");
    }
}
