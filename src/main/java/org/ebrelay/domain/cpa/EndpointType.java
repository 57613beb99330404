package org.ebrelay.domain.cpa;

import java.util.Optional;

/** TransportReceiver/Endpoint/@type: what a partner's endpoint accepts. */
public enum EndpointType {
    LOGIN("login"),
    REQUEST("request"),
    RESPONSE("response"),
    /** Where MessageErrors go (ERR-4). */
    ERROR("error"),
    ALL_PURPOSE("allPurpose");

    private final String wireName;

    EndpointType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The endpoint type an MSH-level message is posted to: errors to an error endpoint, replies to a response one. */
    public static EndpointType forMshAction(String action) {
        return switch (action) {
            case "MessageError" -> ERROR;
            case "Acknowledgment", "Pong", "StatusResponse" -> RESPONSE;
            default -> REQUEST;
        };
    }

    public static Optional<EndpointType> fromWire(String value) {
        String trimmed = value == null ? null : value.trim();
        for (EndpointType type : values()) {
            if (type.wireName.equals(trimmed)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
