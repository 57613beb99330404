package org.ebrelay.adapter.bank;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the bank answers, as the API shows it (docs/bank-api.md). */
public final class Views {
    private Views() {
    }

    public record Page<T>(List<T> items, String next) {
    }

    public record MessageSummary(long id, String node, String key, String direction, String state, String cpaId,
                                 String conversationId, String messageId, String hl7Id, String from, String to,
                                 String partner, String service, String serviceType, String action,
                                 boolean bestEffort, int attempts, Instant createdAt, Instant updatedAt,
                                 String lastReason, int resends, Integer cpaVersion) {
    }

    public record MessageIdEntry(String messageId, int ordinal, Instant assignedAt) {
    }

    public record Event(Long sequence, String node, Instant time, String type, String from, String to,
                        String detail) {
    }

    public record PayloadInfo(int index, String contentId, String contentType, int size) {
    }

    public record WireInfo(String messageId, String contentType, int size, Instant bankedAt) {
    }

    public record Wire(String messageId, String contentType, byte[] body) {
    }

    public record ResendRequest(long requestId, long messageId, String ebxmlMessageId, String node,
                                String assignedNode, String origin, String rule, String reason, String operator,
                                String state, Instant requestedAt, Instant claimedAt, Instant finishedAt,
                                String outcome) {
    }

    /** A message with everything the bank holds about it (payloads are listed by the REST layer). */
    public record MessageDetail(MessageSummary summary, List<MessageIdEntry> messageIds, List<Event> events,
                                List<WireInfo> wires, List<ResendRequest> resendRequests, Instant retainUntil) {
    }

    public record Refusal(long id, String error, String detail) {
    }

    public record ResendBatch(List<ResendRequest> requested, List<Refusal> refused) {
    }

    public record PartnerCounts(String partner, long total, Map<String, Long> byState) {
    }

    public record Bucket(Instant start, long outbound, long inbound) {
    }

    public record NodeCounts(int total, int stale) {
    }

    public record Dashboard(Map<String, Long> byState, List<PartnerCounts> byPartner, List<Bucket> throughput,
                            NodeCounts nodes) {
    }

    /** A request a node refused before a message existed; {@code repeats} counts the ones it stands for. */
    public record RejectedRequest(String node, Instant at, String remote, String answer, String reason, long size,
                                  String firstBytes, int repeats) {
    }

    public record Node(String node, String address, String version, List<String> cpas, Instant firstSeen,
                       Instant lastContact, long lastSequence, long messages, boolean stale) {
    }

    public record Purge(long purgeId, Instant at, String rule, int messages, Instant olderThan) {
    }
}
