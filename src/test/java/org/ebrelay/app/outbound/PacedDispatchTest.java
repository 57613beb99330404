package org.ebrelay.app.outbound;

import org.ebrelay.adapter.jdbc.Database;
import org.ebrelay.adapter.jdbc.DatabaseSettings;
import org.ebrelay.adapter.jdbc.Durability;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.soap.EbmsDecoder;
import org.ebrelay.adapter.soap.SoapCodec;
import org.ebrelay.app.PendingReplies;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.inbound.SignalHandler;
import org.ebrelay.app.outbound.pacing.BreakerSettings;
import org.ebrelay.app.outbound.pacing.PacingPolicy;
import org.ebrelay.app.outbound.pacing.PacingSettings;
import org.ebrelay.app.outbound.pacing.PartnerGate;
import org.ebrelay.app.UuidIdGenerator;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.PartnerTransport;
import org.ebrelay.app.port.out.SendOutcome;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.retry.SlowRetryResolver;
import org.ebrelay.domain.retry.SlowRetrySettings;
import org.ebrelay.domain.retry.TimeToLiveRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dispatcher with per-partner pacing, on the real H2 store, against scripted partners, on a clock the test moves
 * in steps of 100 ms, each step only once the dispatcher has done all it may do at that instant (so the simulated
 * schedule does not depend on how fast this machine is).
 */
class PacedDispatchTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration STEP = Duration.ofMillis(100);
    private static final String LAB = "http://lab.example/ebms";
    private static final String PHARMACY = "http://pharmacy.example/ebms";
    private static final int RATE = 100;
    private static final int BURST = 20;
    private static final int THRESHOLD = 5;

    private final TestClock clock = new TestClock(T0);
    private final Partners partners = new Partners();
    private final List<String> breakerEvents = new CopyOnWriteArrayList<>();
    /** H2 in memory: the same store and SQL, without a disk commit per change (10,000 messages, several each). */
    private final Database database = Database.open(new DatabaseSettings("jdbc:h2:mem:paced-"
            + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "",
            DatabaseSettings.DEFAULT_POOL_SIZE, Durability.COMMIT));
    private JdbcMessageStore store;
    private PartnerGate gate;
    private OutboundDispatcher dispatcher;
    private PartnerTransport transport = partners;

    private static PacingSettings pacing(int maxConcurrent, int rate, int burst) {
        return new PacingSettings(maxConcurrent, rate, burst,
                new BreakerSettings(THRESHOLD, Duration.ofSeconds(5), Duration.ofMinutes(1)));
    }

    private void start(int maxConcurrent) {
        start(pacing(maxConcurrent, RATE, BURST));
    }

    private void start(PacingSettings pacing) {
        store = new JdbcMessageStore(database);
        gate = new PartnerGate(clock, PacingPolicy.of(pacing), new PartnerGate.Listener() {
            @Override
            public void breakerOpened(String endpointUrl, Instant at, Instant probeAt, int failures) {
                breakerEvents.add("opened " + endpointUrl + " at +" + seconds(at));
            }

            @Override
            public void breakerClosed(String endpointUrl, Instant at) {
                breakerEvents.add("closed " + endpointUrl + " at +" + seconds(at));
            }
        });
        SoapCodec codec = new SoapCodec(new EbmsDecoder());
        dispatcher = new OutboundDispatcher(store, transport, codec,
                new SignalHandler(store, new PendingReplies(clock, Duration.ofMinutes(1))),
                RetrySetup.defaults(new UuidIdGenerator("node-test"), new TimeToLiveRule())
                        .withSlowRetry(SlowRetryResolver.of(SlowRetrySettings.DEFAULTS.withEnabled(false))),
                clock, NodeId.of("node-test"), new DispatchSettings(64, 128, Duration.ofMinutes(2),
                Duration.ofSeconds(5), Duration.ofMillis(20)), OutboundListener.NONE, gate);
        dispatcher.start();
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        database.close();
    }

    @Test
    void aBacklogOfTenThousandDrainsAtTheConfiguredRateAndAllComplete() throws SQLException {
        backlog("lab-", LAB, 10_000);
        start(pacing(16, 500, 50));

        runUntil(() -> partners.attempts().size() == 10_000, Duration.ofMinutes(1));

        List<Instant> times = partners.attempts().stream().map(Attempt::at).toList();
        assertThat(mostInAnySecond(times)).as("attempts in any simulated second").isLessThanOrEqualTo(500 + 50);
        assertThat(Duration.between(T0, times.get(times.size() - 1)))
                .as("(10,000 - burst) / rate = 19.9 s: a steady drain, not all at once")
                .isBetween(Duration.ofMillis(19_500), Duration.ofMillis(20_500));
        awaitCount("COMPLETE", 10_000);
        assertThat(breakerEvents).isEmpty();
    }

    @Test
    void aPartnerThatGoesDownMidDrainStopsTheDrainWithinTheThresholdAndTheWaitingMessagesKeepTheirRetries()
            throws SQLException {
        backlog("lab-", LAB, 2_000);
        start(4);
        runUntil(() -> partners.attempts().size() >= 500, Duration.ofMinutes(1));
        int before = partners.attempts().size();
        partners.down.add(LAB);

        runUntil(() -> false, Duration.ofSeconds(12));

        List<Attempt> afterDown = partners.attempts().subList(before, partners.attempts().size());
        Instant down = afterDown.get(0).at();
        List<Attempt> beforeProbe = afterDown.stream().filter(a -> a.at().isBefore(down.plusSeconds(5))).toList();
        assertThat(beforeProbe.size()).as("failures before the breaker stopped the drain (up to 3 already under way)")
                .isBetween(THRESHOLD, THRESHOLD + 3);
        assertThat(afterDown.subList(beforeProbe.size(), afterDown.size())).as("one probe after the cool-down")
                .extracting(Attempt::at).containsExactly(down.plusSeconds(5));
        assertThat(breakerEvents).containsExactly("opened " + LAB + " at +" + seconds(down),
                "opened " + LAB + " at +" + seconds(down.plusSeconds(5)));
        assertThat(countWithAttemptsInState(0, "QUEUED")).as("the held backlog: not attempted, no retry used")
                .isEqualTo(2_000 - before - afterDown.size());

        partners.down.remove(LAB);
        runUntil(() -> partners.attempts().size() == 2_000 + afterDown.size(), Duration.ofMinutes(1));

        assertThat(breakerEvents).last().isEqualTo("closed " + LAB + " at +" + seconds(down.plusSeconds(15)));
        awaitCount("COMPLETE", 2_000);
        assertThat(mostInAnySecond(partners.attempts().stream().map(Attempt::at).toList()))
                .isLessThanOrEqualTo(RATE + BURST);
    }

    @Test
    void anotherPartnersMessagesAreNotHeldUpByTheFirstOnesOpenBreaker() throws SQLException {
        backlog("lab-", LAB, 1_000);
        backlog("pharmacy-", PHARMACY, 300);
        partners.down.add(LAB);
        start(4);

        runUntil(() -> partners.succeeded(PHARMACY) == 300, Duration.ofSeconds(10));

        assertThat(Duration.between(T0, clock.instant())).as("(300 - burst) / rate: paced, but not held")
                .isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(partners.attempts()).filteredOn(a -> a.endpoint().equals(LAB)).hasSizeBetween(THRESHOLD,
                THRESHOLD + 3);
        assertThat(gate.partners()).extracting(p -> p.endpointUrl() + " " + p.breaker())
                .containsExactlyInAnyOrder(LAB + " OPEN", PHARMACY + " CLOSED");
        awaitCount("COMPLETE", 300);
    }

    @Test
    void messagesClaimedBeforeTheCircuitOpenedAreHandedBackUnattemptedDueAtTheProbe() throws SQLException {
        backlog("lab-", LAB, 4);
        CompletableFuture<SendOutcome> first = new CompletableFuture<>();
        SendOutcome refused = new SendOutcome.RetryableFailure("connection refused", null);
        transport = (endpoint, message, timeout) -> {
            if (!first.isDone() && partners.attempts().isEmpty()) {
                partners.attempts.add(new Attempt(LAB, clock.instant(), true));
                return first; // still under way while the dispatcher takes the next claimed message
            }
            partners.attempts.add(new Attempt(LAB, clock.instant(), true));
            first.complete(refused); // the first send fails: the circuit opens (threshold 1) before the third goes
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.openBreakers() == 1);
            return CompletableFuture.completedFuture(refused);
        };
        start(new PacingSettings(4, 0, 1, new BreakerSettings(1, Duration.ofSeconds(5), Duration.ofMinutes(1))));

        awaitCount("QUEUED", 2);
        awaitCount("RETRYING", 2);

        assertThat(partners.attempts()).hasSize(2);
        assertThat(countWithAttemptsInState(0, "QUEUED")).as("their attempt not counted").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM outbound_messages WHERE state = 'QUEUED' AND next_attempt_at = "
                + T0.plusSeconds(5).toEpochMilli())).as("due when the probe may go").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM message_events WHERE message_key IN ('lab-2', 'lab-3')"
                + " AND event_type = 'CLAIM_RELEASED' AND detail LIKE 'held back: circuit open until%'"))
                .isEqualTo(2);
    }

    /** Steps the clock, each step once the dispatcher is done at the current instant, until {@code done} or the limit. */
    private void runUntil(BooleanSupplier done, Duration limit) {
        Instant end = clock.instant().plus(limit);
        while (clock.instant().isBefore(end)) {
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                    .until(this::nothingMoreToDoNow);
            if (done.getAsBoolean()) {
                return;
            }
            clock.advance(STEP);
            dispatcher.wake();
        }
    }

    /** No send is under way and every partner with due messages is held back by its gate. */
    private boolean nothingMoreToDoNow() throws SQLException {
        if (gate.partners().stream().anyMatch(p -> p.inFlight() > 0)) {
            return false;
        }
        for (String endpoint : List.of(LAB, PHARMACY)) {
            if (gate.room(endpoint) > 0 && count("SELECT COUNT(*) FROM (SELECT 1 FROM outbound_messages"
                    + " WHERE next_attempt_at BETWEEN 0 AND " + clock.instant().toEpochMilli()
                    + " AND endpoint_url = '" + endpoint + "' AND state <> 'SENDING' LIMIT 1)") > 0) {
                return false;
            }
        }
        return true;
    }

    private static int mostInAnySecond(List<Instant> times) {
        List<Instant> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int most = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (!sorted.get(first).plusSeconds(1).isAfter(sorted.get(last))) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private void awaitCount(String state, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT COUNT(*) FROM outbound_messages WHERE state = '" + state + "'") == expected);
    }

    private long countWithAttemptsInState(int attempts, String state) throws SQLException {
        return count("SELECT COUNT(*) FROM outbound_messages WHERE attempts = " + attempts + " AND state = '"
                + state + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement select = c.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String seconds(Instant at) {
        return Duration.between(T0, at).toMillis() / 1000.0 + "s";
    }

    /**
     * {@code n} QUEUED messages due at T0: the first stored by the store, the others copied from it in one statement
     * (storing 10,000 one by one would take most of the test's time), each with its own id and MessageId.
     */
    private void backlog(String prefix, String endpoint, int n) throws SQLException {
        new JdbcMessageStore(database).insert(message(prefix + 0, endpoint));
        try (Connection c = database.dataSource().getConnection()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rows = c.getMetaData().getColumns(null, null, "OUTBOUND_MESSAGES", null)) {
                while (rows.next()) {
                    columns.add(rows.getString("COLUMN_NAME"));
                }
            }
            String copied = columns.stream().map(column -> switch (column) {
                case "ID" -> "'" + prefix + "' || CAST(r.X AS VARCHAR)";
                case "MESSAGE_ID" -> "'" + prefix + "' || CAST(r.X AS VARCHAR) || '@paced.example'";
                default -> "t." + column;
            }).collect(java.util.stream.Collectors.joining(", "));
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO outbound_messages ("
                    + String.join(", ", columns) + ") SELECT " + copied
                    + " FROM outbound_messages t, SYSTEM_RANGE(1, " + (n - 1) + ") r WHERE t.id = ?")) {
                copy.setString(1, prefix + 0);
                assertThat(copy.executeUpdate()).isEqualTo(n - 1);
            }
            try (PreparedStatement copy = c.prepareStatement("INSERT INTO outbound_wire (message_key, content_type,"
                    + " wire) SELECT '" + prefix + "' || CAST(r.X AS VARCHAR), w.content_type, w.wire"
                    + " FROM outbound_wire w, SYSTEM_RANGE(1, " + (n - 1) + ") r WHERE w.message_key = ?")) {
                copy.setString(1, prefix + 0);
                assertThat(copy.executeUpdate()).isEqualTo(n - 1);
            }
        }
    }

    private static SubmittedMessage message(String key, String endpoint) {
        MessageHeading heading = new MessageHeading(CpaId.of("cpa"), ConversationId.of("conv-" + key),
                MessageId.of(key + "@paced.example"), null, PartyId.untyped("urn:a"), PartyId.untyped("urn:b"),
                Service.of(null, "urn:s"), "A", T0);
        return new SubmittedMessage(InternalId.of(key), heading,
                new DeliveryTerms(false, false, false, 10, Duration.ofSeconds(2), Duration.ofHours(1)), null, null,
                endpoint, "\"ebXML\"", new WireBytes("text/xml", ("<p>" + key + "</p>").getBytes(StandardCharsets.UTF_8)),
                T0, T0);
    }

    private record Attempt(String endpoint, Instant at, boolean failed) {
    }

    /** The partners' MSHs: each answers 204 at once, or refuses the connection while it is down. */
    private final class Partners implements PartnerTransport {
        final Set<String> down = ConcurrentHashMap.newKeySet();
        private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());

        List<Attempt> attempts() {
            synchronized (attempts) {
                return List.copyOf(attempts);
            }
        }

        long succeeded(String endpoint) {
            return attempts().stream().filter(a -> a.endpoint().equals(endpoint) && !a.failed()).count();
        }

        @Override
        public CompletableFuture<SendOutcome> send(URI endpoint, WireMessage message, Duration timeout) {
            boolean failed = down.contains(endpoint.toString());
            attempts.add(new Attempt(endpoint.toString(), clock.instant(), failed));
            return CompletableFuture.completedFuture(failed
                    ? new SendOutcome.RetryableFailure("connection refused", null)
                    : new SendOutcome.Answered(204, null));
        }
    }
}
