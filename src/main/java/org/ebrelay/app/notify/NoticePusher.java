package org.ebrelay.app.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ebrelay.app.delivery.DuePushes;
import org.ebrelay.app.delivery.Webhook;
import org.ebrelay.app.delivery.WebhookRouting;
import org.ebrelay.app.port.out.ApplicationWebhook;
import org.ebrelay.app.port.out.Notice;
import org.ebrelay.app.port.out.NoticeStore;
import org.ebrelay.app.port.out.WebhookResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes due application notices to the webhook a delivery of the same CPA, Service and Action goes to, with that
 * webhook's retries. A 2xx answer confirms the notice; after the last failed push it stays in the pull listing.
 * The store's {@code next_push_at} is the truth, so an interrupted push happens again (at least once, same id).
 */
public final class NoticePusher {
    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger("org.ebrelay.notifications");

    private final NoticeStore store;
    private final WebhookRouting routing;
    private final ApplicationWebhook webhook;
    private final Clock clock;
    private final DuePushes<Notice> runs;

    public NoticePusher(NoticeStore store, WebhookRouting routing, ApplicationWebhook webhook, Clock clock) {
        this.store = store;
        this.routing = routing;
        this.webhook = webhook;
        this.clock = clock;
        this.runs = new DuePushes<>(BATCH, store::dueNoticePushes, n -> n.id().value(), this::push, clock);
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

    private void push(Notice notice) {
        Optional<Webhook> target = routing.find(notice.heading().cpaId(), notice.heading().service(),
                notice.heading().action());
        if (target.isEmpty()) {
            store.recordNoticePushFailure(notice.id(), clock.instant(), null, "no webhook is configured for it any more");
            return;
        }
        WebhookResult result = post(target.get(), NoticeJson.of(notice));
        Instant at = clock.instant();
        if (result.accepted()) {
            store.confirmNotice(notice.id(), at);
            return;
        }
        int failures = notice.pushAttempts() + 1;
        Instant next = failures <= target.get().retries() ? at.plus(target.get().retryInterval()) : null;
        String why = result.describe() + " from " + target.get().url() + " (push " + failures + " of "
                + (target.get().retries() + 1) + ")" + (next == null ? "; the notice stays listed" : "");
        store.recordNoticePushFailure(notice.id(), at, next, why);
        log.info("push of notice {} failed: {}", notice.id(), why);
    }

    private WebhookResult post(Webhook target, byte[] json) {
        try {
            return webhook.post(target.url(), json);
        } catch (RuntimeException e) {
            return WebhookResult.noAnswer(e.toString());
        }
    }
}
