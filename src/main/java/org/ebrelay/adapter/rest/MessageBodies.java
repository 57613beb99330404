package org.ebrelay.adapter.rest;

import org.ebrelay.app.port.in.MessageView;

import java.time.Instant;
import java.util.List;

/** The JSON of the status queries ({@code GET /api/messages...}); kept apart from the port so the API is stable. */
final class MessageBodies {
    private MessageBodies() {
    }

    record MessageList(List<MessageJson> messages) {
        static MessageList of(List<MessageView> views) {
            return new MessageList(views.stream().map(MessageJson::of).toList());
        }
    }

    record MessageJson(String messageId, List<String> messageIds, String hl7MessageId, String direction,
                       String state, int attempts, String cpaId, String conversationId, String from, String to,
                       String service, String action, Instant createdAt, Integer cpaVersion,
                       List<EventJson> events) {
        static MessageJson of(MessageView v) {
            return new MessageJson(v.messageId(), v.messageIds(), v.hl7MessageId(), v.direction(), v.state(),
                    v.attempts(), v.cpaId(), v.conversationId(), v.from(), v.to(), v.service(), v.action(),
                    v.createdAt(), v.cpaVersion(), v.events().stream().map(e -> new EventJson(e.time(), e.type(), e.detail())).toList());
        }
    }

    record EventJson(Instant time, String type, String detail) {
    }
}
