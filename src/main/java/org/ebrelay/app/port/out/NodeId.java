package org.ebrelay.app.port.out;

/** The stable name of a gateway node, recorded on the claims it makes so that several nodes can share one database. */
public record NodeId(String value) {
    public NodeId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("NodeId must not be blank");
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
