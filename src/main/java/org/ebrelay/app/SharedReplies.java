package org.ebrelay.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ebrelay.app.port.out.Decoded;
import org.ebrelay.app.port.out.MessageCodec;
import org.ebrelay.app.port.out.ReplyMailbox;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.EbmsMessage;
import org.ebrelay.domain.message.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Awaited replies shared by the nodes of a cluster through the database: a Pong or StatusResponse that reaches
 * another node than the one that sent the Ping or StatusRequest (a load balancer, a partner answering to the URL of
 * its CPA) is left in the {@link ReplyMailbox}, and the requesting node collects it by polling while it waits.
 * Nothing is read while the node waits for nothing.
 */
public final class SharedReplies implements PendingReplies.Elsewhere, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SharedReplies.class);

    private final PendingReplies pending;
    private final ReplyMailbox mailbox;
    private final MessageCodec codec;
    private final String node;
    private final Clock clock;
    private ScheduledExecutorService poller;

    public SharedReplies(PendingReplies pending, ReplyMailbox mailbox, MessageCodec codec, String node, Clock clock) {
        this.pending = pending;
        this.mailbox = mailbox;
        this.codec = codec;
        this.node = node;
        this.clock = clock;
    }

    /** Shares {@code pending}'s replies and collects this node's every {@code interval}. */
    public synchronized void start(Duration interval) {
        pending.shareWith(this);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ebrelay-shared-replies");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::collectQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void expect(MessageId requestId) {
        mailbox.expect(requestId, node, clock.instant());
    }

    @Override
    public boolean leave(MessageId requestId, EbmsMessage reply) {
        boolean left = mailbox.leave(requestId, codec.encode(reply), clock.instant());
        if (left) {
            LOG.debug("reply to {} left for the node that waits for it", requestId);
        }
        return left;
    }

    @Override
    public void forget(MessageId requestId) {
        mailbox.forget(requestId);
    }

    /** Hands the replies left for this node's requests to their waiters; returns how many. */
    public int collect() {
        Set<MessageId> awaited = pending.awaited();
        if (awaited.isEmpty()) {
            return 0;
        }
        int handed = 0;
        for (Map.Entry<MessageId, WireMessage> left : mailbox.collect(awaited).entrySet()) {
            Decoded decoded = codec.decode(left.getValue());
            if (decoded.message() != null && pending.completeHere(left.getKey(), decoded.message())) {
                handed++;
            }
        }
        return handed;
    }

    private void collectQuietly() {
        try {
            collect();
        } catch (RuntimeException e) {
            LOG.warn("collecting replies left by other nodes failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
        }
        pending.shareWith(PendingReplies.Elsewhere.NONE);
    }
}
