package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.ebrelay.app.port.out.OperatorAction;
import org.ebrelay.app.port.out.OperatorActionResult;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;
import org.ebrelay.domain.reliability.OutboundState;
import org.ebrelay.domain.reliability.OutboundTransitions;

/** An operator's resend and abandon of outbound messages: compare-and-set on the state, with the event. */
final class OperatorRows {
    /** Parameters: state, next_attempt_at, fresh sequence?, last_reason, updated_at, id, expected state. */
    private static final String CHANGE = "UPDATE outbound_messages SET state = ?, next_attempt_at = ?,"
            + " claim_node = NULL, claim_until = NULL,"
            + " sequence_attempts = CASE WHEN ? THEN 0 ELSE sequence_attempts END,"
            + " last_reason = ?, updated_at = ? WHERE id = ? AND state = ?";

    private OperatorRows() {
    }

    static OperatorActionResult requeue(Connection connection, OperatorAction action) throws SQLException {
        return change(connection, action, OutboundState.QUEUED, action.at(), EventType.RESENT_BY_OPERATOR);
    }

    static OperatorActionResult abandon(Connection connection, OperatorAction action) throws SQLException {
        return change(connection, action, OutboundState.ABANDONED, null, EventType.ABANDONED_BY_OPERATOR);
    }

    private static OperatorActionResult change(Connection connection, OperatorAction action, OutboundState to,
                                               Instant due, EventType event) throws SQLException {
        OutboundState current = currentState(connection, action);
        if (current == null) {
            return new OperatorActionResult.Unknown();
        }
        if (!action.expectedStates().contains(current)) {
            return new OperatorActionResult.NotInState(current);
        }
        OutboundTransitions.requireAllowed(current, to);
        int changed;
        try (PreparedStatement update = connection.prepareStatement(CHANGE)) {
            update.setString(1, to.code());
            SqlValues.setInstant(update, 2, due);
            update.setBoolean(3, to == OutboundState.QUEUED);
            update.setString(4, SqlValues.text(action.eventDetail()));
            SqlValues.setInstant(update, 5, action.at());
            update.setString(6, action.id().value());
            update.setString(7, current.code());
            changed = update.executeUpdate();
        }
        if (changed != 1) {
            // another node changed it between the read and the update: report what it is now
            OutboundState now = currentState(connection, action);
            return now == null ? new OperatorActionResult.Unknown() : new OperatorActionResult.NotInState(now);
        }
        EventRows.append(connection, action.id(), Direction.OUTBOUND, action.at(), event, current, to,
                action.eventDetail());
        return new OperatorActionResult.Applied(current, to);
    }

    private static OutboundState currentState(Connection connection, OperatorAction action) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state FROM outbound_messages WHERE id = ?")) {
            select.setString(1, action.id().value());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? ClaimedRows.state(rows.getString(1)) : null;
            }
        }
    }
}
