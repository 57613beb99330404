package org.ebrelay.app.bank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a cluster, the parts of the event log that dead nodes left unshipped. A node is dead when the cluster says so
 * (it stopped checking in); one live node takes its part over with a compare-and-set on the writer's row, so two
 * survivors never both ship it, and ships it under the dead node's id. Once the part is banked to the end of the
 * log the writer is forgotten; a node that returns registers again and ships its own part from the bank's cursor.
 */
final class DeadNodeParts {
    private static final Logger LOG = LoggerFactory.getLogger("org.ebrelay.bank.shipper");

    private final String self;
    private final EventWriters writers;
    private final Clock clock;
    private final Duration gapWait;
    private final Map<String, LogPart> held = new HashMap<>();

    DeadNodeParts(String self, EventWriters writers, Clock clock, Duration gapWait) {
        this.self = self;
        this.writers = writers;
        this.clock = clock;
        this.gapWait = gapWait;
    }

    /** Takes over the parts of dead nodes nobody alive ships, ships the parts held; returns the events shipped. */
    int run(BankOutbox outbox, BankChannel channel, int batchSize, int batches) {
        Instant now = clock.instant();
        List<EventWriters.Writer> all = writers.all();
        Set<String> alive = writers.alive(now);
        int shipped = 0;
        try {
            for (EventWriters.Writer writer : all) {
                if (!writer.node().equals(self) && holds(writer, alive, now)) {
                    shipped += ship(writer, outbox, channel, batchSize, batches);
                }
            }
        } catch (BankChannel.BankUnavailable e) {
            held.values().forEach(LogPart::unposition);
            throw e;
        }
        return shipped;
    }

    /** True when this node ships the writer's part now, taking it over if the writer and its shipper are dead. */
    private boolean holds(EventWriters.Writer writer, Set<String> alive, Instant now) {
        if (alive.contains(writer.node())) {
            held.remove(writer.node());
            return false;
        }
        if (self.equals(writer.shippedBy())) {
            return true;
        }
        held.remove(writer.node());
        if (writer.shippedBy() != null && alive.contains(writer.shippedBy())) {
            return false;
        }
        if (!writers.takeOver(writer.node(), writer.shippedBy(), self, now)) {
            return false;
        }
        LOG.info("node {} is dead: {} ships the rest of its events to the bank", writer.node(), self);
        return true;
    }

    private int ship(EventWriters.Writer writer, BankOutbox outbox, BankChannel channel, int batchSize,
                     int batches) {
        String node = writer.node();
        LogPart part = held.computeIfAbsent(node, n -> new LogPart(n, self, LogPart.writtenBy(n), clock, gapWait));
        if (!part.positioned()) {
            part.position(channel.feed(new FeedBatch(node, 0, List.of(), List.of(), List.of(), self)),
                    writer.startSequence());
        }
        LogPart.Progress progress = part.ship(outbox, channel, batchSize, batches);
        if (progress.caughtUp()) {
            writers.finished(node, self);
            held.remove(node);
            LOG.info("the events of dead node {} are banked up to {}", node, part.cursor());
        }
        return progress.shipped();
    }

    /** The dead nodes whose parts this node ships now. */
    Set<String> held() {
        return Set.copyOf(held.keySet());
    }
}
