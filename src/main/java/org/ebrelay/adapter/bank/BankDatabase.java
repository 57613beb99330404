package org.ebrelay.adapter.bank;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.app.port.out.StoreFailure;
import org.flywaydb.core.Flyway;

/**
 * The bank's own database (never the node's): an H2 file by default, or any JDBC URL (PostgreSQL when scaled
 * out), migrated by Flyway from {@code classpath:db/bank/<vendor>}. Ingest batches are already batched by the
 * nodes, so each is one plain transaction; no group commit is needed here.
 */
public final class BankDatabase implements AutoCloseable {
    /** A unit of work on a connection; must not commit or close it. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String vendor;

    private BankDatabase(HikariDataSource pool, String vendor) {
        this.pool = pool;
        this.vendor = vendor;
    }

    /** The default: {@code <dir>/bank.mv.db}, each commit written to the file before it returns. */
    public static String h2FileUrl(Path dir) {
        return "jdbc:h2:async:" + dir.toAbsolutePath().resolve("bank")
                + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }

    public static BankDatabase open(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user == null ? "" : user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("ebrelay-bank-db");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            String vendor = Database.vendorOf(pool, "bank database");
            Flyway.configure().dataSource(pool).locations("classpath:db/bank/" + vendor)
                    .table("bank_schema_history").failOnMissingLocations(true).load().migrate();
            return new BankDatabase(pool, vendor);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public String vendor() {
        return vendor;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreFailure("bank database write failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. */
    public <T> T read(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreFailure("bank database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
