package org.ebrelay.adapter.portal;

import org.ebrelay.app.portal.AuditLog;
import org.ebrelay.app.portal.PortalSessions;
import org.ebrelay.app.portal.Role;
import org.ebrelay.app.portal.SessionTokens;
import org.ebrelay.app.portal.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PortalSessionsTest extends WithPortalStore {

    @BeforeEach
    void alice() {
        accounts.add("cli", "alice", Role.OPERATOR, pw("correct horse battery"));
    }

    @Test
    void aSessionEndsWhenIdleForTheIdleTimeout() {
        String token = signIn();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.resolve(token)).isPresent();

        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.resolve(token)).as("used a minute ago: the idle timeout starts again").isPresent();

        clock.advance(Duration.ofMinutes(31));
        assertThat(sessions.resolve(token)).isEmpty();
        assertThat(sessionStore.find(SessionTokens.hash(token))).as("an ended session is forgotten").isEmpty();
    }

    @Test
    void aSessionInUseStillEndsAtItsMaximumAge() {
        String token = signIn();
        for (int i = 0; i < 12 * 4 - 1; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.resolve(token)).isPresent();
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(sessions.resolve(token)).isEmpty();
    }

    @Test
    void theStoreKeepsOnlyAHashOfTheToken() {
        SignedIn signedIn = sessions.signIn("alice", pw("correct horse battery")).orElseThrow();

        assertThat(sessionStore.find(signedIn.token())).isEmpty();
        assertThat(sessionStore.find(SessionTokens.hash(signedIn.token()))).get()
                .satisfies(s -> assertThat(s.csrfToken()).isEqualTo(signedIn.csrfToken()).isNotEqualTo(signedIn.token()));
    }

    @Test
    void eachSignInGetsANewTokenAndANewCsrfToken() {
        SignedIn first = sessions.signIn("alice", pw("correct horse battery")).orElseThrow();
        SignedIn second = sessions.signIn("alice", pw("correct horse battery")).orElseThrow();

        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.csrfToken()).isNotEqualTo(first.csrfToken());
        assertThat(first.token()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountForTheLockoutEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertThat(sessions.signIn("alice", pw("guess number " + i))).isEmpty();
        }
        assertThat(sessions.signIn("alice", pw("correct horse battery"))).as("locked").isEmpty();

        clock.advance(Duration.ofMinutes(15));
        assertThat(sessions.signIn("alice", pw("correct horse battery"))).isPresent();
    }

    @Test
    void aRightPasswordBeforeTheLimitClearsTheCountOfWrongOnes() {
        for (int i = 0; i < 4; i++) {
            sessions.signIn("alice", pw("guess number " + i));
        }
        assertThat(sessions.signIn("alice", pw("correct horse battery"))).isPresent();
        for (int i = 0; i < 4; i++) {
            sessions.signIn("alice", pw("guess number " + i));
        }

        assertThat(sessions.signIn("alice", pw("correct horse battery"))).isPresent();
    }

    @Test
    void signingOutEndsTheSession() {
        String token = signIn();
        sessions.signOut(token);

        assertThat(sessions.resolve(token)).isEmpty();
    }

    @Test
    void aRoleChangeAppliesToAnOpenSessionAtOnceBecauseTheUserIsReadOnEachRequest() {
        String token = signIn();
        users.updateRole("alice", Role.VIEWER);

        assertThat(sessions.resolve(token)).get().satisfies(s -> assertThat(s.user().role()).isEqualTo(Role.VIEWER));
    }

    @Test
    void aHashMadeWithALowerCostIsRenewedAtTheNextSignIn() {
        PortalSessions stronger = new PortalSessions(users, sessionStore, new BcryptPasswordHasher(TEST_COST + 1),
                audit, settings, new SessionTokens(), clock);

        assertThat(stronger.signIn("alice", pw("correct horse battery"))).isPresent();
        assertThat(users.find("alice").orElseThrow().passwordHash()).startsWith("$2b$05$");
    }

    @Test
    void signInsAndRefusalsAreAuditedWithoutTellingTheCallerWhy() {
        signIn();
        assertThat(sessions.signIn("mallory", pw("whatever it is"))).isEmpty();

        assertThat(audit.latest(10)).extracting(AuditLog.AuditEntry::actor, AuditLog.AuditEntry::action,
                        AuditLog.AuditEntry::detail)
                .startsWith(org.assertj.core.groups.Tuple.tuple("mallory", "SIGN_IN_REFUSED", "unknown user"),
                        org.assertj.core.groups.Tuple.tuple("alice", "SIGN_IN", null));
    }

    private String signIn() {
        return sessions.signIn("alice", pw("correct horse battery")).orElseThrow().token();
    }
}
