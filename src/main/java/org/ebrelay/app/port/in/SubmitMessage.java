package org.ebrelay.app.port.in;

/** An application hands ebrelay a message to send to a partner. */
public interface SubmitMessage {
    /**
     * Checks the submission against the CPA, stores the encoded message durably and answers only after that
     * commit. Never throws for a bad submission: a refusal is a result.
     */
    SubmissionResult submit(Submission submission);
}
