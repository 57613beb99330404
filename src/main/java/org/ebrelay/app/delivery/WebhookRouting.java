package org.ebrelay.app.delivery;

import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which webhook, if any, a received message is pushed to: the first configured one that matches its CPAId, Service
 * and Action. The receive pipeline asks it to set a delivery's first push time.
 */
public final class WebhookRouting {
    private final List<Webhook> webhooks;

    public WebhookRouting(List<Webhook> webhooks) {
        this.webhooks = List.copyOf(webhooks);
    }

    public static WebhookRouting none() {
        return new WebhookRouting(List.of());
    }

    public Optional<Webhook> find(CpaId cpaId, Service service, String action) {
        return webhooks.stream().filter(w -> w.matches(cpaId, service, action)).findFirst();
    }

    public boolean applies(CpaId cpaId, Service service, String action) {
        return find(cpaId, service, action).isPresent();
    }

    /** The first push time of a message received at {@code receivedAt}: then, or null when it is pull only. */
    public Instant firstPushAt(CpaId cpaId, Service service, String action, Instant receivedAt) {
        return applies(cpaId, service, action) ? receivedAt : null;
    }
}
