package org.ebrelay.app.port.out;

import java.util.List;
import org.ebrelay.domain.message.MessageId;

/**
 * A stored message with its history.
 *
 * @param messageIds every ebXML MessageId it has had, oldest first (the current one last)
 * @param events     its events, oldest first
 */
public record MessageDetails(MessageSummary summary, List<MessageId> messageIds, List<MessageEvent> events) {
    public MessageDetails {
        messageIds = List.copyOf(messageIds);
        events = List.copyOf(events);
    }
}
