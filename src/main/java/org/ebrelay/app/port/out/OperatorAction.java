package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.ebrelay.domain.reliability.OutboundState;

/**
 * An operator's resend or abandon of one outbound message: applied only if the message is in one of
 * {@code expectedStates} (compare-and-set), recorded as an event with the reason and the operator.
 *
 * @param reason   why, mandatory (not blank)
 * @param operator who, or null when not given
 */
public record OperatorAction(InternalId id, Set<OutboundState> expectedStates, Instant at, String reason,
                             String operator) {
    public OperatorAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        if (expectedStates.isEmpty()) {
            throw new IllegalArgumentException("no expected state");
        }
        expectedStates = Set.copyOf(EnumSet.copyOf(expectedStates));
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an operator action needs a reason");
        }
        reason = reason.strip();
        operator = operator == null || operator.isBlank() ? null : operator.strip();
    }

    /** The event text: who and why. */
    public String eventDetail() {
        return "by " + (operator == null ? "an operator" : "operator " + operator) + ": " + reason;
    }
}
