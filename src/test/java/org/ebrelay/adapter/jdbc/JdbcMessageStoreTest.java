package org.ebrelay.adapter.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.MessageStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an H2 file database; the "other node" has its own pool and writer on the same file. */
class JdbcMessageStoreTest extends MessageStoreContract {
    @TempDir
    static Path dataDir;
    private static Database database;
    private static Database secondDatabase;
    private static MessageStore store;
    private static MessageStore otherNode;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT));
        secondDatabase = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT));
        store = new JdbcMessageStore(database);
        otherNode = new JdbcMessageStore(secondDatabase);
    }

    @AfterAll
    static void close() {
        secondDatabase.close();
        database.close();
    }

    @BeforeEach
    void empty() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"superseded_wire", "message_events", "deliveries", "received_ids",
                    "received_hl7_ids", "inbound_messages", "outbound_message_ids", "outbound_wire", "outbound_messages"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }

    @Override
    protected MessageStore store() {
        return store;
    }

    @Override
    protected MessageStore otherNode() {
        return otherNode;
    }
}
