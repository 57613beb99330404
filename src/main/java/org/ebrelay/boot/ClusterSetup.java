package org.ebrelay.boot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.JdbcReplyMailbox;
import org.ebrelay.adapter.quartz.QuartzWakeUps;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.SharedReplies;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.boot.config.GatewayConfig;

/**
 * Who wakes the periodic work. A node on its own: one Quartz scheduler in its database runs all of it. In a cluster
 * (setting {@code cluster.enabled}): the shared work (pushes, purges) is a job of the Quartz cluster, run by one node
 * at a time and taken over when a node dies; the node's own work (its in-memory state, its dispatcher) runs on a
 * scheduler of its own. Due messages need no coordinator: every dispatcher claims from the shared rows.
 */
final class ClusterSetup {
    /** The Quartz scheduler name every node of a cluster shares. */
    static final String CLUSTER_SCHEDULER = "ebrelay-cluster";
    /** How often a node waiting for a reply looks for it in the database. */
    private static final Duration REPLY_POLL = Duration.ofMillis(100);

    private ClusterSetup() {
    }

    static void check(GatewayConfig config, List<String> problems) {
        GatewayConfig.Cluster cluster = config.cluster();
        if (cluster.enabled() && config.storage().jdbcUrl() == null) {
            problems.add("cluster.enabled needs a database the nodes share: set storage.jdbcUrl (PostgreSQL)");
        }
        if (cluster.checkinInterval() == null || cluster.checkinInterval().compareTo(Duration.ofMillis(100)) < 0) {
            problems.add("cluster.checkinInterval must be at least PT0.1S: " + cluster.checkinInterval());
        }
        if (config.storage().poolSize() < 2) {
            problems.add("storage.poolSize must be at least 2: " + config.storage().poolSize());
        }
    }

    /**
     * On a database the nodes share (PostgreSQL), the replies awaited by a node's Ping and StatusRequest are shared
     * with the others, so an asynchronous reply that reaches another node still gets to its waiter. Empty on a
     * node's own H2 database.
     */
    static Optional<AutoCloseable> shareReplies(Database database, PendingReplies pending, MessageCodec codec,
                                                NodeId node, Clock clock) {
        if (!database.vendor().equals("postgresql")) {
            return Optional.empty();
        }
        SharedReplies shared = new SharedReplies(pending, new JdbcReplyMailbox(database), codec, node.value(), clock);
        shared.start(REPLY_POLL);
        return Optional.of(shared);
    }

    /**
     * Schedules {@code shared} and {@code local} every {@code interval} and starts the schedulers.
     *
     * @return what to close on shutdown
     */
    static List<AutoCloseable> start(GatewayConfig config, NodeId node, Database database, Duration interval,
                                     Runnable shared, Runnable local) {
        String delegate = QuartzWakeUps.delegateFor(database.vendor());
        List<AutoCloseable> started = new ArrayList<>();
        if (!config.cluster().enabled()) {
            QuartzWakeUps quartz = new QuartzWakeUps(node.value(), database.dataSource(), delegate);
            quartz.every("sweep", interval, () -> {
                local.run();
                shared.run();
            });
            quartz.start();
            started.add(quartz);
            return started;
        }
        QuartzWakeUps own = QuartzWakeUps.inMemory(node.value());
        own.every("node-sweep", interval, local);
        own.start();
        started.add(own);
        QuartzWakeUps cluster = QuartzWakeUps.clustered(CLUSTER_SCHEDULER, node.value(), database.dataSource(),
                delegate, config.cluster().checkinInterval());
        cluster.every("sweep", interval, shared);
        cluster.start();
        started.add(cluster);
        return started;
    }
}
