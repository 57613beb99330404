package org.ebrelay.app.port.out;


import java.util.Objects;

/**
 * How one HTTP attempt to deliver an ebMS message ended (ebMS 2.0 digest RM-S7, HTTP-6). The sender never
 * retries: the caller decides from this whether to schedule another attempt under the same MessageId.
 */
public sealed interface SendOutcome {

    /**
     * The partner's HTTP endpoint answered 2xx: received (not yet acknowledged, unless the body holds the ack).
     *
     * @param body the synchronous reply (Ack, MessageError, Pong, StatusResponse...), or null when empty
     */
    record Answered(int status, WireMessage body) implements SendOutcome {
    }

    /**
     * A communication error: send again later under the same MessageId.
     *
     * @param status the HTTP status when there was a response (408, 429, 5xx), null for a transport failure
     */
    record RetryableFailure(String reason, Integer status) implements SendOutcome {
        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The partner refused the message in a way resending cannot fix (3xx, 4xx other than 408/429, a SOAP
     * Fault Client/MustUnderstand/VersionMismatch).
     *
     * @param body the response body (a SOAP Fault, an error page), or null when empty
     */
    record PermanentFailure(String reason, int status, WireMessage body) implements SendOutcome {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
