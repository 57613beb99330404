package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes' pools on one PostgreSQL database: who wrote each event, and who ships a dead node's part. */
class PostgresEventWritersTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final String CLUSTER = "ebrelay-cluster";

    private String url;
    private Database nodeA;
    private Database nodeB;
    private JdbcEventWriters writersA;
    private JdbcEventWriters writersB;

    @BeforeEach
    void open() {
        url = TestPostgres.newDatabase();
        nodeA = Database.open(TestPostgres.settings(NodeTaggedUrl.of(url, "node-a")));
        nodeB = Database.open(TestPostgres.settings(NodeTaggedUrl.of(url, "node-b")));
        writersA = new JdbcEventWriters(nodeA, CLUSTER, Duration.ofSeconds(30));
        writersB = new JdbcEventWriters(nodeB, CLUSTER, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void everyEventRecordsTheNodeWhoseConnectionWroteIt() throws SQLException {
        new JdbcMessageStore(nodeA).insert(message("a1"));
        new JdbcMessageStore(nodeB).insert(message("b1"));

        assertThat(strings("SELECT message_key || '=' || node_id FROM message_events ORDER BY seq"))
                .containsExactly("out-a1=node-a", "out-b1=node-b");
    }

    @Test
    void aNodesPartStartsAfterTheEventsWrittenBeforeItRegistered() {
        new JdbcMessageStore(nodeA).insert(message("a1"));
        new JdbcMessageStore(nodeA).insert(message("a2"));

        writersB.register("node-b", T0);

        assertThat(writersA.writer("node-b").startSequence()).isEqualTo(2);
    }

    @Test
    void ofTwoSurvivorsTryingAtOnceExactlyOneTakesADeadNodesPartOver() throws Exception {
        writersA.register("node-c", T0);
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Boolean> byA = CompletableFuture.supplyAsync(() -> takeOver(writersA, "node-a", go));
        CompletableFuture<Boolean> byB = CompletableFuture.supplyAsync(() -> takeOver(writersB, "node-b", go));
        go.countDown();

        assertThat(List.of(byA.get(), byB.get())).containsExactlyInAnyOrder(true, false);
        String winner = byA.get() ? "node-a" : "node-b";
        assertThat(writersA.writer("node-c").shippedBy()).isEqualTo(winner);
        assertThat(writersB.takeOver("node-c", null, "node-b", T0)).as("nobody takes it from the winner by mistake")
                .isFalse();
    }

    @Test
    void aNodeThatRegistersAgainTakesItsPartBackAndKeepsItsStart() {
        writersA.register("node-c", T0);
        long start = writersA.writer("node-c").startSequence();
        writersA.takeOver("node-c", null, "node-a", T0);
        new JdbcMessageStore(nodeA).insert(message("a1"));

        writersB.register("node-c", T0.plusSeconds(60));

        assertThat(writersA.writer("node-c").shippedBy()).isNull();
        assertThat(writersA.writer("node-c").startSequence()).isEqualTo(start);
    }

    @Test
    void aNodeIsAliveWhileItChecksInToTheQuartzClusterAndDeadAfterItsIntervalAndQuartzsGrace() throws SQLException {
        writersA.register("node-a", T0.minusSeconds(600));
        checkIn("node-a", T0, 5_000);
        writersA.register("node-new", T0);

        assertThat(writersA.alive(T0.plusSeconds(12))).containsExactlyInAnyOrder("node-a", "node-new");
        assertThat(writersA.alive(T0.plusSeconds(13))).as("5 s interval + 7.5 s grace passed")
                .containsExactly("node-new");
        assertThat(writersA.alive(T0.plusSeconds(31))).as("registered, never checked in").isEmpty();
    }

    private static boolean takeOver(JdbcEventWriters writers, String by, CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return writers.takeOver("node-c", null, by, T0);
    }

    private void checkIn(String node, Instant at, long interval) throws SQLException {
        try (Connection c = nodeA.dataSource().getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO qrtz_scheduler_state (sched_name,"
                     + " instance_name, last_checkin_time, checkin_interval) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, CLUSTER);
            insert.setString(2, node);
            insert.setLong(3, at.toEpochMilli());
            insert.setLong(4, interval);
            insert.executeUpdate();
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = nodeA.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
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
