package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wake-up queries read only the due range of their index, already in order, so their cost grows with what is
 * due and not with what waits (issue 4: a million messages in slow retry must not slow a wake-up down).
 */
class QueryPlanTest {
    @TempDir
    Path dataDir;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT));
        JdbcMessageStore store = new JdbcMessageStore(database);
        for (int i = 0; i < 20; i++) {
            store.insert(CommittingChild.message("m" + i));
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void claimingReadsTheDueRangeOfTheDueIndexInOrder() throws SQLException {
        String plan = explain(OutboundRows.DUE_CANDIDATES, 3);

        assertThat(plan).contains("OUTBOUND_DUE: NEXT_ATTEMPT_AT >= 0").contains("NEXT_ATTEMPT_AT <= ")
                .contains("index sorted");
    }

    @Test
    void claimingWithPacedPartnersLeftOutStillReadsTheDueRangeOfTheDueIndexInOrder() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + OutboundRows.dueCandidates(2))) {
            long now = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
            explain.setLong(1, now);
            explain.setLong(2, now);
            explain.setString(3, "http://lab.example/ebms");
            explain.setString(4, "http://pharmacy.example/ebms");
            explain.setInt(5, 10);
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                assertThat(rows.getString(1)).contains("OUTBOUND_DUE: NEXT_ATTEMPT_AT >= 0")
                        .contains("NEXT_ATTEMPT_AT <= ").contains("NOT IN").contains("index sorted");
            }
        }
    }

    @Test
    void claimingDoesNotReadThroughFinishedMessages() throws SQLException {
        finishAllMessages();

        String plan = explain("EXPLAIN ANALYZE", OutboundRows.DUE_CANDIDATES, 3);

        assertThat(plan).contains("scanCount: 1 ");
    }

    @Test
    void aWakeUpReadsOnlyTheDueMessagesNotThoseWaitingInSlowRetry() throws SQLException {
        long now = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement waiting = connection.prepareStatement(
                     "UPDATE outbound_messages SET state = 'SLOW_RETRY', next_attempt_at = ?");
             PreparedStatement due = connection.prepareStatement(
                     "UPDATE outbound_messages SET next_attempt_at = ? WHERE id IN ('m3', 'm7')")) {
            waiting.setLong(1, now + 3_600_000);
            waiting.executeUpdate();
            due.setLong(1, now - 1_000);
            assertThat(due.executeUpdate()).isEqualTo(2);
        }

        String plan = explain("EXPLAIN ANALYZE", OutboundRows.DUE_CANDIDATES, 3);

        assertThat(plan).as("2 due rows read, not the 18 waiting: %s", plan).contains("scanCount: 3 ");
    }

    @Test
    void theNextDueTimeIsTheFirstEntryOfTheDueRange() throws SQLException {
        assertThat(explain(OutboundRows.NEXT_DUE, 0)).contains("OUTBOUND_DUE: NEXT_ATTEMPT_AT >= ")
                .contains("index sorted");
    }

    @Test
    void theNextDueTimeDoesNotReadThroughFinishedMessages() throws SQLException {
        finishAllMessages();

        String plan = explain("EXPLAIN ANALYZE", OutboundRows.NEXT_DUE, 0);

        assertThat(plan).contains("scanCount: 1 ");
    }

    @Test
    void duePushesReadTheDueRangeOfThePushIndexInOrder() throws SQLException {
        String plan = explain(DeliveryRows.DUE_PUSHES, 2);

        assertThat(plan).contains("DELIVERIES_PUSH: NEXT_PUSH_AT >= 0").contains("NEXT_PUSH_AT <= ")
                .contains("index sorted");
    }

    /** Finished messages have no due time; H2 sorts those NULLs first in the due index. */
    private void finishAllMessages() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement finish = connection.prepareStatement(
                     "UPDATE outbound_messages SET state = 'COMPLETE', next_attempt_at = NULL")) {
            assertThat(finish.executeUpdate()).isEqualTo(20);
        }
    }

    private String explain(String sql, int parameters) throws SQLException {
        return explain("EXPLAIN", sql, parameters);
    }

    private String explain(String how, String sql, int parameters) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement explain = connection.prepareStatement(how + " " + sql)) {
            long now = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
            for (int i = 1; i <= parameters; i++) {
                explain.setLong(i, i == parameters && parameters > 1 ? 10 : now);
            }
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
