package org.ebrelay.app.port.out;

import java.time.Instant;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.MessageState;

/**
 * A stored message as lists and status show it.
 *
 * @param attempts      send attempts so far (0 for inbound)
 * @param createdAt     submitted (outbound) or received (inbound)
 * @param nextAttemptAt when the dispatcher looks at it again, or null
 * @param lastReason    the detail of its latest state change, or null
 * @param cpaVersion    the stored version of its CPA it was sent or received under, or null when unknown
 */
public record MessageSummary(InternalId id, Direction direction, MessageState state, MessageHeading heading,
                             int attempts, Instant createdAt, Instant updatedAt, Instant nextAttemptAt,
                             String lastReason, Integer cpaVersion) {
}
