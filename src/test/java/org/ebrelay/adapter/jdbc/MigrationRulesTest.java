package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rolling-upgrade rule (docs/deployment.md): from V9 on, a migration only adds, so that nodes of the release
 * before it keep working on the migrated schema. Removing or changing takes two releases (stop using, then drop),
 * or a migration that says {@code -- not rolling: <why>} and a cluster stopped for it.
 */
class MigrationRulesTest {
    private static final int FIRST_ROLLING_VERSION = 9;
    private static final List<Pattern> NOT_ADDITIVE = List.of(
            Pattern.compile("\\bDROP\\s+(TABLE|COLUMN|INDEX|CONSTRAINT)\\b"),
            Pattern.compile("\\bRENAME\\b"),
            Pattern.compile("\\bALTER\\s+COLUMN\\b[^;]*\\b(TYPE|SET\\s+NOT\\s+NULL)\\b"),
            Pattern.compile("\\bADD\\s+(COLUMN\\s+)?\\w+\\s+[^,;]*\\bNOT\\s+NULL\\b(?![^,;]*\\bDEFAULT\\b)"),
            Pattern.compile("\\bDELETE\\s+FROM\\b"),
            Pattern.compile("\\bTRUNCATE\\b"));

    @Test
    void migrationsFromV9OnOnlyAddUnlessTheySayTheyNeedTheClusterStopped() {
        List<String> violations = new ArrayList<>();
        for (Path migration : migrations()) {
            String sql = Files.exists(migration) ? read(migration) : "";
            if (sql.toLowerCase(Locale.ROOT).contains("-- not rolling:")) {
                continue;
            }
            String code = withoutComments(sql).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            for (Pattern rule : NOT_ADDITIVE) {
                if (rule.matcher(code).find()) {
                    violations.add(migration + " matches " + rule);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theRuleCatchesADroppedColumnAndANewMandatoryColumnButNotANullableOne() {
        assertThat(breaks("ALTER TABLE t DROP COLUMN c")).isTrue();
        assertThat(breaks("ALTER TABLE t ADD COLUMN c INTEGER NOT NULL")).isTrue();
        assertThat(breaks("ALTER TABLE t ADD COLUMN c INTEGER NOT NULL DEFAULT 0")).isFalse();
        assertThat(breaks("ALTER TABLE t ADD COLUMN c INTEGER")).isFalse();
        assertThat(breaks("CREATE TABLE t (c INTEGER NOT NULL)")).isFalse();
        assertThat(breaks("ALTER TABLE t ALTER COLUMN c SET DATA TYPE BIGINT")).isTrue();
        assertThat(breaks("ALTER TABLE t ALTER COLUMN c RESTART WITH 5; CREATE TYPE x AS ENUM ('a')")).isFalse();
    }

    private static boolean breaks(String sql) {
        String code = sql.toUpperCase(Locale.ROOT);
        return NOT_ADDITIVE.stream().anyMatch(rule -> rule.matcher(code).find());
    }

    private static List<Path> migrations() {
        List<Path> found = new ArrayList<>();
        for (String vendor : List.of("h2", "postgresql")) {
            try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", vendor))) {
                files.filter(f -> version(f) >= FIRST_ROLLING_VERSION).forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found;
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return name.matches("V\\d+__.*\\.sql") ? Integer.parseInt(name.substring(1, name.indexOf("__"))) : -1;
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", " ");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
