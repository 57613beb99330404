package org.ebrelay.app.port.in;

/** The answer to a resend or abandon. */
public sealed interface ManualHandlingResult {
    /**
     * Done and committed.
     *
     * @param messageId     the message's current ebXML MessageId
     * @param hl7MessageId  its HL7 id, or null
     * @param previousState the state it was in
     * @param state         the state it is in now (QUEUED after a resend, ABANDONED after an abandon)
     */
    record Done(String messageId, String hl7MessageId, String previousState, String state)
            implements ManualHandlingResult {
    }

    /** No outbound message has this id. */
    record NotFound(String detail) implements ManualHandlingResult {
    }

    /**
     * Refused as things are: {@code error} is NotAllowed (the message's state does not allow it; {@code state} says
     * which) or Ambiguous (an HL7 id shared by several messages; {@code state} is null).
     */
    record Refused(String error, String state, String detail) implements ManualHandlingResult {
    }

    /** The request itself is wrong (no reason given). */
    record Invalid(String detail) implements ManualHandlingResult {
    }
}
