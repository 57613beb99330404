package org.ebrelay.app.port.in;

import java.time.Instant;
import java.util.List;

/**
 * A notice to the application about one of its outbound messages.
 *
 * @param kind              RETRIES_EXHAUSTED, MANUAL_HANDLING, MESSAGE_ID_REGENERATED or FAILED
 * @param messageIds        every ebXML MessageId the message had when the notice was written, oldest first
 * @param previousMessageId the id a regeneration replaced, or null
 * @param nextAttemptAt     when slow retry tries again, or null
 */
public record NoticeView(String noticeId, String kind, String messageId, List<String> messageIds,
                         String previousMessageId, String hl7MessageId, String cpaId, String from, String to,
                         String service, String action, String detail, Instant nextAttemptAt, Instant createdAt,
                         boolean confirmed) {
    public NoticeView {
        messageIds = List.copyOf(messageIds);
    }
}
