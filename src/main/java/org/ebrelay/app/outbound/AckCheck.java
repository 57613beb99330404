package org.ebrelay.app.outbound;

import java.time.Instant;
import java.util.Optional;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;

/**
 * Checks an Acknowledgment that came back on the HTTP response of a send before it completes the message (ACK-8:
 * a signed ack must verify). The seam for signing (issue 6); {@link #NONE} accepts every ack.
 */
@FunctionalInterface
public interface AckCheck {
    AckCheck NONE = (sent, wire, ack, at) -> Optional.empty();

    /** Why {@code ack}, received as {@code wire} for {@code sent}, does not count, or empty when it does. */
    Optional<String> problem(ClaimedMessage sent, WireMessage wire, EbmsMessage ack, Instant at);
}
