package org.ebrelay.app.access;

import java.util.Locale;

/**
 * What an API token may do; each role includes the ones before it (docs/security.md, "Access control").
 */
public enum Role {
    /** Reads messages, their status, the inbox (payloads: patient data), notices and the API description. */
    READ,
    /** An application: also submits messages and confirms its inbox deliveries and notices. */
    SUBMIT,
    /** Also resends and abandons messages and pings partners. */
    OPERATOR,
    /** Everything, including what later issues add (CPA administration, users). */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public static Role fromSetting(String text) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("role '" + text + "' is not one of read, submit, operator or admin");
    }

    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }
}
