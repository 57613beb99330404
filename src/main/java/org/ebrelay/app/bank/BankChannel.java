package org.ebrelay.app.bank;

import java.util.List;

/**
 * How a node talks to the bank: always the node calling (in-process for the in-node bank, HTTP for a standalone
 * one), so the bank never needs to know or reach a node's address. Every call also counts as the node's contact.
 * A failure throws {@link BankUnavailable}; the node tries again later and loses nothing.
 */
public interface BankChannel {

    /** Announces the node; answers where the bank's copy of its event log ends. */
    long hello(String node, NodeHello hello);

    /** Stores a batch (idempotently); answers where the bank's copy of the node's event log ends now. */
    long feed(FeedBatch batch);

    /** Work for this node, claimed by it for a while (handed out again when never answered). */
    List<WorkItem> work(String node, int limit);

    /** The node's CPAs as they are now (the whole set: a CPA left out is no longer served by the node). */
    void cpas(String node, List<CpaReport> cpas);

    /** The outcome of one work item. */
    void report(String node, long requestId, WorkOutcome outcome);

    /** The bank cannot be reached or refused the call; nothing was lost on the node. */
    final class BankUnavailable extends RuntimeException {
        public BankUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
