package org.ebrelay.app.bank;

import java.time.Instant;

/**
 * One event of a node's event log.
 *
 * @param sequence the node's sequence number (unique per node, increasing in commit order)
 * @param key      the node's internal id of the message
 * @param from     the state before, or null when no state changed
 */
public record FeedEvent(long sequence, String key, Instant time, String type, String from, String to,
                        String detail) {
}
