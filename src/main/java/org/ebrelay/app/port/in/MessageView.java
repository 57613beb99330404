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
 * @param cpaVersion   the stored version of its CPA it was sent or received under, or null when unknown
 */
public record MessageView(String messageId, List<String> messageIds, String hl7MessageId, String direction,
                          String state, int attempts, String cpaId, String conversationId, String from, String to,
                          String service, String action, Instant createdAt, List<Event> events,
                          Integer cpaVersion) {
    public MessageView {
        messageIds = List.copyOf(messageIds);
        events = List.copyOf(events);
    }

    /** Without a known CPA version. */
    public MessageView(String messageId, List<String> messageIds, String hl7MessageId, String direction,
                       String state, int attempts, String cpaId, String conversationId, String from, String to,
                       String service, String action, Instant createdAt, List<Event> events) {
        this(messageId, messageIds, hl7MessageId, direction, state, attempts, cpaId, conversationId, from, to,
                service, action, createdAt, events, null);
    }

    /** One thing that happened to the message. */
    public record Event(Instant time, String type, String detail) {
    }
}
