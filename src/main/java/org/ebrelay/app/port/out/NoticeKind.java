package org.ebrelay.app.port.out;

/** What a failure notice reports about one of our outbound messages (issue 4, notifications). */
public enum NoticeKind {
    /** The CPA's Retries are used up without an acknowledgment; slow retry or manual handling follows. */
    RETRIES_EXHAUSTED(true),
    /** The message waits for an operator (slow retry exhausted, or a route where slow retry is not used). */
    MANUAL_HANDLING(true),
    /** PersistDuration passed: the message goes on under a new ebXML MessageId (the HL7 id stays). */
    MESSAGE_ID_REGENERATED(true),
    /** The partner refused the message for good (a MessageError, a permanent HTTP refusal), or it expired. */
    FAILED(false);

    private final boolean outage;

    NoticeKind(boolean outage) {
        this.outage = outage;
    }

    /** Whether it shows the partner unreachable (an outage), rather than a refusal of one message. */
    public boolean meansOutage() {
        return outage;
    }
}
