package org.ebrelay.adapter.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.adapter.bank.BankFixtures.outbound;

import java.time.Instant;
import java.util.List;
import org.ebrelay.adapter.jdbc.TestPostgres;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.bank.CpaReport;
import org.ebrelay.app.bank.FeedBatch;
import org.ebrelay.app.bank.FeedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bank's CPA view and the messages' CPA versions on embedded PostgreSQL (bank migrations V20 and V21). */
class PostgresBankCpasTest {
    private static final Instant T0 = Instant.parse("2026-11-22T06:00:00Z");

    BankDatabase db;
    JdbcMessageBank bank;

    @BeforeEach
    void open() {
        db = BankDatabase.open(TestPostgres.newDatabase(), TestPostgres.USER, "", 2);
        bank = new JdbcMessageBank(db, new TestClock(T0), JdbcMessageBank.Settings.defaults());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aNodesCpasAndItsMessagesCpaVersionsAreKept() {
        FeedMessage m = outbound("k1", "H1", "COMPLETE", T0, 1, "m1");
        bank.feed(new FeedBatch("node-a", 1, List.of(new FeedMessage(m.key(), m.direction(), m.state(), m.cpaId(),
                m.conversationId(), m.messageId(), m.hl7Id(), m.from(), m.to(), m.service(), m.serviceType(),
                m.action(), false, 1, T0, T0, null, 1, m.messageIds(), m.wire(), 4, null)), List.of()));
        bank.cpas("node-a", List.of(new CpaReport("cpa-1", "EXPIRING", 4, "c4", "{\"summary\": {\"end\": \"x\"}}")));
        bank.cpas("node-a", List.of(new CpaReport("cpa-1", "ACTIVE", 4, "c4", "{\"summary\": {\"end\": \"y\"}}")));

        assertThat(bank.search(BankQuery.all(), null, 10).items()).singleElement()
                .satisfies(s -> assertThat(s.cpaVersion()).isEqualTo(4));
        assertThat(bank.cpaList()).singleElement().satisfies(c -> {
            assertThat(c.state()).isEqualTo("ACTIVE");
            assertThat(c.summary().path("end").asText()).isEqualTo("y");
        });
    }
}
