package org.ebrelay.app;

import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.DatabaseSettings;
import org.ebrelay.adapter.jdbc.Durability;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.port.out.MessageStore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The real store: JdbcMessageStore over a durable H2 file database in a test's temporary directory. Open one per
 * test class and {@link #empty()} it before each test (migrating a fresh database per test is slow).
 */
public final class TestStore implements AutoCloseable {
    private final Database database;
    private final MessageStore store;

    public TestStore(Path dataDir) {
        this.database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT));
        this.store = new JdbcMessageStore(database);
    }

    public MessageStore store() {
        return store;
    }

    /** The database under the store, for other stores of the same node. */
    public Database database() {
        return database;
    }

    /** Deletes every message, delivery and event. */
    public void empty() {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"mllp_origins", "superseded_wire", "message_events", "deliveries",
                    "received_ids", "received_hl7_ids", "inbound_messages", "outbound_message_ids", "outbound_wire",
                    "outbound_messages"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
