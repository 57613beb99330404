package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import org.ebrelay.domain.message.MessageId;

/**
 * A stored application notice (see {@link NewNotice}).
 *
 * @param messageIds every ebXML MessageId the message has had when the notice was written, oldest first
 * @param nextPushAt the next webhook push, or null (pull only, confirmed, or pushes given up)
 */
public record Notice(NoticeId id, NoticeKind kind, MessageHeading heading, List<String> messageIds,
                     MessageId previousId, String detail, Instant nextAttemptAt, Instant createdAt,
                     Instant confirmedAt, int pushAttempts, Instant nextPushAt, String lastPushError) {
    public Notice {
        messageIds = List.copyOf(messageIds);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
