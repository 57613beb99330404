package org.ebrelay.app.port.in;

/** The answer to a submission: accepted (stored durably) or refused with a reason. */
public sealed interface SubmissionResult {
    /**
     * @param messageId    the ebXML MessageId the message got
     * @param hl7MessageId the HL7 id, or null when the payload has none and none was given
     * @param state        the outbound state after acceptance (QUEUED)
     */
    record Accepted(String messageId, String hl7MessageId, String state) implements SubmissionResult {
    }

    /**
     * @param error  a stable code: UnknownCpa, CpaNotUsable, UnknownParty, NotAllowed, UnknownAction, InvalidPayload
     * @param detail a sentence for a person
     */
    record Refused(String error, String detail) implements SubmissionResult {
    }
}
