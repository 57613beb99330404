package org.ebrelay.adapter.notify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how administrator e-mails are sent.
 *
 * @param username null for an SMTP server without authentication
 * @param starttls upgrade the connection with STARTTLS (required when set)
 * @param ssl      connect with TLS from the start (SMTPS, usually port 465)
 * @param timeout  connect, read and write timeout
 */
public record SmtpSettings(String host, int port, String username, String password, boolean starttls, boolean ssl,
                           Duration timeout, String from, List<String> to) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("administrator e-mail needs at least one recipient");
        }
    }
}
