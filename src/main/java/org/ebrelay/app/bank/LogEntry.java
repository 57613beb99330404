package org.ebrelay.app.bank;

/**
 * One event of the event log as the outbox reads it, with the node that wrote it.
 *
 * @param writer the writing node's id; null for events written before nodes were recorded (or on a node alone)
 */
public record LogEntry(String writer, FeedEvent event) {
    public long sequence() {
        return event.sequence();
    }
}
