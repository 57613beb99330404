package org.ebrelay.app.port.out;

import java.time.Instant;
import org.ebrelay.domain.reliability.InboundState;

/** What a StatusRequest learns about a received message (digest §11): DELIVERED reads as Processed. */
public record ReceivedStatus(InternalId id, InboundState state, Instant receivedAt) {
}
