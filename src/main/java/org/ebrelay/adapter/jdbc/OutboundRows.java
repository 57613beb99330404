package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ebrelay.app.port.out.AttemptOutcome;
import org.ebrelay.app.port.out.Claim;
import org.ebrelay.app.port.out.ClaimLimits;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.OutboundTransition;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;

/** Writes to outbound_messages: insert, claim, attempt outcome, transitions. Each method runs inside a unit of work. */
final class OutboundRows {
    private static final String INSERT = "INSERT INTO outbound_messages (id, cpa_id, conversation_id, message_id,"
            + " message_timestamp, time_to_live, deliver_by, hl7_id, from_party_type, from_party_value, to_party_type,"
            + " to_party_value, service_type, service_value, action, ack_requested, duplicate_elimination, sync_reply,"
            + " retries, retry_interval_ms, persist_duration_ms, endpoint_url, soap_action, state,"
            + " next_attempt_at, created_at, updated_at, cpa_version, claim_node, claim_until, attempts,"
            + " sequence_attempts)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_WIRE = "INSERT INTO outbound_wire (message_key, content_type, wire)"
            + " VALUES (?, ?, ?)";
    /**
     * Parameters: now, now, limit. The lower bound matters: H2 sorts NULLs first in an index and reads a bare
     * {@code <= ?} range from the index's start, i.e. through every finished message (NULL due time) first.
     */
    static final String DUE_CANDIDATES = dueCandidates(0);
    /**
     * The earliest due time: the first entry of the due index from 0 on. Not MIN(next_attempt_at): H2 answers that
     * from the index's start and steps over every NULL (finished message) one by one, reading each row.
     */
    static final String NEXT_DUE = "SELECT next_attempt_at AS due FROM outbound_messages WHERE next_attempt_at >= 0"
            + " ORDER BY next_attempt_at LIMIT 1";
    private static final String CLAIMABLE = "state IN ('QUEUED', 'SENDING', 'AWAITING_ACK', 'RETRYING', 'SLOW_RETRY')"
            + " AND next_attempt_at <= ? AND (claim_until IS NULL OR claim_until <= ?)";
    /**
     * A SENDING message taken over: its lost attempt counts as ended, undelivered, when its lease ran out. A claim
     * from SLOW_RETRY is a slow-retry wake-up: a fresh ebXML retry sequence starts (issue 4).
     */
    private static final String CLAIM = "UPDATE outbound_messages SET state = 'SENDING', claim_node = ?,"
            + " claim_until = ?, next_attempt_at = ?, attempts = attempts + 1,"
            + " sequence_attempts = CASE WHEN state = 'SLOW_RETRY' THEN 1 ELSE sequence_attempts + 1 END,"
            + " slow_retry_rounds = CASE WHEN state = 'SLOW_RETRY' THEN slow_retry_rounds + 1 ELSE slow_retry_rounds END,"
            + " last_attempt_end = CASE WHEN state = 'SENDING' THEN claim_until ELSE last_attempt_end END,"
            + " last_attempt_delivered = CASE WHEN state = 'SENDING' THEN FALSE ELSE last_attempt_delivered END,"
            + " updated_at = ? WHERE id = ? AND state = ? AND " + CLAIMABLE;
    private static final String ATTEMPTED = "UPDATE outbound_messages SET state = ?, next_attempt_at = ?,"
            + " claim_node = NULL, claim_until = NULL, last_attempt_end = ?, last_attempt_delivered = ?,"
            + " last_reason = ?, updated_at = ? WHERE id = ? AND state = 'SENDING' AND claim_node = ? AND attempts = ?";
    private static final String NOT_ATTEMPTED = "UPDATE outbound_messages SET state = ?, next_attempt_at = ?,"
            + " claim_node = NULL, claim_until = NULL, attempts = attempts - 1, sequence_attempts = sequence_attempts - 1,"
            + " last_reason = ?, updated_at = ? WHERE id = ? AND state = 'SENDING' AND claim_node = ? AND attempts = ?";
    private static final String TRANSITION = "UPDATE outbound_messages SET state = ?, next_attempt_at = ?,"
            + " claim_node = NULL, claim_until = NULL,"
            + " sequence_attempts = CASE WHEN ? THEN 0 ELSE sequence_attempts END,"
            + " last_reason = ?, updated_at = ? WHERE id = ? AND state = ?";

    private OutboundRows() {
    }

    static Void insert(Connection connection, SubmittedMessage message) throws SQLException {
        insert(connection, message, null, null);
        EventRows.append(connection, message.id(), Direction.OUTBOUND, message.submittedAt(), EventType.SUBMITTED,
                null, OutboundState.QUEUED, "queued for " + message.endpointUrl());
        return null;
    }

    /**
     * Inserts the message QUEUED, or, with a {@code claimant}, already SENDING: claimed by it until
     * {@code leaseUntil} for its first attempt, exactly as {@link #claim} would leave it.
     */
    private static void insert(Connection connection, SubmittedMessage message, NodeId claimant, Instant leaseUntil)
            throws SQLException {
        boolean claimed = claimant != null;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int i = bindHeading(insert, message.id(), message.heading(), message.timeToLive(), message.deadline());
            i = bindTerms(insert, i, message.terms());
            insert.setString(i++, message.endpointUrl());
            insert.setString(i++, message.soapAction());
            insert.setString(i++, (claimed ? OutboundState.SENDING : OutboundState.QUEUED).code());
            SqlValues.setInstant(insert, i++, claimed ? leaseUntil : message.firstAttemptAt());
            SqlValues.setInstant(insert, i++, message.submittedAt());
            SqlValues.setInstant(insert, i++, message.submittedAt());
            SqlValues.setInteger(insert, i++, message.cpaVersion());
            insert.setString(i++, claimed ? claimant.value() : null);
            SqlValues.setInstant(insert, i++, leaseUntil);
            insert.setInt(i++, claimed ? 1 : 0);
            insert.setInt(i, claimed ? 1 : 0);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlValues.duplicateKeyAsArgument(e,
                    "already stored: " + message.id() + " / " + message.heading().messageId());
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WIRE)) {
            insert.setString(1, message.id().value());
            insert.setString(2, message.wire().contentType());
            insert.setBytes(3, message.wire().body());
            insert.executeUpdate();
        }
        MessageIdRows.add(connection, message.id(), message.heading().messageId(), message.heading().timestamp(),
                message.submittedAt());
    }

    private static int bindHeading(PreparedStatement insert, InternalId id, MessageHeading heading,
                                   Instant timeToLive, Instant deadline) throws SQLException {
        int i = 1;
        insert.setString(i++, id.value());
        insert.setString(i++, heading.cpaId().value());
        insert.setString(i++, heading.conversationId().value());
        insert.setString(i++, heading.messageId().value());
        SqlValues.setInstant(insert, i++, heading.timestamp());
        SqlValues.setInstant(insert, i++, timeToLive);
        SqlValues.setInstant(insert, i++, deadline);
        insert.setString(i++, heading.hl7Id());
        insert.setString(i++, SqlValues.type(heading.from().type()));
        insert.setString(i++, heading.from().value());
        insert.setString(i++, SqlValues.type(heading.to().type()));
        insert.setString(i++, heading.to().value());
        insert.setString(i++, SqlValues.type(heading.service().type()));
        insert.setString(i++, heading.service().value());
        insert.setString(i++, heading.action());
        return i;
    }

    private static int bindTerms(PreparedStatement insert, int first, DeliveryTerms terms) throws SQLException {
        int i = first;
        insert.setBoolean(i++, terms.ackRequested());
        insert.setBoolean(i++, terms.duplicateElimination());
        insert.setBoolean(i++, terms.syncReply());
        insert.setInt(i++, terms.retries());
        SqlValues.setDuration(insert, i++, terms.retryInterval());
        SqlValues.setDuration(insert, i++, terms.persistDuration());
        return i;
    }

    /**
     * Stores the message already claimed by {@code node} for its first attempt: one insert, and the claimed message
     * built from what was inserted instead of read back. Its events are those of an insert and a claim.
     */
    static ClaimedMessage insertClaimed(Connection connection, SubmittedMessage message, NodeId node,
                                        Instant leaseUntil) throws SQLException {
        Instant now = message.submittedAt();
        insert(connection, message, node, leaseUntil);
        EventRows.append(connection, message.id(), Direction.OUTBOUND, now, EventType.SUBMITTED, null,
                OutboundState.QUEUED, "queued for " + message.endpointUrl());
        EventRows.append(connection, message.id(), Direction.OUTBOUND, now, EventType.SEND_STARTED,
                OutboundState.QUEUED, OutboundState.SENDING, "attempt 1 by node " + node + " on acceptance");
        return claimedOnAcceptance(message, node, leaseUntil);
    }

    /** What {@link ClaimedRows#read} would return for a message {@link #insertClaimed inserted claimed}. */
    private static ClaimedMessage claimedOnAcceptance(SubmittedMessage message, NodeId node, Instant leaseUntil) {
        MessageHeading heading = message.heading();
        return new ClaimedMessage(new Claim(message.id(), node, 1), OutboundState.QUEUED,
                heading.withMessageId(heading.messageId(), SqlValues.stored(heading.timestamp())), message.terms(),
                SqlValues.stored(message.timeToLive()), SqlValues.stored(message.deadline()), message.endpointUrl(),
                message.soapAction(), message.wire(), 1, 1, null, false, SqlValues.stored(leaseUntil), 0,
                SqlValues.stored(message.submittedAt()));
    }

    /**
     * Due candidates, leaving out {@code excluded} endpoints (paced partners that may take nothing now): the filter
     * applies to the rows of the due range, which is still read in index order (QueryPlanTest).
     */
    static String dueCandidates(int excluded) {
        String notIn = excluded == 0 ? "" : " AND endpoint_url NOT IN (" + "?, ".repeat(excluded - 1) + "?)";
        return "SELECT id, state, endpoint_url FROM outbound_messages WHERE next_attempt_at BETWEEN 0 AND ?"
                + " AND (claim_until IS NULL OR claim_until <= ?)" + notIn + " ORDER BY next_attempt_at, id LIMIT ?";
    }

    static List<ClaimedMessage> claimDue(Connection connection, NodeId node, Instant now, Instant leaseUntil,
                                         int limit, ClaimLimits limits) throws SQLException {
        return claimDue(connection, node, now, leaseUntil, limit, limits, false);
    }

    /**
     * @param skipLocked lock the candidates as they are read and pass over rows another transaction holds
     *                   ({@code FOR UPDATE SKIP LOCKED}, PostgreSQL): nodes sharing a database then claim disjoint
     *                   messages instead of queueing behind each other's row locks to find them taken
     */
    static List<ClaimedMessage> claimDue(Connection connection, NodeId node, Instant now, Instant leaseUntil,
                                         int limit, ClaimLimits limits, boolean skipLocked) throws SQLException {
        List<ClaimedMessage> claimed = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>();
        for (Candidate candidate : dueCandidates(connection, now, limit, limits.excludedEndpoints(), skipLocked)) {
            int already = taken.getOrDefault(candidate.endpointUrl(), 0);
            if (already >= limits.allowance(candidate.endpointUrl())) {
                continue; // this partner's share of the claim is taken: the rest stays due, unclaimed
            }
            taken.put(candidate.endpointUrl(), already + 1);
            InternalId id = InternalId.of(candidate.id());
            if (claim(connection, id, candidate.state(), node, now, leaseUntil)) {
                ClaimedMessage message = ClaimedRows.read(connection, id, candidate.state());
                boolean wakeUp = candidate.state() == OutboundState.SLOW_RETRY;
                EventRows.append(connection, id, Direction.OUTBOUND, now,
                        wakeUp ? EventType.SLOW_RETRY_WAKE_UP : EventType.SEND_STARTED, candidate.state(),
                        OutboundState.SENDING, (wakeUp ? "slow-retry wake-up " + message.slowRetryRounds()
                                + ", a fresh retry sequence: " : "") + "attempt " + message.attempts() + " by node " + node);
                claimed.add(message);
            }
        }
        return claimed;
    }

    /**
     * The compare-and-set of a claim: succeeds only if the message is still in {@code seenState}, due and not
     * leased. A concurrent claimer that got there first (or holds the row lock and commits) makes it fail.
     */
    static boolean claim(Connection connection, InternalId id, OutboundState seenState, NodeId node, Instant now,
                         Instant leaseUntil) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, node.value());
            SqlValues.setInstant(claim, 2, leaseUntil);
            SqlValues.setInstant(claim, 3, leaseUntil);
            SqlValues.setInstant(claim, 4, now);
            claim.setString(5, id.value());
            claim.setString(6, seenState.code());
            SqlValues.setInstant(claim, 7, now);
            SqlValues.setInstant(claim, 8, now);
            return claim.executeUpdate() == 1;
        }
    }

    private record Candidate(String id, OutboundState state, String endpointUrl) {
    }

    /**
     * Due messages in claim order. No state filter here (the claim itself checks the state): only scheduled states
     * have a due time, and a state filter would lead the database to scan every message in those states instead of
     * the due range.
     */
    private static List<Candidate> dueCandidates(Connection connection, Instant now, int limit,
                                                 Set<String> excluded, boolean skipLocked) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        String sql = dueCandidates(excluded.size()) + (skipLocked ? " FOR UPDATE SKIP LOCKED" : "");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            SqlValues.setInstant(select, i++, now);
            SqlValues.setInstant(select, i++, now);
            for (String endpoint : excluded) {
                select.setString(i++, endpoint);
            }
            select.setInt(i, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    candidates.add(new Candidate(rows.getString("id"), ClaimedRows.state(rows.getString("state")),
                            rows.getString("endpoint_url")));
                }
            }
        }
        return candidates;
    }

    static boolean recordAttempt(Connection connection, AttemptOutcome outcome) throws SQLException {
        int changed;
        try (PreparedStatement update = connection.prepareStatement(outcome.attempted() ? ATTEMPTED : NOT_ATTEMPTED)) {
            int i = 1;
            update.setString(i++, outcome.to().code());
            SqlValues.setInstant(update, i++, outcome.nextAttemptAt());
            if (outcome.attempted()) {
                SqlValues.setInstant(update, i++, outcome.at());
                update.setBoolean(i++, outcome.delivered());
            }
            update.setString(i++, SqlValues.text(outcome.detail()));
            SqlValues.setInstant(update, i++, outcome.at());
            update.setString(i++, outcome.claim().id().value());
            update.setString(i++, outcome.claim().node().value());
            update.setInt(i, outcome.claim().attempt());
            changed = update.executeUpdate();
        }
        if (changed == 1) {
            EventRows.append(connection, outcome.claim().id(), Direction.OUTBOUND, outcome.at(), outcome.event(),
                    OutboundState.SENDING, outcome.to(), outcome.detail());
        }
        return changed == 1;
    }

    static boolean transition(Connection connection, OutboundTransition change) throws SQLException {
        int changed;
        try (PreparedStatement update = connection.prepareStatement(TRANSITION)) {
            update.setString(1, change.to().code());
            SqlValues.setInstant(update, 2, change.nextAttemptAt());
            update.setBoolean(3, change.newSequence());
            update.setString(4, SqlValues.text(change.detail()));
            SqlValues.setInstant(update, 5, change.at());
            update.setString(6, change.id().value());
            update.setString(7, change.from().code());
            changed = update.executeUpdate();
        }
        if (changed == 1) {
            EventRows.append(connection, change.id(), Direction.OUTBOUND, change.at(), change.event(),
                    change.from(), change.to(), change.detail());
        }
        return changed == 1;
    }

    static int releaseClaims(Connection connection, NodeId node, Instant at) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id FROM outbound_messages WHERE claim_node = ? AND state = 'SENDING'")) {
            select.setString(1, node.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        int released = 0;
        for (String id : ids) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE outbound_messages SET"
                    + " claim_until = ?, next_attempt_at = ?, updated_at = ?"
                    + " WHERE id = ? AND claim_node = ? AND state = 'SENDING'")) {
                SqlValues.setInstant(update, 1, at);
                SqlValues.setInstant(update, 2, at);
                SqlValues.setInstant(update, 3, at);
                update.setString(4, id);
                update.setString(5, node.value());
                if (update.executeUpdate() == 1) {
                    released++;
                    EventRows.append(connection, InternalId.of(id), Direction.OUTBOUND, at, EventType.CLAIM_RELEASED,
                            null, null, "claim of node " + node + " released");
                }
            }
        }
        return released;
    }
}
