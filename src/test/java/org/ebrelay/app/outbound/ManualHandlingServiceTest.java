package org.ebrelay.app.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ebrelay.app.ServiceFixtures.HOSPITAL;
import static org.ebrelay.app.ServiceFixtures.LAB;
import static org.ebrelay.app.ServiceFixtures.T0;
import static org.ebrelay.app.ServiceFixtures.hl7;
import static org.ebrelay.app.ServiceFixtures.submitted;
import static org.ebrelay.app.ServiceFixtures.userMessage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.ebrelay.adapter.jdbc.JdbcMessageStore;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.WithDatabase;
import org.ebrelay.app.port.in.ManualHandlingResult;
import org.ebrelay.app.port.out.MessageStore;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.OutboundState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manual-handling use case on the real store: naming the message, refusals, and waking the dispatcher. */
class ManualHandlingServiceTest extends WithDatabase {
    private final TestClock clock = new TestClock(T0);
    private final AtomicInteger wakeUps = new AtomicInteger();
    private MessageStore store;
    private ManualHandlingService service;

    @BeforeEach
    void twoQueuedMessagesSharingAnHl7Id() {
        store = new JdbcMessageStore(database);
        service = new ManualHandlingService(store, store, clock, wakeUps::incrementAndGet);
        store.insert(submitted("out-1", userMessage("m1@hospital", HOSPITAL, LAB, "OML_O21", T0,
                hl7("p1", "ORDER-9")), "ORDER-9", T0));
        store.insert(submitted("out-2", userMessage("m2@hospital", HOSPITAL, LAB, "OML_O21", T0,
                hl7("p2", "ORDER-9")), "ORDER-9", T0));
        store.insert(submitted("out-3", userMessage("m3@hospital", HOSPITAL, LAB, "OML_O21", T0,
                hl7("p3", "ORDER-10")), "ORDER-10", T0));
        clock.advance(Duration.ofMinutes(5));
    }

    @Test
    void aMessageIsNamedByItsEbxmlIdOrByAnHl7IdThatOnlyItCarries() {
        ManualHandlingResult byMessageId = service.abandon("m1@hospital", "duplicate order", "alice");
        ManualHandlingResult byHl7Id = service.abandon("ORDER-10", "cancelled", null);

        assertThat(byMessageId).isEqualTo(new ManualHandlingResult.Done("m1@hospital", "ORDER-9", "QUEUED",
                "ABANDONED"));
        assertThat(byHl7Id).isEqualTo(new ManualHandlingResult.Done("m3@hospital", "ORDER-10", "QUEUED",
                "ABANDONED"));
        assertThat(store.findByMessageId(MessageId.of("m1@hospital")).get(0).summary().updatedAt())
                .isEqualTo(clock.instant());
    }

    @Test
    void anHl7IdOfSeveralMessagesIsAmbiguousAndChangesNothing() {
        ManualHandlingResult result = service.abandon("ORDER-9", "which one?", "alice");

        assertThat(result).isInstanceOfSatisfying(ManualHandlingResult.Refused.class, refused -> {
            assertThat(refused.error()).isEqualTo("Ambiguous");
            assertThat(refused.detail()).contains("m1@hospital", "m2@hospital");
        });
        assertThat(store.listOutbound(OutboundState.ABANDONED, 10)).isEmpty();
    }

    @Test
    void aResendFromAStateThatDoesNotAllowItIsRefusedWithTheStateAndDoesNotWakeTheDispatcher() {
        ManualHandlingResult result = service.resend("m1@hospital", "try now", null);

        assertThat(result).isInstanceOfSatisfying(ManualHandlingResult.Refused.class, refused -> {
            assertThat(refused.error()).isEqualTo("NotAllowed");
            assertThat(refused.state()).isEqualTo("QUEUED");
            assertThat(refused.detail()).contains("RETRYING, SLOW_RETRY, MANUAL");
        });
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void withoutAReasonNothingIsLookedUpAndAnUnknownIdIsNotFound() {
        assertThat(service.resend("m1@hospital", " ", "alice")).isInstanceOf(ManualHandlingResult.Invalid.class);
        assertThat(service.abandon("nobody@nowhere", "gone", null)).isInstanceOf(ManualHandlingResult.NotFound.class);
        assertThat(service.abandon(null, "gone", null)).isInstanceOf(ManualHandlingResult.NotFound.class);
    }
}
