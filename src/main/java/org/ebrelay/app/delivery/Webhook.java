package org.ebrelay.app.delivery;

import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.Service;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * A push of received messages to an application URL, with its own retries (the configuration's
 * {@code delivery.webhooks} entries, mapped by the wiring).
 *
 * @param cpaId         only messages under this CPA, or null for any
 * @param service       only this eb:Service value (its type is not compared), or null for any
 * @param action        only this eb:Action, or null for any
 * @param retries       pushes after the first one that failed; then the delivery stays in the pull inbox only
 * @param retryInterval the wait after a failed push
 */
public record Webhook(String cpaId, String service, String action, URI url, int retries, Duration retryInterval) {
    public Webhook {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(retryInterval, "retryInterval");
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("a webhook URL must be absolute: " + url);
        }
        if (retries < 0 || retryInterval.isNegative()) {
            throw new IllegalArgumentException("webhook retries and retryInterval must not be negative");
        }
    }

    /** Whether a received message with these header values goes to this webhook. */
    public boolean matches(CpaId messageCpaId, Service messageService, String messageAction) {
        return (cpaId == null || cpaId.equals(messageCpaId.value()))
                && (service == null || service.equals(messageService.value()))
                && (action == null || action.equals(messageAction));
    }
}
