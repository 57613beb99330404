package org.ebrelay.app.port.out;

import java.util.Objects;

/**
 * How one webhook post ended.
 *
 * @param status  the HTTP status the application answered, or null when there was no answer
 * @param failure why there was no answer (connection refused, timed out...), or null
 */
public record WebhookResult(Integer status, String failure) {
    public WebhookResult {
        if ((status == null) == (failure == null)) {
            throw new IllegalArgumentException("a webhook result has either a status or a failure");
        }
    }

    public static WebhookResult answered(int status) {
        return new WebhookResult(status, null);
    }

    public static WebhookResult noAnswer(String failure) {
        return new WebhookResult(null, Objects.requireNonNull(failure, "failure"));
    }

    /** The application took the delivery: a 2xx answer. */
    public boolean accepted() {
        return status != null && status >= 200 && status < 300;
    }

    /** A short text for events and logs: {@code HTTP 500} or the failure. */
    public String describe() {
        return status != null ? "HTTP " + status : failure;
    }
}
