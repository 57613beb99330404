package org.ebrelay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.e2e.Observed.eventually;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ebrelay.adapter.bank.Views;
import org.ebrelay.adapter.jdbc.TestPostgres;
import org.ebrelay.app.port.in.DeliveryView;
import org.ebrelay.boot.Gateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster of two hospital nodes, each a process of its own ({@code ebrelay serve}), sharing one embedded PostgreSQL
 * database with Quartz clustered; the lab and a standalone Message Bank run in this JVM. Every lab answer reaches the
 * hospital 400 ms late (a proxy holds it), so messages are in flight when one hospital node is killed like
 * {@code kill -9} mid-load. Both nodes ship to the bank; the second only when it starts, so its whole part of the
 * event log is left for the survivor to ship under its id.
 */
class ClusterFailoverTest {
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final int ORDERS = 40;

    @TempDir
    Path root;
    private String jdbcUrl;
    private TestNode first;
    private TestNode second;
    private TestNode lab;
    private FaultProxy slowLab;
    private BankNodes bank;

    @BeforeEach
    void setUp() {
        jdbcUrl = TestPostgres.newDatabase();
        int labPort = TestNode.freePort();
        slowLab = FaultProxy.to(labPort);
        for (int i = 0; i < 10 * ORDERS; i++) {
            slowLab.then(FaultProxy.Fault.DELAY_RESPONSE, Duration.ofMillis(400));
        }
        int firstPort = TestNode.freePort();
        DemoCpa cpa = DemoCpa.shipped().endpoints(firstPort, slowLab.port()).retries(30, Duration.ofSeconds(1));
        first = new TestNode(root, "hospital-1", DemoCpa.HOSPITAL, firstPort, Duration.ofSeconds(10), null)
                .withCpa(cpa);
        second = new TestNode(root, "hospital-2", DemoCpa.HOSPITAL, TestNode.freePort(), Duration.ofSeconds(10),
                null).withCpa(cpa);
        lab = TestNode.lab(root, labPort).withCpa(cpa);
        bank = new BankNodes(root.resolve("bank"), List.of());
    }

    @Test
    void aNodeKilledMidLoadLeavesNothingStuckAndEveryOrderReachesTheLabExactlyOnce() throws Exception {
        try (Gateway receiver = lab.start(); FaultProxy proxy = slowLab; BankNodes banked = bank;
             NodeProcess one = NodeProcess.startWith(first, yaml(first, "PT0.2S"), null);
             NodeProcess two = NodeProcess.startWith(second, yaml(second, "PT1H"), null)) {
            eventually().untilAsserted(() -> assertThat(schedulerInstances())
                    .as("both nodes joined the Quartz cluster").contains("hospital-1", "hospital-2"));
            List<Hl7Messages.Er7> orders = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orders.add(Hl7Messages.order());
            }
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            ExecutorService submitters = Executors.newFixedThreadPool(4);
            AtomicInteger next = new AtomicInteger();
            List<RestClient> balancer = List.of(new RestClient(one.baseUri()), new RestClient(two.baseUri()));
            for (Hl7Messages.Er7 order : orders) {
                submitters.execute(() -> balancer.get(next.getAndIncrement() % 2)
                        .submit(DemoCpa.ORDER, DemoCpa.LAB, order).ifPresent(id -> accepted.add(order.id())));
            }
            submitters.shutdown();

            eventually(Duration.ofSeconds(60)).until(() -> accepted.size() >= ORDERS / 4 && !claimsOf("hospital-2")
                    .isEmpty());
            two.kill();
            Instant killed = Instant.now();
            Map<String, Long> heldByTheDead = claimsOf("hospital-2");
            assertThat(submitters.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            RestClient survivor = balancer.get(0);
            eventually(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(hl7Ids(survivor.messagesInState("COMPLETE"))).containsAll(accepted);
                for (String unsettled : List.of("QUEUED", "SENDING", "AWAITING_ACK", "RETRYING")) {
                    assertThat(survivor.messagesInState(unsettled)).as(unsettled).isEmpty();
                }
            });

            assertThat(heldByTheDead).as("messages in flight on the killed node").isNotEmpty();
            assertThat(claimsOf("hospital-2")).as("claims left to the dead node").isEmpty();
            for (Map.Entry<String, Long> claim : heldByTheDead.entrySet()) {
                assertThat(takeOvers(claim.getKey())).as("%s taken over by hospital-1, after its lease", claim.getKey())
                        .isNotEmpty().allMatch(at -> at >= claim.getValue());
            }
            assertThat(sendsStartedBy()).as("both nodes sent").containsKeys("hospital-1", "hospital-2");
            Map<String, Long> sent = countBy(hl7Ids(survivor.messagesInState("COMPLETE")));
            assertThat(sent.values()).as("each submission stored once").allMatch(n -> n == 1);
            Map<String, Long> delivered = countBy(receiver.inbox().list(null, true).stream()
                    .map(DeliveryView::hl7MessageId).toList());
            assertThat(delivered.keySet()).as("delivered: every accepted order, and the in-doubt ones that were stored")
                    .containsAll(accepted).isEqualTo(sent.keySet());
            assertThat(delivered).as("nothing delivered twice")
                    .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));
            eventually(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(schedulerInstances())
                    .as("the Quartz cluster recovered the dead node's share").containsExactly("hospital-1"));

            eventually(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(bankedTimelines())
                    .as("the bank holds every event once, under the node that wrote it, in its message's timeline")
                    .isEqualTo(loggedTimelines()));
            assertThat(loggedTimelines().values()).flatMap(events -> events)
                    .as("events of both nodes").anyMatch(e -> e.startsWith("hospital-2:"))
                    .anyMatch(e -> e.startsWith("hospital-1:"));
            assertThat(bank.messagesOf("hospital-2")).as("hospital-2 shipped only when it started, before it wrote"
                    + " anything: the survivor banked its part").isNotEmpty();
            Views.Node dead = bank.bank().nodes().stream().filter(n -> n.node().equals("hospital-2")).findFirst()
                    .orElseThrow();
            assertThat(dead.lastContact()).as("the survivor's shipping is not the dead node's contact")
                    .isBefore(killed);
        }
    }

    private String yaml(TestNode node, String shipInterval) {
        return yaml(node) + "bank:\n"
                + "  url: \"" + bank.url() + "\"\n"
                + "  shipInterval: " + shipInterval + "\n"
                + "  gapWait: PT2S\n";
    }

    /** Every message's events in the shared log, as writer:sequence, by message key. */
    private Map<String, Set<String>> loggedTimelines() throws SQLException {
        Map<String, Set<String>> timelines = new TreeMap<>();
        query("SELECT message_key, node_id, seq FROM message_events", rows -> timelines
                .computeIfAbsent(rows.getString(1), k -> new TreeSet<>()).add(rows.getString(2) + ":" + rows.getLong(3)));
        return timelines;
    }

    /** The same from the bank; a message banked twice (under two nodes) shows as such. */
    private Map<String, Set<String>> bankedTimelines() {
        Map<String, Set<String>> timelines = new TreeMap<>();
        for (String node : List.of("hospital-1", "hospital-2")) {
            for (Views.MessageDetail message : bank.messagesOf(node)) {
                Set<String> events = new TreeSet<>();
                message.events().stream().filter(e -> e.sequence() != null)
                        .forEach(e -> events.add(e.node() + ":" + e.sequence()));
                if (timelines.put(message.summary().key(), events) != null) {
                    timelines.put(message.summary().key(), Set.of("banked twice"));
                }
            }
        }
        return timelines;
    }

    private String yaml(TestNode node) {
        return "node:\n"
                + "  id: " + node.name() + "\n"
                + "  parties: [\"" + node.party() + "\"]\n"
                + "http:\n"
                + "  host: 127.0.0.1\n"
                + "  port: " + node.port() + "\n"
                + "  responseTimeout: PT10S\n"
                + "storage:\n"
                + "  dataDir: \"" + node.dataDir().toAbsolutePath() + "\"\n"
                + "  jdbcUrl: \"" + jdbcUrl + "\"\n"
                + "  user: " + TestPostgres.USER + "\n"
                + "  poolSize: 6\n"
                + "cpa:\n"
                + "  dir: \"" + node.cpaDir().toAbsolutePath() + "\"\n"
                + "reliability:\n"
                + "  claimLease: " + LEASE + "\n"
                + "cluster:\n"
                + "  enabled: true\n"
                + "  checkinInterval: PT2S\n";
    }

    /** The messages a node holds claimed while sending: internal id and the end of the lease. */
    private Map<String, Long> claimsOf(String node) throws SQLException {
        Map<String, Long> claims = new HashMap<>();
        query("SELECT id, claim_until FROM outbound_messages WHERE claim_node = ? AND state = 'SENDING'",
                rows -> claims.put(rows.getString(1), rows.getLong(2)), node);
        return claims;
    }

    /** When hospital-1 started sending a message again. */
    private List<Long> takeOvers(String id) throws SQLException {
        List<Long> times = new ArrayList<>();
        query("SELECT event_time FROM message_events WHERE message_key = ? AND event_type = 'SEND_STARTED'"
                + " AND detail LIKE '%by node hospital-1%'", rows -> times.add(rows.getLong(1)), id);
        return times;
    }

    private Map<String, Long> sendsStartedBy() throws SQLException {
        List<String> nodes = new ArrayList<>();
        query("SELECT detail FROM message_events WHERE event_type = 'SEND_STARTED'",
                rows -> nodes.add(rows.getString(1).replaceAll(".*by node (\\S+).*", "$1")));
        return countBy(nodes);
    }

    private List<String> schedulerInstances() throws SQLException {
        List<String> instances = new ArrayList<>();
        query("SELECT instance_name FROM qrtz_scheduler_state", rows -> instances.add(rows.getString(1)));
        return instances;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, RowReader reader, String... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    private static List<String> hl7Ids(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("hl7MessageId").asText()).toList();
    }

    private static Map<String, Long> countBy(List<String> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }
}
