package org.ebrelay.app.delivery;

import org.ebrelay.app.port.out.ApplicationWebhook;
import org.ebrelay.app.port.out.Delivery;
import org.ebrelay.app.port.out.DeliveryInbox;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.WebhookResult;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.Payload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pushes due deliveries to the application's webhook. A 2xx answer confirms the delivery (as a pull confirm would);
 * a failure schedules the next push after the webhook's RetryInterval until its retries run out, after which the
 * delivery stays in the pull inbox (the store records each failure as a PUSH_FAILED event). The store's
 * {@code next_push_at} is the truth, so a push interrupted by a crash happens again (at least once).
 */
public final class WebhookPusher {
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(WebhookPusher.class);

    private final DeliveryInbox inbox;
    private final StoredPayloads payloads;
    private final WebhookRouting routing;
    private final ApplicationWebhook webhook;
    private final Clock clock;
    private final DuePushes<Delivery> runs;
    private final MllpPushes mllp;

    public WebhookPusher(DeliveryInbox inbox, MessageCodec codec, WebhookRouting routing, ApplicationWebhook webhook,
                         Clock clock) {
        this(inbox, codec, routing, webhook, MllpPushes.none(), clock);
    }

    /** Also pushes over MLLP: a delivery an MLLP destination takes goes there, any other to its webhook. */
    public WebhookPusher(DeliveryInbox inbox, MessageCodec codec, WebhookRouting routing, ApplicationWebhook webhook,
                         MllpPushes mllp, Clock clock) {
        this.mllp = mllp;
        this.inbox = inbox;
        this.payloads = new StoredPayloads(codec);
        this.routing = routing;
        this.webhook = webhook;
        this.clock = clock;
        this.runs = new DuePushes<>(BATCH, inbox::duePushes, d -> d.id().value(), this::push, clock);
    }

    /**
     * Pushes every item due now; see {@link DuePushes} for how concurrent calls share a run. Blocks on the
     * application's answers: call it off request and dispatcher threads.
     *
     * @return how many pushes this call made
     */
    public int pushDue() {
        return runs.pushDue();
    }

    private void push(Delivery delivery) {
        Optional<EbmsMessage> message = payloads.message(delivery.wire());
        if (message.isEmpty()) {
            giveUp(delivery, "its stored message no longer decodes");
            return;
        }
        Optional<List<Payload>> content = message.map(EbmsMessage::payloads);
        if (mllp.mayPush() && mllp.push(delivery, content.get(),
                message.get().header().messageData().refToMessageId())) {
            return;
        }
        Optional<Webhook> target = routing.find(delivery.heading().cpaId(), delivery.heading().service(),
                delivery.heading().action());
        if (target.isEmpty()) {
            giveUp(delivery, "no webhook or MLLP destination takes it");
            return;
        }
        WebhookResult result = post(target.get(), WebhookJson.of(delivery, content.get()));
        Instant at = clock.instant();
        if (result.accepted()) {
            inbox.confirm(delivery.id(), at);
            log.debug("pushed delivery {} to {}", delivery.id(), target.get().url());
        } else {
            failed(delivery, target.get(), result, at);
        }
    }

    private WebhookResult post(Webhook target, byte[] json) {
        try {
            return webhook.post(target.url(), json);
        } catch (RuntimeException e) {
            return WebhookResult.noAnswer(e.toString());
        }
    }

    private void failed(Delivery delivery, Webhook target, WebhookResult result, Instant at) {
        int failures = delivery.pushAttempts() + 1;
        if (failures <= target.retries()) {
            Instant next = at.plus(target.retryInterval());
            inbox.recordPushFailure(delivery.id(), at, next, result.describe() + " from " + target.url()
                    + " (push " + failures + " of " + (target.retries() + 1) + "); next push at " + next);
            log.info("push of delivery {} to {} failed ({}); next at {}", delivery.id(), target.url(),
                    result.describe(), next);
        } else {
            String why = result.describe() + " from " + target.url() + "; gave up after " + failures
                    + " pushes, the delivery stays in the inbox";
            inbox.recordPushFailure(delivery.id(), at, null, why);
            log.warn("push of delivery {} (message {}) failed: {}", delivery.id(), delivery.heading().messageId(), why);
        }
    }

    private void giveUp(Delivery delivery, String why) {
        String detail = "not pushed: " + why + "; the delivery stays in the inbox";
        inbox.recordPushFailure(delivery.id(), clock.instant(), null, detail);
        // an event on the message says it too; the application pulls it from the inbox as usual
        log.info("delivery {} (message {}) {}", delivery.id(), delivery.heading().messageId(), detail);
    }
}
