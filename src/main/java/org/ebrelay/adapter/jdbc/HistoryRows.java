package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageDetails;
import org.ebrelay.app.port.out.MessageSummary;
import org.ebrelay.domain.message.CpaId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.InboundState;
import org.ebrelay.domain.reliability.MessageState;
import org.ebrelay.domain.reliability.OutboundState;

/** Reads for status, lists and metrics. */
final class HistoryRows {
    private static final String OUTBOUND = "SELECT id, " + SqlValues.HEADING_COLUMNS + ", state, attempts,"
            + " created_at, updated_at, next_attempt_at, last_reason, cpa_version FROM outbound_messages";
    private static final String INBOUND = "SELECT id, " + SqlValues.HEADING_COLUMNS + ", state, 0 AS attempts,"
            + " received_at AS created_at, updated_at, CAST(NULL AS BIGINT) AS next_attempt_at, last_reason,"
            + " cpa_version FROM inbound_messages";

    private HistoryRows() {
    }

    static List<MessageDetails> byMessageId(Connection connection, MessageId messageId) throws SQLException {
        List<MessageSummary> found = new ArrayList<>(summaries(connection, Direction.OUTBOUND, OUTBOUND
                + " WHERE id IN (SELECT message_key FROM outbound_message_ids WHERE message_id = ?)",
                messageId.value()));
        found.addAll(summaries(connection, Direction.INBOUND, INBOUND
                + " WHERE message_id = ? ORDER BY received_at, id", messageId.value()));
        return details(connection, found);
    }

    static List<MessageDetails> byHl7Id(Connection connection, String hl7Id) throws SQLException {
        List<MessageSummary> found = new ArrayList<>(summaries(connection, Direction.OUTBOUND, OUTBOUND
                + " WHERE hl7_id = ?", hl7Id));
        found.addAll(summaries(connection, Direction.INBOUND, INBOUND + " WHERE hl7_id = ?", hl7Id));
        found.sort(Comparator.comparing(MessageSummary::createdAt).thenComparing(s -> s.id().value()));
        return details(connection, found);
    }

    static List<MessageSummary> outboundIn(Connection connection, OutboundState state, int limit)
            throws SQLException {
        return outboundIn(connection, state, null, null, limit);
    }

    static List<MessageSummary> inboundIn(Connection connection, InboundState state, int limit)
            throws SQLException {
        return inboundIn(connection, state, null, null, limit);
    }

    /** In {@code state}, under {@code cpaId} (null: any), from or to {@code party} (null: any). */
    static List<MessageSummary> outboundIn(Connection connection, OutboundState state, CpaId cpaId, PartyId party,
                                           int limit) throws SQLException {
        List<String> parameters = new ArrayList<>();
        String where = filter(state, cpaId, party, parameters);
        return summaries(connection, Direction.OUTBOUND, OUTBOUND + where + " ORDER BY created_at, id LIMIT " + limit,
                parameters.toArray(String[]::new));
    }

    static List<MessageSummary> inboundIn(Connection connection, InboundState state, CpaId cpaId, PartyId party,
                                          int limit) throws SQLException {
        List<String> parameters = new ArrayList<>();
        String where = filter(state, cpaId, party, parameters);
        return summaries(connection, Direction.INBOUND, INBOUND + where + " ORDER BY received_at, id LIMIT " + limit,
                parameters.toArray(String[]::new));
    }

    /** The WHERE clause of a list; the state first, so the state index leads. */
    private static String filter(MessageState state, CpaId cpaId, PartyId party, List<String> parameters) {
        StringBuilder where = new StringBuilder(" WHERE state = ?");
        parameters.add(state.code());
        if (cpaId != null) {
            where.append(" AND cpa_id = ?");
            parameters.add(cpaId.value());
        }
        if (party != null) {
            where.append(" AND ((from_party_type = ? AND from_party_value = ?)"
                    + " OR (to_party_type = ? AND to_party_value = ?))");
            for (int i = 0; i < 2; i++) {
                parameters.add(SqlValues.type(party.type()));
                parameters.add(party.value());
            }
        }
        return where.toString();
    }

    static Map<MessageState, Long> countByState(Connection connection) throws SQLException {
        Map<MessageState, Long> counts = new LinkedHashMap<>();
        for (Direction direction : Direction.values()) {
            String table = direction == Direction.OUTBOUND ? "outbound_messages" : "inbound_messages";
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT state, COUNT(*) FROM " + table + " GROUP BY state ORDER BY state");
                 ResultSet rows = count.executeQuery()) {
                while (rows.next()) {
                    counts.put(EventRows.state(direction, rows.getString(1)), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static List<MessageSummary> summaries(Connection connection, Direction direction, String sql,
                                                  String... parameters) throws SQLException {
        List<MessageSummary> summaries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    summaries.add(new MessageSummary(InternalId.of(rows.getString("id")), direction,
                            EventRows.state(direction, rows.getString("state")), SqlValues.heading(rows),
                            rows.getInt("attempts"), SqlValues.instant(rows, "created_at"),
                            SqlValues.instant(rows, "updated_at"), SqlValues.instant(rows, "next_attempt_at"),
                            rows.getString("last_reason"), SqlValues.integer(rows, "cpa_version")));
                }
            }
        }
        return summaries;
    }

    private static List<MessageDetails> details(Connection connection, List<MessageSummary> summaries)
            throws SQLException {
        List<MessageDetails> details = new ArrayList<>();
        for (MessageSummary summary : summaries) {
            List<MessageId> ids = summary.direction() == Direction.OUTBOUND
                    ? MessageIdRows.chain(connection, summary.id())
                    : List.of(summary.heading().messageId());
            details.add(new MessageDetails(summary, ids, EventRows.ofMessage(connection, summary.id())));
        }
        return details;
    }
}
