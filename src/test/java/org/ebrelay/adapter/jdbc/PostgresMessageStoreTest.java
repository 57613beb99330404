package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.MessageStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on PostgreSQL; the "other node" has its own pool and writer on the same database. */
class PostgresMessageStoreTest extends MessageStoreContract {
    private static Database database;
    private static Database secondDatabase;
    private static MessageStore store;
    private static MessageStore otherNode;

    @BeforeAll
    static void open() {
        String url = TestPostgres.newDatabase();
        database = Database.open(TestPostgres.settings(url));
        secondDatabase = Database.open(TestPostgres.settings(url));
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
            statement.executeUpdate("TRUNCATE superseded_wire, message_events, deliveries, received_ids,"
                    + " received_hl7_ids, inbound_messages, outbound_message_ids, outbound_wire, outbound_messages");
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
