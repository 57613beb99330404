package org.ebrelay.adapter.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 2: Quartz's JDBC job store tables, created by running the table script shipped in the Quartz jar for
 * this database (so the tables always match the Quartz version we run). Its checksum is the script's, so a Quartz
 * upgrade that changes the script is noticed by Flyway's validation instead of passing silently.
 */
final class QuartzTablesMigration implements JavaMigration {
    private static final String SCRIPTS = "org/quartz/impl/jdbcjobstore/";

    private final String script;

    /** @param scriptName the script in the Quartz jar, e.g. {@code tables_h2.sql} */
    QuartzTablesMigration(String scriptName) {
        this.script = read(SCRIPTS + scriptName);
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "quartz tables";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(script.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
        }
    }

    /** The script's statements: comment lines dropped, split at semicolons; its closing COMMIT is left to Flyway. */
    static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.trim().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : code.toString().split(";")) {
            String sql = part.trim();
            if (!sql.isEmpty() && !sql.equalsIgnoreCase("COMMIT")) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = QuartzTablesMigration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Quartz table script not on the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
