package org.ebrelay.app.inbound;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Tunables of the receive pipeline.
 *
 * @param defaultPersistDuration how long a received MessageId is remembered for duplicate elimination when the CPA
 *                               gives no PersistDuration (RM-R7)
 * @param webhooks               which deliveries are pushed to a webhook
 * @param soapActions            which SOAPAction header values are accepted (HTTP-2); others get a SOAP Fault
 */
public record ReceiveSettings(Duration defaultPersistDuration, WebhookTargets webhooks,
                             Predicate<String> soapActions) {
    /** One day, the PersistDuration of the example CPA. */
    public static final Duration DEFAULT_PERSIST_DURATION = Duration.ofDays(1);
    /** HTTP-2 [ours]: {@code "ebXML"}, with or without the quotes. */
    public static final Predicate<String> EBXML_SOAP_ACTION = value -> value != null
            && (value.strip().equals("\"ebXML\"") || value.strip().equals("ebXML"));
    /** For partners that send something else (NHS Spine sends {@code Service/Action}), or none at all. */
    public static final Predicate<String> ANY_SOAP_ACTION = value -> true;

    public ReceiveSettings {
        Objects.requireNonNull(defaultPersistDuration, "defaultPersistDuration");
        if (defaultPersistDuration.isNegative() || defaultPersistDuration.isZero()) {
            throw new IllegalArgumentException("defaultPersistDuration must be positive: " + defaultPersistDuration);
        }
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(soapActions, "soapActions");
    }

    /** One day of remembered ids, no webhooks, SOAPAction "ebXML". */
    public static ReceiveSettings defaults() {
        return new ReceiveSettings(DEFAULT_PERSIST_DURATION, WebhookTargets.NONE, EBXML_SOAP_ACTION);
    }

    public ReceiveSettings withWebhooks(WebhookTargets targets) {
        return new ReceiveSettings(defaultPersistDuration, targets, soapActions);
    }

    public ReceiveSettings withSoapActions(Predicate<String> accepted) {
        return new ReceiveSettings(defaultPersistDuration, webhooks, accepted);
    }
}
