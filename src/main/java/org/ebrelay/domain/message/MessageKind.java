package org.ebrelay.domain.message;

/** What an ebXML message is, derived from its Service and Action. */
public enum MessageKind {
    USER_MESSAGE("UserMessage", null),
    ACKNOWLEDGMENT("Acknowledgment", "Acknowledgment"),
    MESSAGE_ERROR("MessageError", "MessageError"),
    STATUS_REQUEST("StatusRequest", "StatusRequest"),
    STATUS_RESPONSE("StatusResponse", "StatusResponse"),
    PING("Ping", "Ping"),
    PONG("Pong", "Pong");

    private final String displayName;
    private final String mshAction;

    MessageKind(String displayName, String mshAction) {
        this.displayName = displayName;
        this.mshAction = mshAction;
    }

    /** The name used in reports and JSON ("UserMessage", "Acknowledgment", ...). */
    public String displayName() {
        return displayName;
    }

    /** The eb:Action of this kind under the MSH service, or null for a user message. */
    public String mshAction() {
        return mshAction;
    }

    /**
     * The kind of a message with this Service and Action. An unknown action under the MSH service is
     * reported as a user message here; whoever validates the header flags it.
     */
    public static MessageKind of(Service service, String action) {
        if (service.isMshService()) {
            for (MessageKind kind : values()) {
                if (action.equals(kind.mshAction)) {
                    return kind;
                }
            }
        }
        return USER_MESSAGE;
    }
}
