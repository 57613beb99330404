package org.ebrelay.app.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.port.out.StoreFixtures.NODE_A;
import static org.ebrelay.app.port.out.StoreFixtures.T0;
import static org.ebrelay.app.port.out.StoreFixtures.at;
import static org.ebrelay.app.port.out.StoreFixtures.messageId;
import static org.ebrelay.app.port.out.StoreFixtures.outId;
import static org.ebrelay.app.port.out.StoreFixtures.outbound;

import java.util.List;
import java.util.Set;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.ManualHandling;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An operator's resend and abandon on the real H2 store: compare-and-set on the state, with the event. */
class OperatorActionsStoreTest extends WithDatabase {
    private MessageStore store;

    @BeforeEach
    void storeWithAMessageWaitingForAnOperator() {
        store = new JdbcMessageStore(database);
        store.insert(outbound("a", T0));
        ClaimedMessage claimed = store.claimDue(NODE_A, at(0), at(60), 10).get(0);
        store.recordAttempt(new AttemptOutcome(claimed.claim(), OutboundState.MANUAL, at(1), true, false, null,
                EventType.RETRIES_EXHAUSTED, "HTTP 503, retries exhausted"));
    }

    private static OperatorAction resend(double at, String operator) {
        return new OperatorAction(outId("a"), ManualHandling.resendableFrom(), StoreFixtures.at(at),
                "partner fixed its endpoint", operator);
    }

    private MessageDetails stored() {
        return store.findByMessageId(messageId("a")).get(0);
    }

    @Test
    void aResendQueuesTheMessageDueNowWithAFreshSequenceAndRecordsWhoAndWhy() {
        OperatorActionResult result = store.requeueByOperator(resend(100, "alice"));

        assertThat(result).isEqualTo(new OperatorActionResult.Applied(OutboundState.MANUAL, OutboundState.QUEUED));
        MessageDetails details = stored();
        assertThat(details.summary().state()).isEqualTo(OutboundState.QUEUED);
        assertThat(details.summary().nextAttemptAt()).isEqualTo(at(100));
        MessageEvent last = details.events().get(details.events().size() - 1);
        assertThat(last.type()).isEqualTo(EventType.RESENT_BY_OPERATOR);
        assertThat(last.detail()).isEqualTo("by operator alice: partner fixed its endpoint");
        List<ClaimedMessage> again = store.claimDue(NODE_A, at(100), at(160), 10);
        assertThat(again).singleElement().satisfies(m -> {
            assertThat(m.attempts()).isEqualTo(2);
            assertThat(m.sequenceAttempts()).isEqualTo(1);
        });
    }

    @Test
    void aSecondResendOfTheSameMessageIsRefusedWithItsCurrentState() {
        store.requeueByOperator(resend(100, null));

        assertThat(store.requeueByOperator(resend(101, null)))
                .isEqualTo(new OperatorActionResult.NotInState(OutboundState.QUEUED));
        assertThat(stored().events()).filteredOn(e -> e.type() == EventType.RESENT_BY_OPERATOR).hasSize(1);
    }

    @Test
    void anAbandonedMessageIsFinalWithoutDueTimeAndCannotBeResent() {
        OperatorActionResult result = store.abandonByOperator(new OperatorAction(outId("a"),
                ManualHandling.abandonableFrom(), at(200), "order cancelled by phone", null));

        assertThat(result).isEqualTo(new OperatorActionResult.Applied(OutboundState.MANUAL, OutboundState.ABANDONED));
        MessageSummary summary = stored().summary();
        assertThat(summary.state()).isEqualTo(OutboundState.ABANDONED);
        assertThat(summary.nextAttemptAt()).isNull();
        MessageEvent last = stored().events().get(stored().events().size() - 1);
        assertThat(last.type()).isEqualTo(EventType.ABANDONED_BY_OPERATOR);
        assertThat(last.detail()).isEqualTo("by an operator: order cancelled by phone");
        assertThat(store.requeueByOperator(resend(201, null)))
                .isEqualTo(new OperatorActionResult.NotInState(OutboundState.ABANDONED));
        assertThat(store.claimDue(NODE_A, at(100_000), at(100_060), 10)).isEmpty();
    }

    @Test
    void aMessageBeingSentIsNeitherResentNorAbandoned() {
        store.requeueByOperator(resend(100, null));
        store.claimDue(NODE_A, at(100), at(160), 10);

        assertThat(store.abandonByOperator(new OperatorAction(outId("a"), ManualHandling.abandonableFrom(),
                at(101), "no", null))).isEqualTo(new OperatorActionResult.NotInState(OutboundState.SENDING));
        assertThat(store.requeueByOperator(resend(101, null)))
                .isEqualTo(new OperatorActionResult.NotInState(OutboundState.SENDING));
        assertThat(stored().summary().state()).isEqualTo(OutboundState.SENDING);
    }

    @Test
    void anUnknownMessageIsReportedUnknown() {
        assertThat(store.abandonByOperator(new OperatorAction(InternalId.of("out-nobody"), Set.of(OutboundState.MANUAL),
                at(5), "test", null))).isEqualTo(new OperatorActionResult.Unknown());
    }
}
