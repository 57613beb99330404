package org.ebrelay.adapter.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ebrelay.app.port.out.ConfirmResult;
import org.ebrelay.app.port.out.InternalId;
import org.ebrelay.app.port.out.MessageHeading;
import org.ebrelay.app.port.out.NewNotice;
import org.ebrelay.app.port.out.Notice;
import org.ebrelay.app.port.out.NoticeId;
import org.ebrelay.app.port.out.NoticeKind;
import org.ebrelay.domain.message.MessageId;
import org.ebrelay.domain.message.PartyId;
import org.ebrelay.domain.reliability.Direction;
import org.ebrelay.domain.reliability.EventType;

/** The notices table: the application's notices about its outbound messages, and their push bookkeeping. */
final class NoticeRows {
    private static final int IDS_LIMIT = 8000;
    private static final String SELECT = "SELECT id, kind, message_ids, previous_message_id, detail, next_attempt_at,"
            + " created_at, confirmed_at, push_attempts, next_push_at, last_push_error, " + SqlValues.HEADING_COLUMNS
            + " FROM notices";

    private NoticeRows() {
    }

    static boolean insert(Connection connection, NewNotice notice) throws SQLException {
        MessageHeading h = notice.heading();
        Optional<InternalId> message = MessageIdRows.owner(connection, h.messageId());
        if (notice.kind() == NoticeKind.RETRIES_EXHAUSTED && message.isPresent()
                && exists(connection, message.get(), notice.kind())) {
            return false;
        }
        List<MessageId> chain = message.isPresent() ? MessageIdRows.chain(connection, message.get()) : List.of();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO notices (id, kind, message_key,"
                + " message_ids, previous_message_id, detail, next_attempt_at, created_at, next_push_at, "
                + SqlValues.HEADING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, notice.id().value());
            insert.setString(2, notice.kind().name());
            insert.setString(3, message.map(InternalId::value).orElse(null));
            insert.setString(4, ids(chain.isEmpty() ? List.of(h.messageId()) : chain));
            insert.setString(5, notice.previousId() == null ? null : notice.previousId().value());
            insert.setString(6, SqlValues.text(notice.detail()));
            SqlValues.setInstant(insert, 7, notice.nextAttemptAt());
            SqlValues.setInstant(insert, 8, notice.createdAt());
            SqlValues.setInstant(insert, 9, notice.pushAt());
            setHeading(insert, 10, h);
            insert.executeUpdate();
            if (message.isPresent()) {
                // on the message's own timeline too (and so in the Message Bank): who was told what, when
                EventRows.appendNote(connection, message.get(), Direction.OUTBOUND, notice.createdAt(),
                        EventType.NOTICE_CREATED, SqlValues.text(notice.kind() + ": " + notice.detail()));
            }
            return true;
        } catch (SQLException e) {
            throw SqlValues.duplicateKeyAsArgument(e, "notice already stored: " + notice.id());
        }
    }

    private static void setHeading(PreparedStatement insert, int first, MessageHeading h) throws SQLException {
        int i = first;
        insert.setString(i++, h.cpaId().value());
        insert.setString(i++, h.conversationId().value());
        insert.setString(i++, h.messageId().value());
        insert.setString(i++, h.hl7Id());
        insert.setString(i++, SqlValues.type(h.from().type()));
        insert.setString(i++, h.from().value());
        insert.setString(i++, SqlValues.type(h.to().type()));
        insert.setString(i++, h.to().value());
        insert.setString(i++, SqlValues.type(h.service().type()));
        insert.setString(i++, h.service().value());
        insert.setString(i++, h.action());
        SqlValues.setInstant(insert, i, h.timestamp());
    }

    /** The chain as one column: ids are URIs-like and have no spaces; cut (oldest dropped) if it ever outgrows it. */
    private static String ids(List<MessageId> chain) {
        String joined = chain.stream().map(MessageId::value).collect(Collectors.joining(" "));
        return joined.length() <= IDS_LIMIT ? joined : joined.substring(joined.indexOf(' ', joined.length() - IDS_LIMIT) + 1);
    }

    private static boolean exists(Connection connection, InternalId message, NoticeKind kind) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM notices WHERE message_key = ? AND kind = ? LIMIT 1")) {
            select.setString(1, message.value());
            select.setString(2, kind.name());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    static List<Notice> list(Connection connection, PartyId party, boolean includeConfirmed, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        if (party != null) {
            sql.append(" AND from_party_type = ? AND from_party_value = ?");
        }
        if (!includeConfirmed) {
            sql.append(" AND confirmed_at IS NULL");
        }
        sql.append(" ORDER BY seq LIMIT ?");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int i = 1;
            if (party != null) {
                select.setString(i++, SqlValues.type(party.type()));
                select.setString(i++, party.value());
            }
            select.setInt(i, limit);
            return read(select);
        }
    }

    static Optional<Notice> find(Connection connection, NoticeId id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE id = ?")) {
            select.setString(1, id.value());
            return read(select).stream().findFirst();
        }
    }

    /** next_push_at is NULL once confirmed or given up; the lower bound keeps H2 off those NULLs. */
    static List<Notice> duePushes(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT
                + " WHERE next_push_at BETWEEN 0 AND ? ORDER BY next_push_at, id LIMIT ?")) {
            SqlValues.setInstant(select, 1, now);
            select.setInt(2, limit);
            return read(select);
        }
    }

    static ConfirmResult confirm(Connection connection, NoticeId id, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE notices SET confirmed_at = ?,"
                + " next_push_at = NULL WHERE id = ? AND confirmed_at IS NULL")) {
            SqlValues.setInstant(update, 1, at);
            update.setString(2, id.value());
            if (update.executeUpdate() == 1) {
                return ConfirmResult.CONFIRMED;
            }
        }
        return find(connection, id).isPresent() ? ConfirmResult.ALREADY_CONFIRMED : ConfirmResult.UNKNOWN_DELIVERY;
    }

    static boolean recordPushFailure(Connection connection, NoticeId id, Instant nextPushAt, String error)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE notices SET"
                + " push_attempts = push_attempts + 1, next_push_at = ?, last_push_error = ?"
                + " WHERE id = ? AND confirmed_at IS NULL")) {
            SqlValues.setInstant(update, 1, nextPushAt);
            update.setString(2, SqlValues.text(error));
            update.setString(3, id.value());
            return update.executeUpdate() == 1;
        }
    }

    private static List<Notice> read(PreparedStatement select) throws SQLException {
        List<Notice> notices = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String previous = rows.getString("previous_message_id");
                notices.add(new Notice(NoticeId.of(rows.getString("id")), NoticeKind.valueOf(rows.getString("kind")),
                        SqlValues.heading(rows), Arrays.asList(rows.getString("message_ids").split(" ")),
                        previous == null ? null : MessageId.of(previous), rows.getString("detail"),
                        SqlValues.instant(rows, "next_attempt_at"), SqlValues.instant(rows, "created_at"),
                        SqlValues.instant(rows, "confirmed_at"), rows.getInt("push_attempts"),
                        SqlValues.instant(rows, "next_push_at"), rows.getString("last_push_error")));
            }
        }
        return notices;
    }
}
