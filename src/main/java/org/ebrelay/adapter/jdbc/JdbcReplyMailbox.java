package org.ebrelay.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ebrelay.app.port.out.ReplyMailbox;
import org.ebrelay.app.port.out.WireMessage;
import org.ebrelay.domain.message.MessageId;

/**
 * {@code pending_replies}: awaited replies shared by the nodes of a cluster. Diagnostic requests are rare, so each
 * statement commits on its own connection (autocommit), off the group-commit writer of the message traffic.
 */
public final class JdbcReplyMailbox implements ReplyMailbox {
    /** Rows older than this are left over by a node that died while waiting. */
    static final Duration LEFT_OVER = Duration.ofHours(1);

    private final Database database;

    public JdbcReplyMailbox(Database database) {
        this.database = database;
    }

    /** Each statement on its own, in auto-commit mode: not a unit of the group commit. */
    private <T> T withConnection(GroupCommitWriter.Work<T> work) {
        return database.autoCommit("pending replies", work);
    }

    @Override
    public void expect(MessageId requestId, String node, Instant at) {
        withConnection(c -> {
            try (PreparedStatement purge = c.prepareStatement(
                    "DELETE FROM pending_replies WHERE registered_at < ?")) {
                purge.setLong(1, at.minus(LEFT_OVER).toEpochMilli());
                purge.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO pending_replies (request_id, node_id,"
                    + " registered_at) VALUES (?, ?, ?)")) {
                insert.setString(1, requestId.value());
                insert.setString(2, node);
                insert.setLong(3, at.toEpochMilli());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public boolean leave(MessageId requestId, WireMessage reply, Instant at) {
        return withConnection(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE pending_replies SET replied_at = ?,"
                    + " content_type = ?, reply = ? WHERE request_id = ? AND reply IS NULL")) {
                update.setLong(1, at.toEpochMilli());
                update.setString(2, reply.contentType());
                update.setBytes(3, reply.body());
                update.setString(4, requestId.value());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Map<MessageId, WireMessage> collect(Collection<MessageId> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        List<MessageId> ids = new ArrayList<>(requestIds);
        String sql = "SELECT request_id, content_type, reply FROM pending_replies WHERE reply IS NOT NULL"
                + " AND request_id IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")";
        return withConnection(c -> {
            Map<MessageId, WireMessage> replies = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(sql)) {
                for (int i = 0; i < ids.size(); i++) {
                    select.setString(i + 1, ids.get(i).value());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        replies.put(MessageId.of(rows.getString(1)),
                                new WireMessage(rows.getString(2), null, rows.getBytes(3)));
                    }
                }
            }
            return replies;
        });
    }

    @Override
    public void forget(MessageId requestId) {
        withConnection(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM pending_replies WHERE request_id = ?")) {
                delete.setString(1, requestId.value());
                return delete.executeUpdate();
            }
        });
    }
}
