package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebrelay.adapter.bank.Views.MessageSummary;
import org.ebrelay.adapter.bank.Views.ResendRequest;
import org.ebrelay.app.bank.BankedCopy;
import org.ebrelay.app.bank.WorkItem;
import org.ebrelay.app.bank.WorkOutcome;

/**
 * Resend requests: asked by an operator or an automatic rule, handed to the owning node as work (claimed by it for a
 * lease), answered by the node. Every step is a compare-and-set on the request's state and is on the timeline.
 */
final class BankResendRows {
    static final String PENDING = "PENDING";
    static final String CLAIMED = "CLAIMED";
    private static final String DECLINED_BY = "declined by: ";
    private static final String COLUMNS = "r.id, r.bank_message, m.message_id, r.node_id, r.assigned_node, r.origin,"
            + " r.rule_name, r.reason, r.operator_name, r.state, r.requested_at, r.claimed_at, r.finished_at,"
            + " r.outcome, m.message_key";

    private BankResendRows() {
    }

    /** Why {@code message} cannot be resent now, or null when it can. */
    static String refusal(Connection c, MessageSummary message) throws SQLException {
        if (!"OUTBOUND".equals(message.direction())) {
            return "only messages we send can be resent; this one was received";
        }
        if (message.bestEffort()) {
            return "a best-effort message (no AckRequested) is never resent";
        }
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM bank_resends WHERE bank_message = ?"
                + " AND state IN ('PENDING', 'CLAIMED')")) {
            select.setLong(1, message.id());
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? "resend request " + r.getLong(1) + " is still open" : null;
            }
        }
    }

    static long insert(Connection c, MessageSummary message, String origin, String rule, String reason,
                       String operator, Instant now) throws SQLException {
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_resends (bank_message, node_id,"
                + " assigned_node, origin, rule_name, reason, operator_name, state, requested_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, message.id());
            insert.setString(2, message.node());
            insert.setString(3, message.node());
            insert.setString(4, origin);
            insert.setString(5, rule);
            insert.setString(6, BankRows.text(reason));
            insert.setString(7, operator);
            insert.setLong(8, now.toEpochMilli());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE bank_messages SET resends = resends + 1 WHERE id = ?")) {
            update.setLong(1, message.id());
            update.executeUpdate();
        }
        String who = WorkItem.AUTOMATIC.equals(origin) ? "rule " + rule : (operator == null ? "an operator" : operator);
        BankRows.bankEvent(c, message.id(), now, "BANK_RESEND_REQUESTED",
                "request " + id + " by " + who + ": " + reason);
        return id;
    }

    static ResendRequest byId(Connection c, long requestId) throws SQLException {
        List<ResendRequest> found = select(c, " WHERE r.id = ?", List.of(requestId), 1);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<ResendRequest> ofMessage(Connection c, long message) throws SQLException {
        return select(c, " WHERE r.bank_message = ? ORDER BY r.id", List.of(message), 1000);
    }

    /** Newest first, after {@code afterId} (0: from the newest). */
    static List<ResendRequest> list(Connection c, String state, long afterId, int limit) throws SQLException {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (state != null) {
            where.append(" AND r.state = ?");
            args.add(state);
        }
        if (afterId > 0) {
            where.append(" AND r.id < ?");
            args.add(afterId);
        }
        where.append(" ORDER BY r.id DESC");
        return select(c, where.toString(), args, limit + 1);
    }

    /**
     * Claims the node's due work (pending, or claimed before and the lease ran out) for {@code lease}; then, room
     * left, work of nodes not heard from since {@code staleBefore} for a CPA this node serves.
     */
    static List<WorkItem> claimWork(Connection c, String node, int limit, Instant now, Instant leaseEnd,
                                    Instant staleBefore) throws SQLException {
        List<ResendRequest> due = select(c, " WHERE r.assigned_node = ? AND (r.state = 'PENDING'"
                + " OR (r.state = 'CLAIMED' AND r.claim_until < ?)) ORDER BY r.id", List.of(node, now.toEpochMilli()),
                limit);
        List<WorkItem> work = new ArrayList<>();
        for (ResendRequest r : due) {
            try (PreparedStatement claim = c.prepareStatement("UPDATE bank_resends SET state = 'CLAIMED',"
                    + " claimed_at = ?, claim_until = ? WHERE id = ? AND state = ? AND (state = 'PENDING'"
                    + " OR claim_until < ?)")) {
                claim.setLong(1, now.toEpochMilli());
                claim.setLong(2, leaseEnd.toEpochMilli());
                claim.setLong(3, r.requestId());
                claim.setString(4, r.state());
                claim.setLong(5, now.toEpochMilli());
                if (claim.executeUpdate() == 1) {
                    work.add(item(c, r, r.node().equals(node) ? null : copyOf(c, r.messageId())));
                }
            }
        }
        if (work.size() < limit) {
            work.addAll(takeOver(c, node, limit - work.size(), now, leaseEnd, staleBefore));
        }
        return work;
    }

    /**
     * Hands {@code node} due requests whose assigned node is stale (gone) and whose message travels under a CPA
     * {@code node} announced: it resends the bank's copy as a new message. The move is a compare-and-set on the
     * request's assigned node and state, so two nodes never both take one.
     */
    private static List<WorkItem> takeOver(Connection c, String node, int limit, Instant now, Instant leaseEnd,
                                           Instant staleBefore) throws SQLException {
        Set<String> cpas = cpasOf(c, node);
        if (cpas.isEmpty()) {
            return List.of();
        }
        List<Object> args = List.of(node, now.toEpochMilli(), staleBefore.toEpochMilli());
        List<WorkItem> work = new ArrayList<>();
        for (ResendRequest r : select(c, " JOIN bank_nodes n ON n.node_id = r.assigned_node WHERE r.assigned_node <> ?"
                + " AND (r.state = 'PENDING' OR (r.state = 'CLAIMED' AND r.claim_until < ?)) AND n.last_contact < ?"
                + " ORDER BY r.id", args, 1000)) {
            if (work.size() >= limit || !cpas.contains(cpaOf(c, r.messageId()))
                    || declinedBy(r.outcome()).contains(node)) {
                continue;
            }
            try (PreparedStatement claim = c.prepareStatement("UPDATE bank_resends SET assigned_node = ?,"
                    + " state = 'CLAIMED', claimed_at = ?, claim_until = ? WHERE id = ? AND assigned_node = ?"
                    + " AND state = ? AND (state = 'PENDING' OR claim_until < ?)")) {
                claim.setString(1, node);
                claim.setLong(2, now.toEpochMilli());
                claim.setLong(3, leaseEnd.toEpochMilli());
                claim.setLong(4, r.requestId());
                claim.setString(5, r.assignedNode());
                claim.setString(6, r.state());
                claim.setLong(7, now.toEpochMilli());
                if (claim.executeUpdate() == 1) {
                    BankRows.bankEvent(c, r.messageId(), now, "BANK_RESEND_REASSIGNED", "request " + r.requestId()
                            + ": node " + r.assignedNode() + " is gone; handed to node " + node + " (same CPA)");
                    work.add(item(c, r, copyOf(c, r.messageId())));
                }
            }
        }
        return work;
    }

    /** Records a node's answer; false when that node holds no such claimed request. */
    static boolean finish(Connection c, String node, long requestId, WorkOutcome outcome, Instant now)
            throws SQLException {
        ResendRequest request = byId(c, requestId);
        if (request == null || !node.equals(request.assignedNode())) {
            return false;
        }
        if (outcome.declined() && !node.equals(request.node())) {
            return decline(c, node, request, outcome, now);
        }
        String state = outcome.done() ? "DONE" : "REFUSED";
        try (PreparedStatement update = c.prepareStatement("UPDATE bank_resends SET state = ?, finished_at = ?,"
                + " outcome = ?, claim_until = NULL WHERE id = ? AND state = 'CLAIMED'")) {
            update.setString(1, state);
            update.setLong(2, now.toEpochMilli());
            update.setString(3, BankRows.text(outcome.detail()));
            update.setLong(4, requestId);
            if (update.executeUpdate() != 1) {
                return true; // answered already (a repeated report): nothing more to record
            }
        }
        BankRows.bankEvent(c, request.messageId(), now, outcome.done() ? "BANK_RESEND_DONE" : "BANK_RESEND_REFUSED",
                "request " + requestId + " on node " + node + ": " + outcome.detail());
        return true;
    }

    /**
     * A node that took a gone node's request cannot send it (not its party, say): back to PENDING on the owner, so
     * the next node with the CPA gets it; while pending, {@code outcome} lists who declined, so none takes it twice.
     */
    private static boolean decline(Connection c, String node, ResendRequest request, WorkOutcome outcome,
                                   Instant now) throws SQLException {
        List<String> declined = new ArrayList<>(declinedBy(request.outcome()));
        declined.add(node);
        try (PreparedStatement update = c.prepareStatement("UPDATE bank_resends SET state = 'PENDING',"
                + " assigned_node = node_id, claimed_at = NULL, claim_until = NULL, outcome = ?"
                + " WHERE id = ? AND state = 'CLAIMED' AND assigned_node = ?")) {
            update.setString(1, DECLINED_BY + String.join(",", declined));
            update.setLong(2, request.requestId());
            update.setString(3, node);
            if (update.executeUpdate() != 1) {
                return true;
            }
        }
        BankRows.bankEvent(c, request.messageId(), now, "BANK_RESEND_DECLINED", "request " + request.requestId()
                + " on node " + node + ": " + outcome.detail());
        return true;
    }

    private static List<String> declinedBy(String outcome) {
        return outcome == null || !outcome.startsWith(DECLINED_BY) ? List.of()
                : Arrays.asList(outcome.substring(DECLINED_BY.length()).split(","));
    }

    private static WorkItem item(Connection c, ResendRequest r, BankedCopy copy) throws SQLException {
        return new WorkItem(r.requestId(), WorkItem.RESEND, r.node(), keyOf(c, r.messageId()), r.ebxmlMessageId(),
                r.origin(), r.reason(), WorkItem.AUTOMATIC.equals(r.origin()) ? r.rule() : r.operator(), copy);
    }

    /** The latest banked wire and HL7 id, or null when the wire is not banked (the node then refuses). */
    private static BankedCopy copyOf(Connection c, long message) throws SQLException {
        Views.Wire wire = BankDetailRows.wire(c, message, null);
        if (wire == null) {
            return null;
        }
        try (PreparedStatement select = c.prepareStatement("SELECT hl7_id FROM bank_messages WHERE id = ?")) {
            select.setLong(1, message);
            try (ResultSet r = select.executeQuery()) {
                return new BankedCopy(r.next() ? r.getString(1) : null, wire.contentType(), wire.body());
            }
        }
    }

    private static Set<String> cpasOf(Connection c, String node) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT cpas FROM bank_nodes WHERE node_id = ?")) {
            select.setString(1, node);
            try (ResultSet r = select.executeQuery()) {
                String cpas = r.next() ? r.getString(1) : null;
                return cpas == null || cpas.isBlank() ? Set.of() : new HashSet<>(Arrays.asList(cpas.split(",")));
            }
        }
    }

    private static String cpaOf(Connection c, long message) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT cpa_id FROM bank_messages WHERE id = ?")) {
            select.setLong(1, message);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static String keyOf(Connection c, long message) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT message_key FROM bank_messages WHERE id = ?")) {
            select.setLong(1, message);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static List<ResendRequest> select(Connection c, String where, List<Object> args, int limit)
            throws SQLException {
        List<ResendRequest> found = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM bank_resends r"
                + " JOIN bank_messages m ON m.id = r.bank_message" + where)) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            select.setMaxRows(limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new ResendRequest(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), BankRows.instant(r, "requested_at"), BankRows.instant(r, "claimed_at"),
                            BankRows.instant(r, "finished_at"), r.getString(14)));
                }
            }
        }
        return found;
    }
}
