package org.ebrelay.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.CommandRun.ebrelay;

/** {@code ebrelay bank user}: the first admin is created on the command line, into the bank's database. */
class BankUserCommandTest {
    @TempDir
    Path root;

    @Test
    void theFirstAdminIsAddedAndListedAndAWeakPasswordIsRefused() throws Exception {
        Path data = root.resolve("data");
        Path good = Files.writeString(root.resolve("good"), "correct horse battery\n");
        Path weak = Files.writeString(root.resolve("weak"), "short\n");

        CommandRun added = ebrelay("bank", "user", "add", "root", "--role", "admin", "--password-file", good.toString(),
                "--data-dir", data.toString());
        CommandRun refused = ebrelay("bank", "user", "add", "bob", "--password-file", weak.toString(),
                "--data-dir", data.toString());
        CommandRun listed = ebrelay("bank", "user", "list", "--data-dir", data.toString());

        assertThat(added.exitCode()).as(added.toString()).isZero();
        assertThat(added.out()).contains("added root (admin)");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("at least 10 characters");
        assertThat(listed.out().strip()).isEqualTo("root admin");
    }
}
