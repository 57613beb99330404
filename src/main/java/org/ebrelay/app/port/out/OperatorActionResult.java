package org.ebrelay.app.port.out;

import java.util.Objects;
import org.ebrelay.domain.reliability.OutboundState;

/** What an {@link OperatorAction} found. */
public sealed interface OperatorActionResult
        permits OperatorActionResult.Applied, OperatorActionResult.NotInState, OperatorActionResult.Unknown {

    /** Done: the message went from {@code from} to {@code to}, committed with its event. */
    record Applied(OutboundState from, OutboundState to) implements OperatorActionResult {
        public Applied {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** Nothing changed: the message is in {@code current}, not one of the expected states. */
    record NotInState(OutboundState current) implements OperatorActionResult {
        public NotInState {
            Objects.requireNonNull(current, "current");
        }
    }

    /** No outbound message has this internal id. */
    record Unknown() implements OperatorActionResult {
    }
}
