package org.ebrelay.app.bank;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one message on a node, as of the node's event {@code snapshotSequence}; a newer snapshot wins.
 *
 * @param key        the node's internal id of the message
 * @param direction  OUTBOUND or INBOUND
 * @param from       the From party as TYPE:VALUE (:VALUE untyped)
 * @param bestEffort an outbound message sent without AckRequested: never resent by the bank
 * @param wire       the current wire bytes (outbound: under the current MessageId), or null
 * @param cpaVersion the stored version of its CPA it was sent or received under; null when unknown (or an older node)
 * @param home       in a cluster, the node the message belongs to in the bank (the writer of its first event), so
 *                   that the events every node writes about it make one timeline; null: the shipping node
 */
public record FeedMessage(String key, String direction, String state, String cpaId, String conversationId,
                          String messageId, String hl7Id, String from, String to, String service, String serviceType,
                          String action, boolean bestEffort, int attempts, Instant createdAt, Instant updatedAt,
                          String lastReason, long snapshotSequence, List<FeedMessageId> messageIds, FeedWire wire,
                          Integer cpaVersion, String home) {
    public FeedMessage {
        messageIds = messageIds == null ? List.of() : List.copyOf(messageIds);
    }

    /** A message of the shipping node itself, without a known CPA version. */
    public FeedMessage(String key, String direction, String state, String cpaId, String conversationId,
                       String messageId, String hl7Id, String from, String to, String service, String serviceType,
                       String action, boolean bestEffort, int attempts, Instant createdAt, Instant updatedAt,
                       String lastReason, long snapshotSequence, List<FeedMessageId> messageIds, FeedWire wire) {
        this(key, direction, state, cpaId, conversationId, messageId, hl7Id, from, to, service, serviceType, action,
                bestEffort, attempts, createdAt, updatedAt, lastReason, snapshotSequence, messageIds, wire, null, null);
    }

    /** The same snapshot, belonging to {@code node} in the bank. */
    public FeedMessage withHome(String node) {
        return new FeedMessage(key, direction, state, cpaId, conversationId, messageId, hl7Id, from, to, service,
                serviceType, action, bestEffort, attempts, createdAt, updatedAt, lastReason, snapshotSequence,
                messageIds, wire, cpaVersion, node);
    }

    public boolean outbound() {
        return "OUTBOUND".equals(direction);
    }

    /** The other side: To of an outbound message, From of an inbound one. */
    public String partner() {
        return outbound() ? to : from;
    }

    /** One ebXML MessageId of the chain. */
    public record FeedMessageId(String messageId, int ordinal, Instant assignedAt) {
    }

    /** Wire bytes as sent (or received) under {@code messageId}. */
    public record FeedWire(String messageId, String contentType, byte[] body) {
    }
}
