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
 * @param hl7DuplicateWindow     how long a received HL7 id is remembered per CPA and From party, to acknowledge
 *                               without delivering again a resend under a new MessageId; zero turns the check off
 */
public record ReceiveSettings(Duration defaultPersistDuration, WebhookTargets webhooks,
                             Predicate<String> soapActions, Duration hl7DuplicateWindow,
                             org.ebrelay.app.ordering.OrderedDelivery ordering) {
    /** One day, the PersistDuration of the example CPA. */
    public static final Duration DEFAULT_PERSIST_DURATION = Duration.ofDays(1);
    /** HTTP-2 [ours]: {@code "ebXML"}, with or without the quotes. */
    public static final Predicate<String> EBXML_SOAP_ACTION = value -> value != null
            && (value.strip().equals("\"ebXML\"") || value.strip().equals("ebXML"));
    /**
     * Thirty days: longer than a slow-retry schedule runs before it gives up to manual handling (days), with weeks
     * left for an operator's resend.
     */
    public static final Duration DEFAULT_HL7_DUPLICATE_WINDOW = Duration.ofDays(30);
    /** For partners that send something else (NHS Spine sends {@code Service/Action}), or none at all. */
    public static final Predicate<String> ANY_SOAP_ACTION = value -> true;

    public ReceiveSettings {
        Objects.requireNonNull(defaultPersistDuration, "defaultPersistDuration");
        if (defaultPersistDuration.isNegative() || defaultPersistDuration.isZero()) {
            throw new IllegalArgumentException("defaultPersistDuration must be positive: " + defaultPersistDuration);
        }
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(soapActions, "soapActions");
        Objects.requireNonNull(hl7DuplicateWindow, "hl7DuplicateWindow");
        if (hl7DuplicateWindow.isNegative()) {
            throw new IllegalArgumentException("hl7DuplicateWindow must not be negative: " + hl7DuplicateWindow);
        }
    }

    /** One day of remembered ids, 30 days of remembered HL7 ids, no webhooks, SOAPAction "ebXML". */
    public static ReceiveSettings defaults() {
        return new ReceiveSettings(DEFAULT_PERSIST_DURATION, WebhookTargets.NONE, EBXML_SOAP_ACTION,
                DEFAULT_HL7_DUPLICATE_WINDOW, null);
    }

    public ReceiveSettings withWebhooks(WebhookTargets targets) {
        return new ReceiveSettings(defaultPersistDuration, targets, soapActions, hl7DuplicateWindow, ordering);
    }

    public ReceiveSettings withSoapActions(Predicate<String> accepted) {
        return new ReceiveSettings(defaultPersistDuration, webhooks, accepted, hl7DuplicateWindow, ordering);
    }

    public ReceiveSettings withHl7DuplicateWindow(Duration window) {
        return new ReceiveSettings(defaultPersistDuration, webhooks, soapActions, window, ordering);
    }

    public ReceiveSettings withOrdering(org.ebrelay.app.ordering.OrderedDelivery delivery) {
        return new ReceiveSettings(defaultPersistDuration, webhooks, soapActions, hl7DuplicateWindow, delivery);
    }
}
