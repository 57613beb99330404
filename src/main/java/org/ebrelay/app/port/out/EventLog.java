package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.List;
import org.ebrelay.domain.reliability.EventType;

/** The events of all messages, in sequence order. */
public interface EventLog {

    /**
     * Appends an event that changes no state (a note, a late Acknowledgment...) and returns its sequence.
     *
     * @throws IllegalArgumentException when no message has that id
     */
    long append(InternalId message, Instant at, EventType type, String detail);

    /** Events with a sequence greater than {@code afterSequence}, in sequence order. */
    List<MessageEvent> eventsAfter(long afterSequence, int limit);
}
