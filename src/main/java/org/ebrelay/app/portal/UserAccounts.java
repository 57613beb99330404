package org.ebrelay.app.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import static org.ebrelay.app.portal.AccountProblem.Kind.CONFLICT;
import static org.ebrelay.app.portal.AccountProblem.Kind.INVALID;
import static org.ebrelay.app.portal.AccountProblem.Kind.NOT_FOUND;

/**
 * Managing portal users (an admin in the portal, or {@code ebrelay bank user} on the command line). The last
 * enabled admin can be neither demoted, disabled nor removed, so the bank never locks out its administrators.
 * Changing a user's password, role or enabled flag ends that user's sessions.
 */
public final class UserAccounts {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** bcrypt reads at most 72 bytes of a password: longer ones are refused rather than silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final PortalSettings settings;
    private final Clock clock;

    public UserAccounts(UserStore users, SessionStore sessions, PasswordHasher hasher, AuditLog audit,
                        PortalSettings settings, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<PortalUser> list() {
        return users.list();
    }

    /** Adds an enabled user. The password array is wiped afterwards. */
    public PortalUser add(String actor, String name, Role role, char[] password) {
        try {
            requireName(name);
            Objects.requireNonNull(role, "role");
            requirePasswordFor(name, password);
            PortalUser user = new PortalUser(name, role, true, clock.instant(), null);
            if (!users.insert(user, hasher.hash(password))) {
                throw new AccountProblem(CONFLICT, "a user named '" + name + "' exists already");
            }
            log(actor, "USER_ADDED", name, "role " + role.code());
            return user;
        } finally {
            wipe(password);
        }
    }

    /** Sets a new password; the user's sessions end. The password array is wiped afterwards. */
    public void changePassword(String actor, String name, char[] password) {
        try {
            requirePasswordFor(name, password);
            if (!users.updatePassword(name, hasher.hash(password), clock.instant())) {
                throw unknown(name);
            }
            sessions.deleteForUser(name);
            log(actor, "PASSWORD_CHANGED", name, null);
        } finally {
            wipe(password);
        }
    }

    /**
     * A user's own change: the current password must match. Every session of the user ends, the caller's too.
     * Both arrays are wiped.
     */
    public void changeOwnPassword(String name, char[] current, char[] password) {
        try {
            StoredUser stored = users.find(name).orElseThrow(() -> unknown(name));
            if (!hasher.matches(current, stored.passwordHash())) {
                throw new AccountProblem(INVALID, "the current password is wrong");
            }
            changePassword(name, name, password);
        } finally {
            wipe(current);
            wipe(password);
        }
    }

    public void changeRole(String actor, String name, Role role) {
        PortalUser user = existing(name);
        if (user.role() == role) {
            return;
        }
        if (user.role() == Role.ADMIN && user.enabled()) {
            requireAnotherAdmin(name, "demoted");
        }
        users.updateRole(name, role);
        sessions.deleteForUser(name);
        log(actor, "ROLE_CHANGED", name, user.role().code() + " -> " + role.code());
    }

    /** Enables or disables sign-in; disabling ends the user's sessions. */
    public void setEnabled(String actor, String name, boolean enabled) {
        PortalUser user = existing(name);
        if (user.enabled() == enabled) {
            return;
        }
        if (!enabled && user.role() == Role.ADMIN) {
            requireAnotherAdmin(name, "disabled");
        }
        users.updateEnabled(name, enabled);
        if (!enabled) {
            sessions.deleteForUser(name);
        }
        log(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", name, null);
    }

    public void remove(String actor, String name) {
        PortalUser user = existing(name);
        if (user.role() == Role.ADMIN && user.enabled()) {
            requireAnotherAdmin(name, "removed");
        }
        sessions.deleteForUser(name);
        users.delete(name);
        log(actor, "USER_REMOVED", name, null);
    }

    private PortalUser existing(String name) {
        return users.find(name).map(StoredUser::user).orElseThrow(() -> unknown(name));
    }

    private void requireAnotherAdmin(String name, String verb) {
        if (users.countEnabled(Role.ADMIN) <= 1) {
            throw new AccountProblem(CONFLICT, "'" + name + "' is the last enabled admin and cannot be " + verb);
        }
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AccountProblem(INVALID, "a user name is 1-64 letters, digits, '.', '_', '@' or '-',"
                    + " starting with a letter or digit");
        }
    }

    private void requirePasswordFor(String name, char[] password) {
        if (password == null || password.length < settings.minPasswordLength()) {
            throw new AccountProblem(INVALID, "a password has at least " + settings.minPasswordLength()
                    + " characters");
        }
        if (StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).remaining() > MAX_PASSWORD_BYTES) {
            throw new AccountProblem(INVALID, "a password has at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        }
        if (name != null && name.contentEquals(java.nio.CharBuffer.wrap(password))) {
            throw new AccountProblem(INVALID, "the password must not be the user name");
        }
    }

    private static AccountProblem unknown(String name) {
        return new AccountProblem(NOT_FOUND, "no user named '" + name + "'");
    }

    private void log(String actor, String action, String subject, String detail) {
        audit.record(new AuditLog.AuditEntry(clock.instant(), actor, action, subject, detail));
    }

    static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
