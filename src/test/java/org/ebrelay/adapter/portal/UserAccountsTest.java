package org.ebrelay.adapter.portal;

import org.ebrelay.app.portal.AccountProblem;
import org.ebrelay.app.portal.AuditLog;
import org.ebrelay.app.portal.PortalUser;
import org.ebrelay.app.portal.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountsTest extends WithPortalStore {

    @Test
    void anAddedUserSignsInWithTheirPasswordAndNotWithAnother() {
        accounts.add("cli", "alice", Role.OPERATOR, pw("correct horse battery"));

        assertThat(sessions.signIn("alice", pw("correct horse battery"))).get()
                .satisfies(s -> assertThat(s.user().role()).isEqualTo(Role.OPERATOR));
        assertThat(sessions.signIn("alice", pw("wrong horse battery"))).isEmpty();
    }

    @Test
    void passwordsAreKeptAsSaltedBcryptHashesNeverAsText() {
        accounts.add("cli", "alice", Role.VIEWER, pw("correct horse battery"));
        accounts.add("cli", "bob", Role.VIEWER, pw("correct horse battery"));

        String aliceHash = users.find("alice").orElseThrow().passwordHash();
        String bobHash = users.find("bob").orElseThrow().passwordHash();
        assertThat(aliceHash).startsWith("$2b$04$").doesNotContain("horse");
        assertThat(bobHash).as("a salt of its own").isNotEqualTo(aliceHash);
    }

    @Test
    void theCallersPasswordArrayIsWipedAfterUse() {
        char[] password = pw("correct horse battery");
        accounts.add("cli", "alice", Role.VIEWER, password);

        assertThat(new String(password)).isEqualTo("\0".repeat(password.length));
    }

    @Test
    void aNameThatIsTakenOrMalformedIsRefused() {
        accounts.add("cli", "alice", Role.VIEWER, pw("correct horse battery"));

        assertThatThrownBy(() -> accounts.add("cli", "alice", Role.ADMIN, pw("another good one")))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("exists already")
                .extracting(e -> ((AccountProblem) e).kind()).isEqualTo(AccountProblem.Kind.CONFLICT);
        assertThatThrownBy(() -> accounts.add("cli", "al ice", Role.VIEWER, pw("correct horse battery")))
                .isInstanceOf(AccountProblem.class).hasMessageContaining("user name");
    }

    @Test
    void weakOrOverlongPasswordsAreRefusedWithTheRule() {
        assertThatThrownBy(() -> accounts.add("cli", "alice", Role.VIEWER, pw("short")))
                .hasMessageContaining("at least 10 characters");
        assertThatThrownBy(() -> accounts.add("cli", "alice.smith", Role.VIEWER, pw("alice.smith")))
                .hasMessageContaining("must not be the user name");
        assertThatThrownBy(() -> accounts.add("cli", "alice", Role.VIEWER, pw("é".repeat(37))))
                .as("bcrypt reads 72 bytes: a longer password is refused, not cut")
                .hasMessageContaining("at most 72 bytes");
        assertThat(users.list()).isEmpty();
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabledNorRemoved() {
        accounts.add("cli", "root", Role.ADMIN, pw("correct horse battery"));

        assertThatThrownBy(() -> accounts.changeRole("root", "root", Role.VIEWER)).hasMessageContaining("last enabled admin");
        assertThatThrownBy(() -> accounts.setEnabled("root", "root", false)).hasMessageContaining("last enabled admin");
        assertThatThrownBy(() -> accounts.remove("root", "root")).hasMessageContaining("last enabled admin");

        accounts.add("root", "second", Role.ADMIN, pw("another good password"));
        accounts.changeRole("second", "root", Role.VIEWER);
        assertThat(users.find("root").orElseThrow().user().role()).isEqualTo(Role.VIEWER);
    }

    @Test
    void changingAUsersRoleOrPasswordOrDisablingThemEndsTheirSessions() {
        accounts.add("cli", "alice", Role.OPERATOR, pw("correct horse battery"));
        String first = sessions.signIn("alice", pw("correct horse battery")).orElseThrow().token();
        accounts.changeRole("admin", "alice", Role.VIEWER);
        assertThat(sessions.resolve(first)).isEmpty();

        String second = sessions.signIn("alice", pw("correct horse battery")).orElseThrow().token();
        accounts.changePassword("admin", "alice", pw("a brand new password"));
        assertThat(sessions.resolve(second)).isEmpty();

        String third = sessions.signIn("alice", pw("a brand new password")).orElseThrow().token();
        accounts.setEnabled("admin", "alice", false);
        assertThat(sessions.resolve(third)).isEmpty();
        assertThat(sessions.signIn("alice", pw("a brand new password"))).as("disabled").isEmpty();
    }

    @Test
    void aUsersOwnPasswordChangeNeedsTheCurrentPassword() {
        accounts.add("cli", "alice", Role.VIEWER, pw("correct horse battery"));

        assertThatThrownBy(() -> accounts.changeOwnPassword("alice", pw("not the password"), pw("a brand new password")))
                .hasMessageContaining("current password is wrong");
        accounts.changeOwnPassword("alice", pw("correct horse battery"), pw("a brand new password"));

        assertThat(sessions.signIn("alice", pw("a brand new password"))).isPresent();
    }

    @Test
    void userChangesAreAuditedWithWhoDidThem() {
        accounts.add("cli", "root", Role.ADMIN, pw("correct horse battery"));
        accounts.add("root", "alice", Role.VIEWER, pw("correct horse battery"));
        accounts.changeRole("root", "alice", Role.OPERATOR);
        accounts.remove("root", "alice");

        assertThat(audit.latest(10)).extracting(AuditLog.AuditEntry::actor, AuditLog.AuditEntry::action,
                        AuditLog.AuditEntry::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("root", "USER_REMOVED", "alice"),
                        org.assertj.core.groups.Tuple.tuple("root", "ROLE_CHANGED", "alice"),
                        org.assertj.core.groups.Tuple.tuple("root", "USER_ADDED", "alice"),
                        org.assertj.core.groups.Tuple.tuple("cli", "USER_ADDED", "root"));
        assertThat(accounts.list()).extracting(PortalUser::name).containsExactly("root");
    }
}
