package org.ebrelay.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.ebrelay.app.port.out.SentPackages;
import org.ebrelay.app.port.out.WireBytes;
import org.ebrelay.domain.message.MessageId;

/**
 * The package sent under a MessageId: the current package of the outbound message whose current id it is, else the
 * one a regeneration set aside ({@code superseded_wire}). Read through the read pool, only for Acknowledgments that
 * must be compared with what we signed.
 */
public final class JdbcSentPackages implements SentPackages {
    private static final String CURRENT = "SELECT w.content_type, w.wire FROM outbound_message_ids i"
            + " JOIN outbound_messages m ON m.id = i.message_key JOIN outbound_wire w ON w.message_key = m.id"
            + " WHERE i.message_id = ? AND m.message_id = i.message_id";
    private static final String SUPERSEDED = "SELECT content_type, wire FROM superseded_wire WHERE message_id = ?";

    private final Database database;

    public JdbcSentPackages(Database database) {
        this.database = database;
    }

    @Override
    public Optional<WireBytes> sentUnder(MessageId messageId) {
        return database.read(c -> {
            for (String sql : new String[] {CURRENT, SUPERSEDED}) {
                try (PreparedStatement select = c.prepareStatement(sql)) {
                    select.setString(1, messageId.value());
                    try (ResultSet rows = select.executeQuery()) {
                        if (rows.next()) {
                            return Optional.of(new WireBytes(rows.getString(1), rows.getBytes(2)));
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }
}
