package org.ebrelay.adapter.jdbc;

import org.ebrelay.app.port.out.AnswerOutbox;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.DeliveryId;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MllpOrigins;
import org.ebrelay.app.port.out.SubmittedMessage;
import org.ebrelay.domain.message.ConversationId;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.reliability.EventType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * HL7 application acknowledgments in the store: the origins of messages taken in over MLLP (table mllp_origins),
 * and a local system's answer stored for the partner in the transaction that confirms the delivery it answers.
 */
public final class JdbcMllpAnswers implements MllpOrigins, AnswerOutbox {
    private static final String COLUMNS = "o.message_key, o.hl7_id, o.route, o.return_to";

    private final Database database;

    public JdbcMllpAnswers(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean record(MessageId messageId, String hl7Id, String route, String returnTo, Instant at) {
        return database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO mllp_origins (message_key, hl7_id,"
                    + " conversation_id, route, return_to, recorded_at) SELECT m.id, ?, m.conversation_id, ?, ?, ?"
                    + " FROM outbound_message_ids i JOIN outbound_messages m ON m.id = i.message_key"
                    + " WHERE i.message_id = ?")) {
                insert.setString(1, hl7Id);
                insert.setString(2, route);
                insert.setString(3, returnTo);
                SqlValues.setInstant(insert, 4, at);
                insert.setString(5, messageId.value());
                return insert.executeUpdate() == 1;
            }
        });
    }

    /**
     * Forgets up to {@code limit} origins recorded before {@code before}, oldest first; an answer arriving later
     * takes the ordinary delivery. Returns how many were forgotten.
     */
    public int purgeOrigins(Instant before, int limit) {
        return database.write(c -> {
            List<String> keys = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT message_key FROM mllp_origins"
                    + " WHERE recorded_at < ? ORDER BY recorded_at LIMIT ?")) {
                SqlValues.setInstant(select, 1, before);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        keys.add(rows.getString(1));
                    }
                }
            }
            int purged = 0;
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM mllp_origins WHERE message_key = ?")) {
                for (String key : keys) {
                    delete.setString(1, key);
                    purged += delete.executeUpdate();
                }
            }
            return purged;
        });
    }

    @Override
    public Optional<Origin> byHl7Id(String hl7Id) {
        return latest("o.hl7_id = ?", hl7Id);
    }

    @Override
    public Optional<Origin> byMessageId(MessageId messageId) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM mllp_origins o"
                    + " JOIN outbound_message_ids i ON i.message_key = o.message_key WHERE i.message_id = ?")) {
                select.setString(1, messageId.value());
                return first(select);
            }
        });
    }

    @Override
    public Optional<Origin> byConversation(ConversationId conversationId) {
        return latest("o.conversation_id = ?", conversationId.value());
    }

    private Optional<Origin> latest(String condition, String value) {
        return database.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM mllp_origins o WHERE "
                    + condition + " ORDER BY o.recorded_at DESC, o.message_key DESC")) {
                select.setMaxRows(1);
                select.setString(1, value);
                return first(select);
            }
        });
    }

    private static Optional<Origin> first(PreparedStatement select) throws SQLException {
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Origin(InternalId.of(rows.getString(1)), rows.getString(2), rows.getString(3),
                    rows.getString(4)));
        }
    }

    @Override
    public ConfirmResult confirmWithAnswer(DeliveryId delivery, Instant at, SubmittedMessage answer, String note) {
        return database.write(c -> {
            ConfirmResult result = DeliveryRows.confirm(c, delivery, at);
            if (result == ConfirmResult.CONFIRMED) {
                OutboundRows.insert(c, answer);
                noteOnDelivered(c, delivery, at, note);
            }
            return result;
        });
    }

    private static void noteOnDelivered(Connection c, DeliveryId delivery, Instant at, String note)
            throws SQLException {
        Optional<InternalId> message = DeliveryRows.find(c, delivery).map(d -> d.message());
        if (message.isPresent()) {
            EventRows.appendNote(c, message.get(), EventRows.directionOf(c, message.get()), at, EventType.NOTE, note);
        }
    }
}
