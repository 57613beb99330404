package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * the migration it does not know alone: it is a future one).
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
