package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every commit the store answered for survives the process being killed (kill -9) with the default durability:
 * a child JVM stores messages and prints each id once {@code insert} returned; it is killed while it is busy, and
 * the reopened database must hold every id it printed.
 */
class DurabilityTest {
    private static final int COMMITS_BEFORE_KILL = 400;

    @TempDir
    Path dataDir;

    @Test
    void everyMessageTheStoreAnsweredForSurvivesAKill() throws Exception {
        Path errors = dataDir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CommittingChild.class.getName(),
                dataDir.resolve("db").toString(), "commit")
                .redirectError(errors.toFile())
                .start();
        Set<String> printed = new HashSet<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            while (printed.size() < COMMITS_BEFORE_KILL) {
                String line = out.readLine();
                assertThat(line).as("child output (stderr: %s)", errors).isNotNull();
                committed(line).ifPresent(printed::add);
            }
            // SIGKILL, as Process.destroyForcibly sends, but through the handle: Process.destroyForcibly also
            // closes our end of the pipe, and the lines the child printed just before dying must be read too
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            printed.addAll(completeLines(out));
        }

        assertThat(child.exitValue()).as("killed, not ended").isNotZero();
        assertThat(storedIds()).containsAll(printed);
    }

    /** The id of a COMMITTED line; other lines (the child's log) are skipped. */
    private static Optional<String> committed(String line) {
        return line.startsWith("COMMITTED ") ? Optional.of(line.substring("COMMITTED ".length())) : Optional.empty();
    }

    /** The ids of the lines the child finished printing before it died; a cut-off last line does not count. */
    private static List<String> completeLines(BufferedReader out) throws IOException {
        StringBuilder rest = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read = out.read(buffer); read >= 0; read = out.read(buffer)) {
            rest.append(buffer, 0, read);
        }
        List<String> ids = new ArrayList<>();
        String[] lines = rest.toString().split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            committed(lines[i]).ifPresent(ids::add);
        }
        return ids;
    }

    private Set<String> storedIds() throws SQLException, IOException {
        assertThat(Files.exists(dataDir.resolve("db"))).isTrue();
        Set<String> ids = new HashSet<>();
        try (Database reopened = Database.open(DatabaseSettings.h2File(dataDir.resolve("db"), Durability.COMMIT));
             Connection connection = reopened.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM outbound_messages")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
