package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.ebrelay.app.port.out.Claim;
import org.ebrelay.app.port.out.ClaimedMessage;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.NodeId;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.reliability.DeliveryTerms;
import org.ebrelay.domain.reliability.OutboundState;

/** Reads a just-claimed outbound row with everything the sender needs. */
final class ClaimedRows {
    private static final String SELECT = "SELECT " + SqlValues.HEADING_COLUMNS + ", time_to_live, deliver_by,"
            + " ack_requested, duplicate_elimination, sync_reply, retries, retry_interval_ms, persist_duration_ms,"
            + " endpoint_url, w.content_type, soap_action, w.wire, attempts, sequence_attempts, last_attempt_end,"
            + " last_attempt_delivered, claim_node, claim_until"
            + " FROM outbound_messages JOIN outbound_wire w ON w.message_key = id WHERE id = ?";

    private ClaimedRows() {
    }

    static ClaimedMessage read(Connection connection, InternalId id, OutboundState claimedFrom) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, id.value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("claimed message vanished: " + id);
                }
                int attempts = rows.getInt("attempts");
                Claim claim = new Claim(id, NodeId.of(rows.getString("claim_node")), attempts);
                return new ClaimedMessage(claim, claimedFrom, SqlValues.heading(rows), terms(rows),
                        SqlValues.instant(rows, "time_to_live"), SqlValues.instant(rows, "deliver_by"),
                        rows.getString("endpoint_url"), rows.getString("soap_action"),
                        new WireBytes(rows.getString("content_type"), rows.getBytes("wire")), attempts,
                        rows.getInt("sequence_attempts"), SqlValues.instant(rows, "last_attempt_end"),
                        rows.getBoolean("last_attempt_delivered"), SqlValues.instant(rows, "claim_until"));
            }
        }
    }

    static DeliveryTerms terms(ResultSet rows) throws SQLException {
        return new DeliveryTerms(rows.getBoolean("ack_requested"), rows.getBoolean("duplicate_elimination"),
                rows.getBoolean("sync_reply"), rows.getInt("retries"), SqlValues.duration(rows, "retry_interval_ms"),
                SqlValues.duration(rows, "persist_duration_ms"));
    }

    static OutboundState state(String code) {
        return OutboundState.fromCode(code)
                .orElseThrow(() -> new IllegalStateException("unknown outbound state stored: " + code));
    }
}
