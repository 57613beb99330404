package org.ebrelay.app.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in, sessions that expire (idle timeout and maximum age) and sign-out. A wrong password counts against the
 * account and enough of them in a row lock it for a while; every refusal looks the same to the caller (no hint
 * whether the name exists) and takes as long, since an unknown name is checked against a dummy hash too.
 */
public final class PortalSessions {
    /** A session's last-seen time is written at most this often (not on every request). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final UserStore users;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final PortalSettings settings;
    private final SessionTokens tokens;
    private final Clock clock;
    private volatile String dummyHash;

    public PortalSessions(UserStore users, SessionStore sessions, PasswordHasher hasher, AuditLog audit,
                          PortalSettings settings, SessionTokens tokens, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public PortalSettings settings() {
        return settings;
    }

    /** Checks the password and opens a new session; empty when refused. The password array is wiped. */
    public Optional<SignedIn> signIn(String name, char[] password) {
        try {
            Instant now = clock.instant();
            Optional<StoredUser> found = name == null ? Optional.empty() : users.find(name);
            if (found.isEmpty()) {
                hasher.matches(password, dummyHash());
                return refuse(name, now, "unknown user");
            }
            StoredUser stored = found.get();
            PortalUser user = stored.user();
            if (!hasher.matches(password, stored.passwordHash())) {
                return countFailure(stored, now);
            }
            if (!user.enabled()) {
                return refuse(name, now, "disabled");
            }
            if (user.lockedAt(now)) {
                return refuse(name, now, "locked until " + user.lockedUntil());
            }
            if (hasher.isOutdated(stored.passwordHash())) {
                users.updatePassword(name, hasher.hash(password), now);
            }
            users.recordSignIn(name, now);
            return Optional.of(open(user, now));
        } finally {
            UserAccounts.wipe(password);
        }
    }

    /** The session a token names when it is still valid; an expired one is forgotten. */
    public Optional<SignedIn> resolve(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String tokenHash = SessionTokens.hash(token);
        Optional<PortalSession> found = sessions.find(tokenHash);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PortalSession session = found.get();
        Instant now = clock.instant();
        Optional<PortalUser> user = users.find(session.userName()).map(StoredUser::user).filter(PortalUser::enabled);
        if (user.isEmpty() || !now.isBefore(session.expiresAt(settings))) {
            sessions.delete(tokenHash);
            return Optional.empty();
        }
        if (!now.isBefore(session.lastSeenAt().plus(TOUCH_EVERY))) {
            session = new PortalSession(tokenHash, session.userName(), session.csrfToken(), session.createdAt(), now);
            sessions.touch(tokenHash, now, session.expiresAt(settings));
        }
        return Optional.of(new SignedIn(null, session, user.get()));
    }

    /** Ends the session of this token (nothing happens for an unknown one). */
    public void signOut(String token) {
        if (token != null && !token.isEmpty()) {
            sessions.find(SessionTokens.hash(token)).ifPresent(session -> {
                sessions.delete(session.tokenHash());
                record(session.userName(), "SIGN_OUT", null);
            });
        }
    }

    /** A hash to check unknown names against, so that they take as long as known ones (made once, when needed). */
    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.hash("not-a-password-of-anyone".toCharArray());
        }
        return dummyHash;
    }

    private SignedIn open(PortalUser user, Instant now) {
        sessions.deleteExpired(now);
        String token = tokens.next();
        PortalSession session = new PortalSession(SessionTokens.hash(token), user.name(), tokens.next(), now, now);
        sessions.insert(session, session.expiresAt(settings));
        record(user.name(), "SIGN_IN", null);
        return new SignedIn(token, session, user);
    }

    private Optional<SignedIn> countFailure(StoredUser stored, Instant now) {
        String name = stored.user().name();
        int failures = stored.failedSignIns() + 1;
        boolean lock = settings.maxFailedSignIns() > 0 && failures >= settings.maxFailedSignIns();
        users.recordFailedSignIn(name, lock ? 0 : failures, lock ? now.plus(settings.lockout()) : stored.user().lockedUntil());
        return refuse(name, now, lock ? "wrong password; locked for " + settings.lockout() : "wrong password");
    }

    private Optional<SignedIn> refuse(String name, Instant now, String why) {
        audit.record(new AuditLog.AuditEntry(now, name == null ? "" : name, "SIGN_IN_REFUSED", null, why));
        return Optional.empty();
    }

    private void record(String actor, String action, String detail) {
        audit.record(new AuditLog.AuditEntry(clock.instant(), actor, action, null, detail));
    }
}
