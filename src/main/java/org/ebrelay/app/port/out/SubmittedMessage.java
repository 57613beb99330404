package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Objects;
import org.ebrelay.domain.reliability.DeliveryTerms;

/**
 * An outbound message accepted from the application, encoded once, to be stored QUEUED (RM-S1).
 *
 * @param terms          reliability terms copied from the CPA at submission
 * @param timeToLive     eb:TimeToLive on the message, or null when it carries none
 * @param deadline       the sender's local "deliver by" time, or null
 * @param endpointUrl    the partner's endpoint from the CPA
 * @param soapAction     the SOAPAction header value to send
 * @param wire           the encoded (and signed) message package, re-sent byte for byte (RM-S3)
 * @param submittedAt    when it was accepted
 * @param firstAttemptAt when it becomes due for its first attempt (usually {@code submittedAt})
 * @param cpaVersion     the stored version of its CPA it was resolved against, or null when unknown
 */
public record SubmittedMessage(InternalId id, MessageHeading heading, DeliveryTerms terms, Instant timeToLive,
                               Instant deadline, String endpointUrl, String soapAction, WireBytes wire,
                               Instant submittedAt, Instant firstAttemptAt, Integer cpaVersion) {
    public SubmittedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(soapAction, "soapAction");
        Objects.requireNonNull(wire, "wire");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(firstAttemptAt, "firstAttemptAt");
    }

    /** Without a known CPA version. */
    public SubmittedMessage(InternalId id, MessageHeading heading, DeliveryTerms terms, Instant timeToLive,
                            Instant deadline, String endpointUrl, String soapAction, WireBytes wire,
                            Instant submittedAt, Instant firstAttemptAt) {
        this(id, heading, terms, timeToLive, deadline, endpointUrl, soapAction, wire, submittedAt, firstAttemptAt,
                null);
    }
}
