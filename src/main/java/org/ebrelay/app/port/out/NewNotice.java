package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Objects;
import org.ebrelay.domain.message.MessageId;

/**
 * A notice to the application about one of its outbound messages, to be stored for the party it was sent from.
 *
 * @param heading       the message as it is now (its current MessageId)
 * @param previousId    the MessageId the current one replaced (regeneration), or null
 * @param detail        what happened, in words
 * @param nextAttemptAt when the message is tried again (slow retry), or null
 * @param pushAt        when to push it to the application's webhook, or null when it is pull only
 */
public record NewNotice(NoticeId id, NoticeKind kind, MessageHeading heading, MessageId previousId, String detail,
                        Instant nextAttemptAt, Instant createdAt, Instant pushAt) {
    public NewNotice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
