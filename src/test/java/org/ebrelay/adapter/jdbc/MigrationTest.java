package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.MigrationInfoService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationTest {
    /** The migrations the last release shipped (V2 is the Quartz tables): add this release's when it ships. */
    private static final List<Integer> PREVIOUS_RELEASE = List.of(1, 3, 4, 5, 6, 8, 11, 18);

    @TempDir
    Path dataDir;

    @Test
    void aFreshDatabaseGetsTheMessageTablesTheQuartzTablesAndTheirIndexes() throws SQLException {
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT))) {
            assertThat(database.vendor()).isEqualTo("h2");
            assertThat(tables(database.dataSource())).contains("OUTBOUND_MESSAGES", "OUTBOUND_WIRE", "OUTBOUND_MESSAGE_IDS",
                    "INBOUND_MESSAGES", "RECEIVED_IDS", "DELIVERIES", "MESSAGE_EVENTS", "NOTICES", "QRTZ_TRIGGERS",
                    "QRTZ_JOB_DETAILS", "QRTZ_FIRED_TRIGGERS", "QRTZ_LOCKS", "QRTZ_SCHEDULER_STATE",
                    "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_BLOB_TRIGGERS",
                    "QRTZ_CALENDARS", "QRTZ_PAUSED_TRIGGER_GRPS");
            assertThat(indexes(database.dataSource())).contains("OUTBOUND_DUE", "OUTBOUND_STATE", "OUTBOUND_HL7",
                    "RECEIVED_IDS_EXPIRY", "DELIVERIES_PARTY", "NOTICES_PARTY", "NOTICES_PUSH", "QRTZ_TRIGGERS_DUE",
                    "QRTZ_FIRED_INSTANCE");
            assertThat(appliedVersions(database.dataSource())).contains("1", "2", "3", "4", "5", "6", "8", "18")
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void theEventLogSequenceIsNotWrittenToDiskEveryFewEvents() throws SQLException {
        try (Database database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT))) {
            assertThat(names(database.dataSource(), "SELECT CAST(identity_cache AS VARCHAR) FROM information_schema.columns"
                    + " WHERE table_name = 'MESSAGE_EVENTS' AND column_name = 'SEQ'")).containsExactly("100000");
        }
    }

    /**
     * A node's database as the previous release left it is upgraded by this release at start-up. A new migration
     * numbered below a released one would be refused there (Flyway never applies one out of order), so new
     * migrations take numbers above the last release's.
     */
    @Test
    void aDatabaseOfThePreviousReleaseIsUpgradedAtStartUp(@TempDir Path released) throws Exception {
        for (int version : PREVIOUS_RELEASE) {
            try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration/h2"))) {
                Path migration = files.filter(f -> f.getFileName().toString().startsWith("V" + version + "__"))
                        .findFirst().orElseThrow();
                Files.copy(migration, released.resolve(migration.getFileName()));
            }
        }
        try (HikariDataSource previous = h2Pool()) {
            Database.flyway(previous, "h2").locations("filesystem:" + released).load().migrate();
        }

        try (Database database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT))) {
            MigrationInfoService info = Database.flyway(database.dataSource(), "h2").load().info();
            assertThat(info.pending()).isEmpty();
            assertThat(info.applied()).hasSameSizeAs(info.all());
        }
    }

    @Test
    void migratingAgainIsANoOp() {
        Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT)).close();

        try (Database database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT))) {
            assertThat(Database.migrate(database.dataSource(), "h2")).isZero();
        }
    }

    @Test
    void theQuartzScriptSplitsIntoItsTablesAndConstraintsWithoutItsCommit() {
        List<String> statements = QuartzTablesMigration.statements(
                "-- a comment; with a semicolon\nCREATE TABLE A (X INT);\n\nALTER TABLE A ADD B INT;\nCOMMIT;\n");

        assertThat(statements).containsExactly("CREATE TABLE A (X INT)", "ALTER TABLE A ADD B INT");
        assertThat(new QuartzTablesMigration("tables_h2.sql").getChecksum())
                .isEqualTo(new QuartzTablesMigration("tables_h2.sql").getChecksum());
    }

    private HikariDataSource h2Pool() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(DatabaseSettings.h2File(dataDir, Durability.COMMIT).jdbcUrl());
        config.setUsername("sa");
        config.setPassword("");
        return new HikariDataSource(config);
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        return names(dataSource, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'");
    }

    private static List<String> indexes(DataSource dataSource) throws SQLException {
        return names(dataSource, "SELECT UPPER(index_name) FROM information_schema.indexes"
                + " WHERE table_schema = 'PUBLIC'");
    }

    private static List<String> appliedVersions(DataSource dataSource) throws SQLException {
        return names(dataSource, "SELECT \"version\" FROM \"flyway_schema_history\""
                + " WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"");
    }

    private static List<String> names(DataSource dataSource, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
