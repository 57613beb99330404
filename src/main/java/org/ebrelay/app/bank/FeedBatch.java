package org.ebrelay.app.bank;

import java.util.List;
import java.util.Objects;

/**
 * What a node ships to the bank in one call: events of its event log in sequence order and the current snapshot of
 * every message they concern. Idempotent: events are keyed by (node, sequence), snapshots by (node, message key).
 *
 * @param node     the node's stable id
 * @param upTo     the node's cursor after this batch: every event up to here is in this or an earlier batch, or
 *                 never existed (a rolled-back sequence number). In a cluster the sequence is the shared log's,
 *                 so the node's own events have gaps: the other nodes' events
 * @param notes    what the node noted outside its messages (operator actions, refused requests); stored once per
 *                 (node, note id)
 * @param shippedBy null when the node ships its own log; else the live node of the cluster that ships the part
 *                  of a dead node's log (it does not count as the dead node's contact)
 */
public record FeedBatch(String node, long upTo, List<FeedMessage> messages, List<FeedEvent> events,
                        List<NodeNote> notes, String shippedBy) {
    public FeedBatch {
        Objects.requireNonNull(node, "node");
        messages = messages == null ? List.of() : List.copyOf(messages);
        events = events == null ? List.of() : List.copyOf(events);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** Messages and events the node ships itself. */
    public FeedBatch(String node, long upTo, List<FeedMessage> messages, List<FeedEvent> events) {
        this(node, upTo, messages, events, List.of(), null);
    }

    /** True when another node ships this node's part of the log (the node itself is dead). */
    public boolean onBehalf() {
        return shippedBy != null && !shippedBy.equals(node);
    }
}
