package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Creates a row unless one with its key exists, without failing when another node creates it at the same moment:
 * on PostgreSQL (nodes share the database) {@code ON CONFLICT DO NOTHING}, which waits for the other transaction and
 * then does nothing; on H2 (one node, one writer thread) a plain insert after a look.
 */
final class RowIfAbsent {
    private RowIfAbsent() {
    }

    /**
     * @param insert an INSERT statement with placeholders for {@code values}
     * @param exists a SELECT that finds the row by the first {@code keyCount} of {@code values}
     */
    static void insert(Connection connection, String insert, String exists, int keyCount, Object... values)
            throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgresql");
        if (!postgres) {
            try (PreparedStatement select = connection.prepareStatement(exists)) {
                bind(select, keyCount, values);
                if (select.executeQuery().next()) {
                    return;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(
                postgres ? insert + " ON CONFLICT DO NOTHING" : insert)) {
            bind(statement, values.length, values);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, int count, Object... values) throws SQLException {
        for (int i = 0; i < count; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
