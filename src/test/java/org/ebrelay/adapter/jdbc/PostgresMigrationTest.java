package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PostgresMigrationTest {
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void everyH2MigrationHasAPostgresqlTwinOfTheSameVersionAndName() throws IOException {
        assertThat(names("postgresql")).containsExactlyInAnyOrderElementsOf(names("h2"));
    }

    @Test
    void aFreshPostgresqlDatabaseGetsTheSameMigrationsTheMessageTablesAndQuartzsTables() throws SQLException {
        try (Database database = Database.open(TestPostgres.settings(TestPostgres.newDatabase()))) {
            assertThat(database.vendor()).isEqualTo("postgresql");
            assertThat(rows(database, "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public'")).contains("outbound_messages", "outbound_wire",
                    "outbound_message_ids", "inbound_messages", "received_ids", "received_hl7_ids", "deliveries",
                    "message_events", "notices", "qrtz_triggers", "qrtz_fired_triggers", "qrtz_locks",
                    "qrtz_scheduler_state");
            assertThat(rows(database, "SELECT version FROM flyway_schema_history WHERE success"
                    + " AND version IS NOT NULL")).containsAll(h2Versions()).contains("2");
            assertThat(Database.migrate(database.dataSource(), "postgresql")).isZero();
        }
    }

    private static List<String> h2Versions() {
        try {
            return names("h2").stream().map(n -> n.substring(1, n.indexOf("__"))).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(String vendor) throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve(vendor))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList();
        }
    }

    private static List<String> rows(Database database, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
