package org.ebrelay.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (each its own pool and group-commit writer) numbering one new conversation at once on one PostgreSQL
 * database: every number once, none skipped, even as both race to create the conversation's counter.
 */
class PostgresOrderingTest {
    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final CpaId CPA = CpaId.of("urn:cpa:ordered");
    private static Database first;
    private static Database second;

    @BeforeAll
    static void open() {
        String url = TestPostgres.newDatabase();
        first = Database.open(TestPostgres.settings(url));
        second = Database.open(TestPostgres.settings(url));
    }

    @AfterAll
    static void close() {
        second.close();
        first.close();
    }

    @Test
    void twoNodesSubmittingToOneConversationTakeEachNumberOnce() throws Exception {
        List<JdbcOrdering> nodes = List.of(new JdbcOrdering(first), new JdbcOrdering(second));
        ConversationId feed = ConversationId.of("shared-feed");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<MessageOrder>> numbers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            JdbcOrdering node = nodes.get(i % 2);
            String key = "m" + i;
            numbers.add(threads.submit(() -> node.insertNumbered(CPA, feed, order -> submitted(key, feed))));
        }
        List<Long> taken = new ArrayList<>();
        for (Future<MessageOrder> n : numbers) {
            taken.add(n.get().sequenceNumber());
        }
        threads.shutdown();

        assertThat(taken).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 60).boxed().toList());
    }

    @Test
    void heldMessagesAreReleasedInSequenceAndAGapSkippedOnPostgresql() {
        JdbcOrdering ordering = new JdbcOrdering(first);
        JdbcMessageStore store = new JdbcMessageStore(first);
        ConversationId feed = ConversationId.of("pg-feed");
        for (long n : new long[] {3, 1, 0}) {
            ordering.register(received(n, feed), MessageOrder.numbered(n), 100);
        }
        assertThat(ordering.held(10)).singleElement().satisfies(g -> assertThat(g.held()).isEqualTo(2));
        assertThat(ordering.reportOverdue(T0.plusSeconds(1), T0.plusSeconds(2))).hasSize(1);

        store.confirm(org.ebrelay.app.port.out.DeliveryId.of("pg-dlv-0"), T0);
        store.confirm(org.ebrelay.app.port.out.DeliveryId.of("pg-dlv-1"), T0);
        assertThat(ordering.skipGap(CPA, feed, "erin", T0).orElseThrow().skippedTo()).isEqualTo(2);

        assertThat(store.listDeliveries(null, false, 10)).extracting(d -> d.id().value())
                .containsExactly("pg-dlv-3");
    }

    private static org.ebrelay.app.port.out.InboundRegistration received(long n, ConversationId feed) {
        MessageHeading heading = new MessageHeading(CPA, feed, MessageId.of("pg-" + n + "@lab"), null,
                PartyId.of("urn:oid:1.2", "HOSPITAL"), PartyId.of("urn:oid:1.2", "LAB"), Service.of(null, "urn:svc"),
                "ADT_A01", T0);
        return new org.ebrelay.app.port.out.InboundRegistration(InternalId.of("pg-in-" + n), heading, T0,
                new WireBytes("text/xml", ("pg " + n).getBytes(StandardCharsets.UTF_8)),
                org.ebrelay.domain.reliability.InboundState.RECEIVED, null, null,
                List.of(new org.ebrelay.app.port.out.NewDelivery(org.ebrelay.app.port.out.DeliveryId.of("pg-dlv-" + n),
                        heading.to(), null)), "received");
    }

    private static SubmittedMessage submitted(String key, ConversationId conversation) {
        MessageHeading heading = new MessageHeading(CPA, conversation, MessageId.of(key + "@hospital"), null,
                PartyId.of("urn:oid:1.2", "HOSPITAL"), PartyId.of("urn:oid:1.2", "LAB"), Service.of(null, "urn:svc"),
                "ADT_A01", T0);
        return new SubmittedMessage(InternalId.of("out-" + key), heading, new DeliveryTerms(true, true, false, 3,
                Duration.ofSeconds(30), Duration.ofHours(1)), null, null, "http://lab/ebms", "\"ebXML\"",
                new WireBytes("text/xml", key.getBytes(StandardCharsets.UTF_8)), T0, T0);
    }
}
