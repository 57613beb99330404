package org.ebrelay.app.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.ebrelay.app.delivery.WebhookRouting;
import org.ebrelay.app.outbound.OutboundListener;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewNotice;
import org.ebrelay.app.port.out.NoticeId;
import org.ebrelay.app.port.out.NoticeKind;
import org.ebrelay.app.port.out.NoticeStore;
import org.ebrelay.app.port.out.StoreFailure;
import org.ebrelay.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the dispatcher's reports into notices: one stored for the application (written through the store before
 * this returns, so it is durable once the call ends) and one event counted for the administrators (sent later by
 * the {@link AdminNotifier}'s own thread). A completed message tells the notifier that its partner is back.
 *
 * <p>Called after the state change is committed: a crash between that commit and the notice's own commit loses the
 * application notice (the message's state and event history still show what happened).
 */
public final class NotificationListener implements OutboundListener {
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.notifications");

    private final NoticeStore store;
    private final AdminNotifier admin;
    private final WebhookRouting routing;
    private final Runnable pushSoon;
    private final Clock clock;

    /**
     * @param routing  whether a notice is pushed: when a delivery webhook matches the message's CPA, Service, Action
     * @param pushSoon asks the notice pusher to run (it must not block)
     */
    public NotificationListener(NoticeStore store, AdminNotifier admin, WebhookRouting routing, Runnable pushSoon,
                                Clock clock) {
        this.store = store;
        this.admin = admin;
        this.routing = routing;
        this.pushSoon = pushSoon;
        this.clock = clock;
    }

    @Override
    public void completed(MessageHeading heading, Duration sinceCreated) {
        admin.recovered(Partner.of(heading));
    }

    @Override
    public void retriesExhausted(MessageHeading heading, int attempts, String lastFailure, Instant nextAttemptAt) {
        String detail = "no acknowledgment after " + attempts + " attempt(s)"
                + (lastFailure == null ? "" : "; last: " + lastFailure)
                + (nextAttemptAt == null ? "" : "; slow retry from " + nextAttemptAt);
        notice(NoticeKind.RETRIES_EXHAUSTED, heading, null, detail, nextAttemptAt);
    }

    @Override
    public void waitingForManualHandling(MessageHeading heading, String reason) {
        notice(NoticeKind.MANUAL_HANDLING, heading, null, "waiting for an operator: " + reason, null);
    }

    @Override
    public void messageIdRegenerated(MessageHeading heading, MessageId previous) {
        notice(NoticeKind.MESSAGE_ID_REGENERATED, heading, previous, "MessageId " + previous + " replaced by "
                + heading.messageId() + " (PersistDuration passed); the HL7 id is unchanged", null);
    }

    @Override
    public void failed(MessageHeading heading, String reason) {
        notice(NoticeKind.FAILED, heading, null, reason, null);
    }

    private void notice(NoticeKind kind, MessageHeading heading, MessageId previous, String detail, Instant next) {
        Instant now = clock.instant();
        admin.problem(Partner.of(heading),
                new AdminNotice.Example(kind, heading.messageId().value(), heading.hl7Id(), detail, now));
        Instant pushAt = routing.firstPushAt(heading.cpaId(), heading.service(), heading.action(), now);
        NewNotice notice = new NewNotice(NoticeId.of(UUID.randomUUID().toString()), kind, heading, previous, detail,
                next, now, pushAt);
        try {
            if (store.record(notice) && pushAt != null) {
                pushSoon.run();
            }
        } catch (StoreFailure e) {
            log.error("could not store the {} notice about {} for the application: {}", kind,
                    heading.messageId(), e.getMessage());
        }
    }
}
