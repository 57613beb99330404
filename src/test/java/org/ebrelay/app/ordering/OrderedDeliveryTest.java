package org.ebrelay.app.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.adapter.jdbc.JdbcOrdering;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.notify.AdminNotice;
import org.ebrelay.app.notify.AdminNoticeText;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.DuplicateCheck;
import org.ebrelay.app.port.out.InboundRegistration;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewDelivery;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.MessageOrder;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.message.Service;
import org.ebrelay.domain.reliability.InboundState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The receiver's limits on a fake clock: a gap held too long or behind too many messages is told, once. */
class OrderedDeliveryTest extends WithDatabase {
    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final CpaId CPA = CpaId.of("urn:cpa:ordered");
    private static final ConversationId FEED = ConversationId.of("adt-feed");
    private static final PartyId HOSPITAL = PartyId.of("urn:oid:1.2", "HOSPITAL");

    private final TestClock clock = new TestClock(T0);
    private final List<AdminNotice> told = new ArrayList<>();
    private OrderedDelivery ordering;

    @BeforeEach
    void start() {
        ordering = new OrderedDelivery(new JdbcOrdering(database), new OrderingLimits(3, Duration.ofMinutes(10)),
                told::add, clock);
    }

    @Test
    void aGapHeldLongerThanTheLimitIsToldToTheAdministratorsOnceNamingTheMissingNumber() {
        receive(0);
        new JdbcMessageStore(database).confirm(DeliveryId.of("dlv-0"), clock.instant());
        receive(2);
        clock.advance(Duration.ofMinutes(9));
        assertThat(ordering.reportOverdueGaps()).isZero();

        clock.advance(Duration.ofMinutes(2));
        assertThat(ordering.reportOverdueGaps()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(20));
        assertThat(ordering.reportOverdueGaps()).as("once per gap").isZero();

        assertThat(told).singleElement().satisfies(notice -> {
            assertThat(notice.type()).isEqualTo(AdminNotice.Type.ORDER_GAP);
            assertThat(notice.partner().party()).isEqualTo(HOSPITAL);
            assertThat(AdminNoticeText.subject(notice, "node-1")).contains("wait for a missing one");
            assertThat(AdminNoticeText.body(notice, "node-1")).contains("held longer than PT10M")
                    .contains("sequence 1 has not arrived").contains("skip-gap");
        });
    }

    @Test
    void moreHeldThanTheLimitIsToldAtOnceAndAFilledGapThatOpensAgainIsToldAgain() {
        for (long n = 2; n <= 5; n++) {
            receive(n);
        }
        assertThat(told).singleElement().satisfies(n -> assertThat(n.examples().get(0).detail())
                .contains("more than 3 messages held").contains("sequence 0 has not arrived"));

        receive(0);
        new JdbcMessageStore(database).confirm(DeliveryId.of("dlv-0"), clock.instant());
        // 1 is still missing: a new gap, told again when it is over the limit once more
        receive(6);

        assertThat(told).hasSize(2);
        assertThat(told.get(1).examples().get(0).detail()).contains("sequence 1 has not arrived");
    }

    @Test
    void theOperatorsListShowsWhyAConversationWaits() {
        receive(1);

        assertThat(ordering.held()).singleElement().satisfies(gap -> {
            assertThat(gap.waitingFor()).isZero();
            assertThat(gap.held()).isEqualTo(1);
            assertThat(gap.describe()).contains("adt-feed").contains("sequence 0 has not arrived");
        });
    }

    private void receive(long number) {
        String key = String.valueOf(number);
        MessageHeading heading = new MessageHeading(CPA, FEED, MessageId.of("msg-" + key + "@hospital"), null,
                HOSPITAL, PartyId.of("urn:oid:1.2", "LAB"), Service.of(null, "urn:svc"), "ADT_A01", clock.instant());
        ordering.register(new InboundRegistration(InternalId.of("in-" + key), heading, clock.instant(),
                new WireBytes("text/xml", key.getBytes(StandardCharsets.UTF_8)), InboundState.RECEIVED,
                new DuplicateCheck(key.getBytes(StandardCharsets.UTF_8), clock.instant().plusSeconds(3600)), null,
                List.of(new NewDelivery(DeliveryId.of("dlv-" + key), heading.to(), null)), "received"),
                MessageOrder.numbered(number));
    }
}
