package org.ebrelay.app.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.ebrelay.domain.message.MessageId;

/**
 * The replies the nodes of a cluster await, in the database they share: a node records each request it waits on,
 * another node that receives the reply leaves it there, and the requesting node collects it.
 */
public interface ReplyMailbox {

    /** {@code node} waits for the reply to {@code requestId} (rows that dead nodes left long ago are dropped). */
    void expect(MessageId requestId, String node, Instant at);

    /** Leaves the reply for whichever node waits for it: false when none does, or it has its reply already. */
    boolean leave(MessageId requestId, WireMessage reply, Instant at);

    /** The replies left for these requests so far. */
    Map<MessageId, WireMessage> collect(Collection<MessageId> requestIds);

    /** Nobody waits for this reply any longer. */
    void forget(MessageId requestId);
}
