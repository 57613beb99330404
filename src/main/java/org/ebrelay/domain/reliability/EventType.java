package org.ebrelay.domain.reliability;

/**
 * What a stored message event records. Stored by the constant's name; later issues add constants.
 */
public enum EventType {
    /** Outbound: accepted from the application and stored (QUEUED). */
    SUBMITTED,
    /** Outbound: claimed by a node for an attempt (SENDING). */
    SEND_STARTED,
    /** Outbound: the partner's MSH accepted an attempt (HTTP 2xx). */
    SEND_ACCEPTED,
    /** Outbound: an attempt failed (transport or HTTP error). */
    SEND_FAILED,
    /** Outbound: a claim ended without an attempt, or a claim was handed back. */
    CLAIM_RELEASED,
    /** Outbound: an Acknowledgment referring to one of its MessageIds arrived. */
    ACKNOWLEDGED,
    /** Outbound: an Acknowledgment arrived for a message that was already final; nothing changed. */
    ACK_IGNORED,
    /** Outbound: the partner answered with a MessageError. */
    PARTNER_ERROR,
    /** Outbound: the CPA's retries are exhausted. */
    RETRIES_EXHAUSTED,
    /** Outbound: the retry sequence is exhausted; slow retry wakes it up later for a fresh one (issue 4). */
    SLOW_RETRY_ENTERED,
    /** Outbound: a slow-retry wake-up: a fresh ebXML retry sequence starts. */
    SLOW_RETRY_WAKE_UP,
    /** Outbound: slow retry reached its count or age limit; the message waits for an operator. */
    SLOW_RETRY_EXHAUSTED,
    /** Outbound: TimeToLive or the deadline passed (PersistDuration leads to a new MessageId instead). */
    EXPIRED,
    /** Outbound: a new ebXML MessageId replaced the current one (issue 4). */
    MESSAGE_ID_REGENERATED,
    /**
     * Outbound: an Acknowledgment that does not vouch for what was sent (signature missing where the CPA asks for
     * one, wrong, or by another key; ds:Reference digests other than ours) was refused; the message still awaits one.
     */
    ACK_REFUSED,
    /** Outbound: an operator resent the message. */
    RESENT_BY_OPERATOR,
    /** Outbound: an operator gave the message up. */
    ABANDONED_BY_OPERATOR,
    /** Outbound: its CPA was removed or reached its End, or its action left the CPA; it waits for an operator. */
    CPA_WITHDRAWN,
    /** Inbound: received and stored. */
    RECEIVED,
    /** Inbound: refused with an ebXML error. */
    REJECTED,
    /** Inbound: the same message again; the stored reply was replayed, nothing delivered. */
    DUPLICATE_RECEIVED,
    /**
     * Inbound: a known HL7 id from the same partner under a new MessageId; acknowledged, not delivered again. On the
     * new copy (DUPLICATE) and on the message first received with that HL7 id.
     */
    HL7_DUPLICATE,
    /** Inbound: the same MessageId with different content; answered with an error. */
    CONFLICTING_DUPLICATE,
    /** Inbound: the application confirmed a delivery. */
    DELIVERED,
    /** Inbound: a webhook push of a delivery failed. */
    PUSH_FAILED,
    /** Outbound: a failure notice was stored for the application (and the administrators were told). */
    NOTICE_CREATED,
    /** Either direction: a free remark (operator note, diagnosis). */
    NOTE
}
