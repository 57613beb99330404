package org.ebrelay.app.bank;

import java.util.List;

/**
 * The node's outbox for the bank: its own event log (written in the transaction of every state change) read after
 * a cursor, with the current snapshot of the messages the events concern. No second copy is written per event.
 */
public interface BankOutbox {

    /** Up to {@code limit} events with a sequence above {@code afterSequence}, in sequence order. */
    List<FeedEvent> eventsAfter(long afterSequence, int limit);

    /** The current snapshots of these messages (by key), labelled {@code snapshotSequence}; unknown keys are left out. */
    List<FeedMessage> snapshots(List<String> keys, long snapshotSequence);
}
