package org.ebrelay.boot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import org.ebrelay.boot.Gateway;
import org.ebrelay.boot.config.GatewayConfig;
import org.ebrelay.boot.demo.DemoNodes;

/**
 * The bench's nodes on a PostgreSQL server ({@code ebrelay bench --postgres URL}): each party gets a fresh database
 * {@code ebrelay_bench_<party>} on it; extra hospital nodes share the hospital's database as a cluster.
 *
 * @param serverUrl the server, ending in {@code /}: {@code jdbc:postgresql://127.0.0.1:5432/}
 */
record PostgresNodes(String serverUrl, String user, String password) {

    /** Starts each demo node on a fresh database of its own; with {@code clustered}, as a cluster member. */
    DemoNodes.GatewayStarter starter(boolean clustered) {
        return (config, clock) -> {
            recreate(databaseOf(config));
            return Gateway.start(onDatabase(config, databaseOf(config), clustered), clock);
        };
    }

    /**
     * Another node of a party on the party's database, clustered: its own id, port and data directory.
     *
     * @param first the party's configuration as the demo wrote it (before {@link #starter} moved it to PostgreSQL)
     */
    Gateway startAnotherNode(GatewayConfig demoConfig, int number, int port, Clock clock) throws Exception {
        GatewayConfig first = onDatabase(demoConfig, databaseOf(demoConfig), true);
        Path data = Files.createDirectories(first.storage().dataDir().resolveSibling(first.node().id() + "-" + number));
        GatewayConfig.Http http = first.http();
        GatewayConfig config = first.withNode(new GatewayConfig.Node(first.node().id() + "-" + number,
                first.node().parties())).withHttp(new GatewayConfig.Http(http.host(), port, null, http.maxMessageBytes(),
                http.connectTimeout(), http.responseTimeout(), http.proxy(), http.schemaValidation()))
                .withStorage(data);
        return Gateway.start(config, clock);
    }

    private static String databaseOf(GatewayConfig config) {
        return "ebrelay_bench_" + config.node().id().replace('-', '_');
    }

    private GatewayConfig onDatabase(GatewayConfig config, String database, boolean clustered) {
        GatewayConfig changed = config.withStorage(config.storage().withJdbcUrl(serverUrl + database, user, password));
        return clustered ? changed.withCluster(new GatewayConfig.Cluster(true, changed.cluster().checkinInterval()))
                : changed;
    }

    private void recreate(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", user, password);
             Statement statement = connection.createStatement()) {
            for (String sql : List.of("DROP DATABASE IF EXISTS " + database, "CREATE DATABASE " + database)) {
                statement.execute(sql);
            }
        }
    }
}
