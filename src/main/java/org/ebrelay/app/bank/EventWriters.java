package org.ebrelay.app.bank;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The nodes of a cluster that write to the shared event log, and who ships each one's part to the bank: the node
 * itself while it lives, else one live node that took it over with a compare-and-set. Liveness is the cluster's own
 * (Quartz's check-ins), not a heartbeat of the bank's.
 */
public interface EventWriters {

    /**
     * One writer.
     *
     * @param startSequence every event the node wrote has a higher sequence (it registered before writing)
     * @param shippedBy     null: the node ships its own part; else the node that took it over
     */
    record Writer(String node, long startSequence, String shippedBy) {
    }

    /**
     * Records {@code node} as a writer (its part starting after every event written so far) or, when it is one
     * already, takes its part back from whoever shipped it while it was away.
     */
    void register(String node, Instant now);

    /** The writer {@code node}, or null when it is not registered. */
    Writer writer(String node);

    /** Every registered writer. */
    List<Writer> all();

    /** The nodes of the cluster alive at {@code now} (checked in lately, or registered a moment ago). */
    Set<String> alive(Instant now);

    /**
     * Compare-and-set: {@code by} ships {@code node}'s part from now on, if it is still shipped by
     * {@code expectedShipper} (null: by the node itself). True when this call took it.
     */
    boolean takeOver(String node, String expectedShipper, String by, Instant now);

    /** {@code by} has shipped all of the dead {@code node}'s part: the writer is forgotten (it registers again if it returns). */
    void finished(String node, String by);
}
