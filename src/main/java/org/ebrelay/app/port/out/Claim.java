package org.ebrelay.app.port.out;

import java.util.Objects;

/**
 * The token of one claim: only the node holding it may record the attempt's outcome, and only while no other claim
 * replaced it (its lease ran out and another node took the message over).
 *
 * @param attempt the message's attempt count including this claim's attempt
 */
public record Claim(InternalId id, NodeId node, int attempt) {
    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1: " + attempt);
        }
    }
}
