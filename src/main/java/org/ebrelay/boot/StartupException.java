package org.ebrelay.boot;

/** The node cannot start; the message says what to fix, in the configuration's or the CPA's terms. */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
