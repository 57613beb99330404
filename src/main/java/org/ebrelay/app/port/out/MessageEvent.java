package org.ebrelay.app.port.out;

import java.time.Instant;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.MessageState;

/**
 * One entry of a message's history, appended in the transaction of the change it describes.
 *
 * @param sequence increases with every event of the database, in commit order on one node (the bank outbox reads
 *                 events after the last sequence it shipped)
 * @param from     the state before, or null when the event changed no state
 * @param to       the state after, or null when the event changed no state
 */
public record MessageEvent(long sequence, InternalId message, Instant time, EventType type, MessageState from,
                           MessageState to, String detail) {
}
