package org.ebrelay.app.port.in;

import java.time.Instant;
import java.util.List;

/**
 * A message as status queries show it.
 *
 * @param messageId    the current ebXML MessageId
 * @param messageIds   every ebXML id this message has had, oldest first
 * @param direction    OUTBOUND or INBOUND
 * @param state        an OutboundState or InboundState name
 * @param attempts     send attempts so far (0 for inbound)
 */
public record MessageView(String messageId, List<String> messageIds, String hl7MessageId, String direction,
                          String state, int attempts, String cpaId, String conversationId, String from, String to,
                          String service, String action, Instant createdAt, List<Event> events) {
    public MessageView {
        messageIds = List.copyOf(messageIds);
        events = List.copyOf(events);
    }

    /** One thing that happened to the message. */
    public record Event(Instant time, String type, String detail) {
    }
}
