package org.ebrelay.app.notify;

/** A way to reach the administrators (e-mail, a webhook). */
public interface AdminChannel {
    /**
     * Sends one notice, blocking until it is handed over.
     *
     * @throws RuntimeException when it could not be sent (the notifier keeps it and tries again later)
     */
    void send(AdminNotice notice);

    /** A short name for logs: {@code e-mail to ops@example.org}. */
    String describe();
}
