package org.ebrelay.app.inbound;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the receive pipeline.
 *
 * @param defaultPersistDuration how long a received MessageId is remembered for duplicate elimination when the CPA
 *                               gives no PersistDuration (RM-R7)
 * @param webhooks               which deliveries are pushed to a webhook
 */
public record ReceiveSettings(Duration defaultPersistDuration, WebhookTargets webhooks) {
    /** One day, the PersistDuration of the example CPA. */
    public static final Duration DEFAULT_PERSIST_DURATION = Duration.ofDays(1);

    public ReceiveSettings {
        Objects.requireNonNull(defaultPersistDuration, "defaultPersistDuration");
        if (defaultPersistDuration.isNegative() || defaultPersistDuration.isZero()) {
            throw new IllegalArgumentException("defaultPersistDuration must be positive: " + defaultPersistDuration);
        }
        Objects.requireNonNull(webhooks, "webhooks");
    }

    /** One day of remembered ids, no webhooks. */
    public static ReceiveSettings defaults() {
        return new ReceiveSettings(DEFAULT_PERSIST_DURATION, WebhookTargets.NONE);
    }

    public ReceiveSettings withWebhooks(WebhookTargets targets) {
        return new ReceiveSettings(defaultPersistDuration, targets);
    }
}
