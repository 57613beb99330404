package org.ebrelay.app;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.DatabaseSettings;
import org.ebrelay.adapter.jdbc.Durability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** One real H2 file database per test class (migrating one takes a while), emptied before each test. */
public abstract class WithDatabase {
    @TempDir
    protected static Path dataDir;
    protected static Database database;

    @BeforeAll
    protected static void openDatabase() {
        database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT));
    }

    @AfterAll
    protected static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    protected void emptyDatabase() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"mllp_origins", "superseded_wire", "message_events", "deliveries",
                    "received_ids", "received_hl7_ids", "inbound_messages", "outbound_message_ids", "outbound_wire",
                    "outbound_messages", "order_counters", "order_streams", "order_held", "order_held_deliveries"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }
}
