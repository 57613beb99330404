package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ebrelay.app.bank.LogEntry;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SettleResult;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Nodes of two adjacent releases side by side on one PostgreSQL database during a rolling upgrade. The next release
 * is stood in for by a test migration ({@code db/next-version}) that follows the rule: it only adds. A node of this
 * release keeps working while the schema moves under it, and another starts on the migrated schema (Flyway leaves
 * the migration it does not know alone: it is a future one). And the real case of migration 22: a node of the
 * release before it, which appends events without naming a node, beside a node that records itself as their writer.
 */
class RollingUpgradeTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final NodeId RUNNING = NodeId.of("node-running");
    private static final NodeId STARTED_AFTER = NodeId.of("node-started-after");

    @Test
    void aNodeKeepsWorkingWhileTheNextReleaseMigratesAndAnotherStartsOnTheMigratedSchema() {
        String url = TestPostgres.newDatabase();
        try (Database running = Database.open(TestPostgres.settings(url))) {
            MessageStore before = new JdbcMessageStore(running);
            before.insert(message("before-upgrade"));

            int applied = nextRelease(running).migrate().migrationsExecuted;

            assertThat(applied).as("the next release's migration ran").isEqualTo(1);
            before.insert(message("during-upgrade"));
            try (Database startedAfter = Database.open(TestPostgres.settings(url))) {
                MessageStore after = new JdbcMessageStore(startedAfter);
                after.insert(message("after-upgrade"));

                List<ClaimedMessage> claimedByRunning = before.claimDue(RUNNING, T0, T0.plusSeconds(60), 2);
                List<ClaimedMessage> claimedByNew = after.claimDue(STARTED_AFTER, T0, T0.plusSeconds(60), 10);

                assertThat(claimedByRunning).hasSize(2);
                assertThat(claimedByNew).hasSize(1);
                for (ClaimedMessage claimed : claimedByRunning) {
                    assertThat(after.acknowledge(claimed.heading().messageId(), T0.plusSeconds(1), "ack"))
                            .extracting(SettleResult::outcome).isEqualTo(SettleResult.Outcome.SETTLED);
                }
                assertThat(before.acknowledge(claimedByNew.get(0).heading().messageId(), T0.plusSeconds(1), "ack"))
                        .extracting(SettleResult::outcome).isEqualTo(SettleResult.Outcome.SETTLED);
            }
        }
    }

    @Test
    void aNodeOfTheReleaseBeforeWritersWereRecordedKeepsAppendingEventsBesideANodeOfThisRelease()
            throws SQLException {
        String url = TestPostgres.newDatabase();
        Flyway.configure().dataSource(url, TestPostgres.USER, "").locations("classpath:db/migration/postgresql")
                .javaMigrations(new QuartzTablesMigration("tables_postgres.sql")).target("18").load().migrate();
        try (Connection previousRelease = DriverManager.getConnection(url, TestPostgres.USER, "")) {
            appendAsThePreviousReleaseDoes(previousRelease, "old-1");
            try (Database current = Database.open(TestPostgres.settings(NodeTaggedUrl.of(url, "node-new")))) {
                new JdbcMessageStore(current).insert(message("new-1"));
                appendAsThePreviousReleaseDoes(previousRelease, "old-2");

                List<LogEntry> log = new JdbcBankOutbox(current, true).entriesAfter(0, 10);

                assertThat(log).extracting(e -> e.event().key() + "=" + e.writer())
                        .containsExactly("old-1=null", "out-new-1=node-new", "old-2=null");
            }
        }
    }

    /** The statement by which the release before migration 22 appends an event: it names no node. */
    private static void appendAsThePreviousReleaseDoes(Connection connection, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message_events (message_key,"
                + " direction, event_time, event_type, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, key);
            insert.setString(2, "OUTBOUND");
            insert.setLong(3, T0.toEpochMilli());
            insert.setString(4, "NOTE");
            insert.setString(5, null);
            insert.setString(6, null);
            insert.setString(7, "written by the release before");
            insert.executeUpdate();
        }
    }

    /** Flyway as the next release runs it: this release's migrations and the next one's. */
    private static Flyway nextRelease(Database database) {
        return Flyway.configure().dataSource(database.dataSource())
                .locations("classpath:db/migration/postgresql", "classpath:db/next-version")
                .javaMigrations(new QuartzTablesMigration("tables_postgres.sql")).load();
    }

    private static SubmittedMessage message(String key) {
        MessageHeading heading = new MessageHeading(CpaId.of("cpa-1"), ConversationId.of("conv-" + key),
                MessageId.of(key + "@hospital.example"), "HL7-" + key, PartyId.untyped("urn:example:hospital"),
                PartyId.untyped("urn:example:lab"), Service.of(null, "urn:example:hl7"), "ORM_O01", T0);
        return new SubmittedMessage(InternalId.of("out-" + key), heading,
                new DeliveryTerms(true, true, true, 3, Duration.ofSeconds(30), Duration.ofHours(1)),
                T0.plus(Duration.ofHours(1)), null, "http://lab.example/ebms", "ebXML",
                new WireBytes("text/xml", ("wire of " + key).getBytes()), T0, T0);
    }
}
