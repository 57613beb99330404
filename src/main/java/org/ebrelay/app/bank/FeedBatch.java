package org.ebrelay.app.bank;

import java.util.List;
import java.util.Objects;

/**
 * What a node ships to the bank in one call: events of its event log in sequence order and the current snapshot of
 * every message they concern. Idempotent: events are keyed by (node, sequence), snapshots by (node, message key).
 *
 * @param node     the node's stable id
 * @param upTo     the node's cursor after this batch: every event up to here is in this or an earlier batch, or
 *                 never existed (a rolled-back sequence number)
 * @param notes    what the node noted outside its messages (operator actions, refused requests); stored once per
 *                 (node, note id)
 */
public record FeedBatch(String node, long upTo, List<FeedMessage> messages, List<FeedEvent> events,
                        List<NodeNote> notes) {
    public FeedBatch {
        Objects.requireNonNull(node, "node");
        messages = messages == null ? List.of() : List.copyOf(messages);
        events = events == null ? List.of() : List.copyOf(events);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Messages and events only. */
    public FeedBatch(String node, long upTo, List<FeedMessage> messages, List<FeedEvent> events) {
        this(node, upTo, messages, events, List.of());
    }
}
