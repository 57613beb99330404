package org.ebrelay.app;

/**
 * Fault injection for the crash tests: a process started with {@code -Debrelay.crashAt=NAME} halts at once (as
 * {@code kill -9} would: no shutdown hooks, no flushing) the first time it reaches the point of that name. Without
 * the property this is one volatile read.
 */
public final class CrashPoints {
    /** The sender stored the message and claimed it, but has not posted it yet. */
    public static final String BEFORE_SEND = "before-send";
    /** The sender has the partner's answer to an attempt (its Acknowledgment), but has not recorded it yet. */
    public static final String BEFORE_OUTCOME = "before-outcome";
    /** The receiver committed the message, but has not answered with the Acknowledgment yet. */
    public static final String AFTER_RECEIVE_COMMIT = "after-receive-commit";

    private static final String ARMED = System.getProperty("ebrelay.crashAt");

    private CrashPoints() {
    }

    public static void reach(String point) {
        if (ARMED != null && ARMED.equals(point)) {
            System.err.println("ebrelay: crash point '" + point + "' reached, halting");
            Runtime.getRuntime().halt(137);
        }
    }
}
