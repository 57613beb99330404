package org.ebrelay.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebrelay.app.bank.EventWriters;

/**
 * The writers of a cluster's shared event log ({@code event_writers}) and their liveness as the Quartz cluster sees
 * it: a node is alive while its row in {@code qrtz_scheduler_state} has checked in within its check-in interval plus
 * Quartz's own 7.5 s of grace (the rule by which Quartz recovers a dead node's jobs), or when it has no such row
 * and registered a moment ago (it starts its Quartz scheduler after registering). Each statement commits on its own (autocommit), off the group-commit writer: a
 * compare-and-set that finds nothing must not disturb other work.
 */
public final class JdbcEventWriters implements EventWriters {
    /** Quartz's margin before it calls an instance failed (JobStoreSupport). */
    static final Duration QUARTZ_GRACE = Duration.ofMillis(7_500);

    private final Database database;
    private final String scheduler;
    private final Duration startupGrace;

    /**
     * @param scheduler    the Quartz cluster's scheduler name
     * @param startupGrace how long a node that just registered counts as alive before its first check-in
     */
    public JdbcEventWriters(Database database, String scheduler, Duration startupGrace) {
        this.database = database;
        this.scheduler = scheduler;
        this.startupGrace = startupGrace;
    }

    /** Each statement on its own, in auto-commit mode: not a unit of the group commit. */
    private <T> T withConnection(GroupCommitWriter.Work<T> work) {
        return database.autoCommit("event writers", work);
    }

    @Override
    public void register(String node, Instant now) {
        withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE event_writers SET registered_at = ?,"
                    + " shipped_by = NULL, taken_at = NULL WHERE node_id = ?")) {
                update.setLong(1, now.toEpochMilli());
                update.setString(2, node);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO event_writers (node_id, start_seq,"
                    + " registered_at) SELECT ?, COALESCE(MAX(seq), 0), ? FROM message_events")) {
                insert.setString(1, node);
                insert.setLong(2, now.toEpochMilli());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Writer writer(String node) {
        return withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT node_id, start_seq, shipped_by FROM event_writers WHERE node_id = ?")) {
                select.setString(1, node);
                List<Writer> found = writers(select);
                return found.isEmpty() ? null : found.get(0);
            }
        });
    }

    @Override
    public List<Writer> all() {
        return withConnection(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT node_id, start_seq, shipped_by FROM event_writers ORDER BY node_id")) {
                return writers(select);
            }
        });
    }

    private static List<Writer> writers(PreparedStatement select) throws SQLException {
        List<Writer> writers = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                writers.add(new Writer(rows.getString(1), rows.getLong(2), rows.getString(3)));
            }
        }
        return writers;
    }

    @Override
    public Set<String> alive(Instant now) {
        long millis = now.toEpochMilli();
        return withConnection(c -> {
            Set<String> alive = new HashSet<>();
            try (PreparedStatement select = c.prepareStatement("SELECT instance_name FROM qrtz_scheduler_state"
                    + " WHERE sched_name = ? AND last_checkin_time + checkin_interval + ? >= ?")) {
                select.setString(1, scheduler);
                select.setLong(2, QUARTZ_GRACE.toMillis());
                select.setLong(3, millis);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        alive.add(rows.getString(1));
                    }
                }
            }
            try (PreparedStatement select = c.prepareStatement("SELECT node_id FROM event_writers w"
                    + " WHERE registered_at + ? >= ? AND NOT EXISTS (SELECT 1 FROM qrtz_scheduler_state s"
                    + " WHERE s.sched_name = ? AND s.instance_name = w.node_id)")) {
                select.setLong(1, startupGrace.toMillis());
                select.setLong(2, millis);
                select.setString(3, scheduler);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        alive.add(rows.getString(1));
                    }
                }
            }
            return alive;
        });
    }

    @Override
    public boolean takeOver(String node, String expectedShipper, String by, Instant now) {
        String sql = "UPDATE event_writers SET shipped_by = ?, taken_at = ? WHERE node_id = ? AND "
                + (expectedShipper == null ? "shipped_by IS NULL" : "shipped_by = ?");
        return withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                update.setString(1, by);
                update.setLong(2, now.toEpochMilli());
                update.setString(3, node);
                if (expectedShipper != null) {
                    update.setString(4, expectedShipper);
                }
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void finished(String node, String by) {
        withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM event_writers WHERE node_id = ? AND shipped_by = ?")) {
                delete.setString(1, node);
                delete.setString(2, by);
                return delete.executeUpdate();
            }
        });
    }
}
