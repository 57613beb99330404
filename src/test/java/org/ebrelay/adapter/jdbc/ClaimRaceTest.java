package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claim's compare-and-set on H2, with the interleavings forced by hand on two connections. */
class ClaimRaceTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final InternalId ID = InternalId.of("out-1");

    @TempDir
    Path dataDir;
    private Database database;

    @BeforeEach
    void storeOneDueMessage() {
        database = Database.open(DatabaseSettings.h2File(dataDir, Durability.COMMIT));
        MessageHeading heading = new MessageHeading(CpaId.of("cpa"), ConversationId.of("c"), MessageId.of("m@x"),
                null, PartyId.untyped("urn:a"), PartyId.untyped("urn:b"), Service.of(null, "urn:s"), "A", NOW);
        new JdbcMessageStore(database).insert(new SubmittedMessage(ID, heading,
                new DeliveryTerms(true, true, false, 1, Duration.ofSeconds(30), null), null, null, "http://b",
                "ebXML", new WireBytes("text/xml", "x".getBytes(StandardCharsets.UTF_8)), NOW, NOW));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aClaimOnAStateSeenBeforeAnotherNodeCommittedItsClaimFails() throws SQLException {
        try (Connection late = begin(); Connection early = begin()) {
            assertThat(OutboundRows.claim(early, ID, OutboundState.QUEUED, NodeId.of("early"), NOW, lease()))
                    .isTrue();
            early.commit();

            assertThat(OutboundRows.claim(late, ID, OutboundState.QUEUED, NodeId.of("late"), NOW, lease()))
                    .isFalse();
            late.commit();
        }
    }

    @Test
    void aClaimWaitingForTheOtherClaimsRowLockFailsOnceThatClaimCommits() throws Exception {
        try (Connection early = begin(); Connection late = begin()) {
            assertThat(OutboundRows.claim(early, ID, OutboundState.QUEUED, NodeId.of("early"), NOW, lease()))
                    .isTrue();
            CompletableFuture<Boolean> lateClaim = CompletableFuture.supplyAsync(() -> claimQuietly(late));
            await().atMost(Duration.ofSeconds(10)).until(this::aSessionIsBlocked);
            early.commit();

            assertThat(lateClaim.get(20, TimeUnit.SECONDS)).isFalse();
            late.commit();
        }
    }

    private boolean aSessionIsBlocked() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private boolean claimQuietly(Connection connection) {
        try {
            return OutboundRows.claim(connection, ID, OutboundState.QUEUED, NodeId.of("late"), NOW, lease());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection begin() throws SQLException {
        Connection connection = database.dataSource().getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    private static Instant lease() {
        return NOW.plusSeconds(60);
    }
}
