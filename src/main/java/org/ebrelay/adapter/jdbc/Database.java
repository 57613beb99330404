package org.ebrelay.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.sql.DataSource;
import org.ebrelay.app.port.out.StoreFailure;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The gateway's database: a HikariCP pool, the schema migrated by Flyway from {@code classpath:db/migration/<vendor>}
 * (vendor from the JDBC metadata: {@code h2}, {@code postgresql}), and the group-commit writer every change goes
 * through. Reads use the pool directly.
 */
public final class Database implements AutoCloseable {
    private static final int MAX_GROUP = 512;
    private static final int QUEUE_CAPACITY = 16_384;

    private final HikariDataSource pool;
    /**
     * How long a commit under load waits for more work to share it. Measured end to end (docs/BENCHMARKS.md): 3 ms
     * halved the commits per message and raised the throughput by a fifth; 10 ms made the latency the limit.
     */
    static final Duration COMMIT_LINGER = Duration.ofMillis(2);

    private final String vendor;
    private final Durability durability;
    private final GroupCommitWriter writer;

    private Database(HikariDataSource pool, String vendor, Durability durability) {
        this.pool = pool;
        this.vendor = vendor;
        this.durability = durability;
        this.writer = new GroupCommitWriter(pool, afterCommit(vendor, durability), MAX_GROUP, QUEUE_CAPACITY,
                COMMIT_LINGER);
    }

    /** Opens the pool and migrates the schema. */
    public static Database open(DatabaseSettings settings) {
        WriterThreadFileSystem.scheme(); // known to H2 before a configured jdbcUrl may name it
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("ebrelay-db");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            String vendor = vendorOf(pool);
            migrate(pool, vendor);
            return new Database(pool, vendor, settings.durability());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    static String vendorOf(DataSource dataSource) {
        return vendorOf(dataSource, "database");
    }

    /**
     * {@code h2} or {@code postgresql}, the name of the migration folders, from the JDBC metadata.
     *
     * @param what how errors name the database ("database", "bank database")
     */
    public static String vendorOf(DataSource dataSource, String what) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgresql")) {
                return "postgresql";
            }
            throw new IllegalStateException("unsupported " + what + ": " + product);
        } catch (SQLException e) {
            throw new StoreFailure("cannot connect to the " + what + ": " + e.getMessage(), e);
        }
    }

    /** Applies the pending migrations of {@code vendor}'s folder; returns how many ran. */
    static int migrate(DataSource dataSource, String vendor) {
        return flyway(dataSource, vendor).load().migrate().migrationsExecuted;
    }

    /** How the node's schema is migrated on {@code vendor}: its folder of SQL migrations and the Quartz tables. */
    static FluentConfiguration flyway(DataSource dataSource, String vendor) {
        String quartzScript = vendor.equals("h2") ? "tables_h2.sql" : "tables_postgres.sql";
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + vendor)
                .javaMigrations(new QuartzTablesMigration(quartzScript))
                .failOnMissingLocations(true);
    }

    /** H2 never syncs on commit; in fsync mode a checkpoint forces the file to disk once per group. */
    private static GroupCommitWriter.Work<Void> afterCommit(String vendor, Durability durability) {
        if (durability == Durability.FSYNC && vendor.equals("h2")) {
            return connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
                return null;
            };
        }
        return connection -> null;
    }

    /** The pool, for readers and for Quartz's job store. */
    public DataSource dataSource() {
        return pool;
    }

    /** {@code h2} or {@code postgresql}: the migration folder in use. */
    public String vendor() {
        return vendor;
    }

    public Durability durability() {
        return durability;
    }

    /** Committed transactions and units of work so far; for metrics (units / transactions = group size). */
    public WriteCounts writeCounts() {
        return new WriteCounts(writer.groupsCommitted(), writer.unitsCommitted(), bytesWritten());
    }

    /**
     * How much the group-commit writer has committed.
     *
     * @param bytesWritten bytes H2 has written to its file since it opened (its chunks: every page a commit
     *                     changed, rewritten whole); -1 for other databases
     */
    public record WriteCounts(long transactions, long units, long bytesWritten) {
    }

    private long bytesWritten() {
        if (!vendor.equals("h2")) {
            return -1;
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
            return rows.next() ? Long.parseLong(rows.getString(1)) : -1;
        } catch (SQLException | NumberFormatException e) {
            return -1;
        }
    }

    /** Runs {@code work} in the next group commit and waits until it is committed (and synced in fsync mode). */
    <T> T write(GroupCommitWriter.Work<T> work) {
        return await(writer.submit(work));
    }

    /** Queues {@code work} for the next group commit without waiting. */
    <T> CompletableFuture<T> writeAsync(GroupCommitWriter.Work<T> work) {
        return writer.submit(work);
    }

    /** Runs {@code work} on a pooled connection in auto-commit mode. */
    <T> T read(GroupCommitWriter.Work<T> work) {
        return autoCommit("database read failed", work);
    }

    /**
     * Runs {@code work} on a pooled connection in auto-commit mode, outside the group commit: each statement is a
     * transaction of its own. An SQL failure becomes a {@link StoreFailure} that starts with {@code failing}.
     */
    <T> T autoCommit(String failing, GroupCommitWriter.Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new StoreFailure(failing + ": " + e.getMessage(), e);
        }
    }

    /** Waits for a write; SQL failures become {@link StoreFailure}, other exceptions pass unchanged. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime && !(cause instanceof CompletionException)) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new StoreFailure("database write failed: " + cause.getMessage(), cause);
        }
    }

    /** Lets queued writes finish, then closes the pool (and with it an embedded database). */
    @Override
    public void close() {
        writer.close();
        pool.close();
    }
}
