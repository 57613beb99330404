package org.ebrelay.adapter.jdbc;

import org.ebrelay.app.cpa.PendingOutbound;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of a CPA change for pending outbound messages: their routes, new terms, withdrawal to manual handling. */
final class CpaAdminRows {
    /** Not final: a CPA change concerns these. The state index serves the filter (pending messages are few). */
    static final String PENDING = "state IN ('QUEUED', 'SENDING', 'AWAITING_ACK', 'RETRYING', 'SLOW_RETRY', 'MANUAL')";
    private static final String MOVABLE = "state IN ('QUEUED', 'AWAITING_ACK', 'RETRYING', 'SLOW_RETRY')";
    private static final String ROUTE = " AND from_party_type = ? AND from_party_value = ? AND to_party_type = ?"
            + " AND to_party_value = ? AND service_type = ? AND service_value = ? AND action = ?";
    static final String ROUTES = "SELECT DISTINCT from_party_type, from_party_value, to_party_type, to_party_value,"
            + " service_type, service_value, action FROM outbound_messages WHERE cpa_id = ? AND " + PENDING;
    static final String CPAS = "SELECT DISTINCT cpa_id FROM outbound_messages WHERE " + MOVABLE
            + " OR state = 'SENDING'";
    static final String TERMS = "UPDATE outbound_messages SET retries = CASE WHEN ack_requested THEN ? ELSE retries END,"
            + " retry_interval_ms = ?, persist_duration_ms = ?, endpoint_url = ?, updated_at = ?"
            + " WHERE cpa_id = ? AND " + PENDING + ROUTE
            + " AND (retries <> CASE WHEN ack_requested THEN ? ELSE retries END OR retry_interval_ms <> ?"
            + " OR COALESCE(persist_duration_ms, -1) <> ? OR endpoint_url <> ?)";
    private static final String MOVE = "UPDATE outbound_messages SET state = 'MANUAL', next_attempt_at = NULL,"
            + " claim_node = NULL, claim_until = NULL, last_reason = ?, updated_at = ? WHERE id = ? AND state = ?";
    private static final int BATCH = 500;

    private CpaAdminRows() {
    }

    static List<PendingOutbound.Route> routes(Connection c, CpaId cpaId) throws SQLException {
        List<PendingOutbound.Route> routes = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(ROUTES)) {
            select.setString(1, cpaId.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    routes.add(new PendingOutbound.Route(SqlValues.party(rows, "from_party"),
                            SqlValues.party(rows, "to_party"), SqlValues.service(rows), rows.getString("action")));
                }
            }
        }
        return routes;
    }

    static int applyTerms(Connection c, CpaId cpaId, PendingOutbound.Route route, PendingOutbound.Terms terms,
                          Instant at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(TERMS)) {
            update.setInt(1, terms.retries());
            update.setLong(2, terms.retryInterval().toMillis());
            SqlValues.setDuration(update, 3, terms.persistDuration());
            update.setString(4, terms.endpointUrl());
            SqlValues.setInstant(update, 5, at);
            update.setString(6, cpaId.value());
            int next = bindRoute(update, 7, route);
            update.setInt(next, terms.retries());
            update.setLong(next + 1, terms.retryInterval().toMillis());
            update.setLong(next + 2, terms.persistDuration() == null ? -1 : terms.persistDuration().toMillis());
            update.setString(next + 3, terms.endpointUrl());
            return update.executeUpdate();
        }
    }

    /** One batch: at most {@value #BATCH} messages moved, each with its event; returns how many. */
    static int moveBatch(Connection c, CpaId cpaId, PendingOutbound.Route route, String reason, Instant at)
            throws SQLException {
        List<String[]> found = new ArrayList<>();
        String sql = "SELECT id, state FROM outbound_messages WHERE cpa_id = ? AND " + MOVABLE
                + (route == null ? "" : ROUTE);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setMaxRows(BATCH);
            select.setString(1, cpaId.value());
            if (route != null) {
                bindRoute(select, 2, route);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        int moved = 0;
        String detail = SqlValues.text(reason);
        try (PreparedStatement update = c.prepareStatement(MOVE)) {
            for (String[] row : found) {
                update.setString(1, detail);
                SqlValues.setInstant(update, 2, at);
                update.setString(3, row[0]);
                update.setString(4, row[1]);
                if (update.executeUpdate() == 1) {
                    moved++;
                    EventRows.append(c, InternalId.of(row[0]), Direction.OUTBOUND, at, EventType.CPA_WITHDRAWN,
                            OutboundState.valueOf(row[1]), OutboundState.MANUAL, detail);
                }
            }
        }
        return moved;
    }

    static int countSending(Connection c, CpaId cpaId, PendingOutbound.Route route) throws SQLException {
        String sql = "SELECT COUNT(*) FROM outbound_messages WHERE cpa_id = ? AND state = 'SENDING'"
                + (route == null ? "" : ROUTE);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, cpaId.value());
            if (route != null) {
                bindRoute(select, 2, route);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int bindRoute(PreparedStatement statement, int first, PendingOutbound.Route route)
            throws SQLException {
        statement.setString(first, SqlValues.type(route.from().type()));
        statement.setString(first + 1, route.from().value());
        statement.setString(first + 2, SqlValues.type(route.to().type()));
        statement.setString(first + 3, route.to().value());
        statement.setString(first + 4, SqlValues.type(route.service().type()));
        statement.setString(first + 5, route.service().value());
        statement.setString(first + 6, route.action());
        return first + 7;
    }
}
