package org.ebrelay.app.port.in;

/**
 * Manual handling of messages we send (issue 4): an operator resends a message (a fresh ebXML retry sequence, now) or
 * abandons it, always with a reason. The message is named by any ebXML MessageId it has had, or by its HL7 id when
 * exactly one outbound message carries it. Which states allow which action:
 * {@link org.ebrelay.domain.reliability.ManualHandling}.
 */
public interface HandleManually {
    /** For a node (or a test API) without manual handling: every request is refused as not allowed. */
    HandleManually NOT_AVAILABLE = new HandleManually() {
        @Override
        public ManualHandlingResult resend(String id, String reason, String operator) {
            return new ManualHandlingResult.Refused("NotAllowed", null, "manual handling is not available here");
        }

        @Override
        public ManualHandlingResult abandon(String id, String reason, String operator) {
            return resend(id, reason, operator);
        }
    };

    /** Puts the message back in the queue, due now; the dispatcher sends it under the id rule (new id if due). */
    ManualHandlingResult resend(String id, String reason, String operator);

    /** Gives the message up for good (ABANDONED). */
    ManualHandlingResult abandon(String id, String reason, String operator);
}
