package org.ebrelay.app.port.in;

/**
 * Manual handling of messages we send (issue 4): an operator resends a message (a fresh ebXML retry sequence, now) or
 * abandons it, always with a reason. The message is named by any ebXML MessageId it has had, or by its HL7 id when
 * exactly one outbound message carries it. Which states allow which action:
 * {@link org.ebrelay.domain.reliability.ManualHandling}.
 */
public interface HandleManually {

    /** Puts the message back in the queue, due now; the dispatcher sends it under the id rule (new id if due). */
    ManualHandlingResult resend(String id, String reason, String operator);

    /** Gives the message up for good (ABANDONED). */
    ManualHandlingResult abandon(String id, String reason, String operator);
}
