package org.ebrelay.adapter.portal;

import org.ebrelay.app.port.out.StoreFailure;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC moves the portal's stores make: one statement per call, auto-commit, failures as StoreFailure. */
final class PortalSql {
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private final DataSource dataSource;

    PortalSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs an update with these parameters (an Instant is stored as epoch milliseconds); the rows changed. */
    int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailure("portal store: " + e.getMessage(), e);
        }
    }

    <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> found = new ArrayList<>();
                while (rows.next()) {
                    found.add(row.map(rows));
                }
                return found;
            }
        } catch (SQLException e) {
            throw new StoreFailure("portal store: " + e.getMessage(), e);
        }
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        long millis = rows.getLong(column);
        return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** True when the failure is a unique-key violation (SQLState class 23: integrity constraint). */
    static boolean isDuplicateKey(StoreFailure failure) {
        return failure.getCause() instanceof SQLException
                && String.valueOf(((SQLException) failure.getCause()).getSQLState()).startsWith("23");
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            if (value instanceof Instant) {
                statement.setLong(i + 1, ((Instant) value).toEpochMilli());
            } else if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
