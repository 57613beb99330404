package org.ebrelay.app.bank;

import java.util.List;

/**
 * The node's outbox for the bank: the event log (written in the transaction of every state change) read after a
 * cursor, with the current snapshot of the messages the events concern. No second copy is written per event. In a
 * cluster the log is shared by the nodes and each entry names its writer.
 */
public interface BankOutbox {

    /** Up to {@code limit} entries with a sequence above {@code afterSequence}, in sequence order, of every writer. */
    List<LogEntry> entriesAfter(long afterSequence, int limit);

    /**
     * The current snapshots of these messages (by key), labelled {@code snapshotSequence}; unknown keys are left
     * out. In a cluster each names its home node (the writer of its first event).
     */
    List<FeedMessage> snapshots(List<String> keys, long snapshotSequence);
}
