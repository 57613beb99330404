package org.ebrelay.adapter.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ebrelay.app.bank.NodeNote;
import org.ebrelay.app.bank.NodeNotes;

/** The node's notes for the bank in {@code node_notes}, each kept until it is shipped. */
public final class JdbcNodeNotes implements NodeNotes {
    private static final String INSERT = "INSERT INTO node_notes (kind, at, actor, action, subject, detail, remote,"
            + " size, first_bytes, repeats) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT id, kind, at, actor, action, subject, detail, remote, size,"
            + " first_bytes, repeats FROM node_notes ORDER BY id FETCH FIRST %d ROWS ONLY";

    private final Database database;

    public JdbcNodeNotes(Database database) {
        this.database = database;
    }

    @Override
    public void add(NodeNote note) {
        database.write(c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setString(1, note.kind());
                insert.setLong(2, note.at().toEpochMilli());
                insert.setString(3, cut(note.actor(), 256));
                insert.setString(4, cut(note.action(), 64));
                insert.setString(5, cut(note.subject(), 1024));
                insert.setString(6, cut(note.detail(), 2000));
                insert.setString(7, cut(note.remote(), 128));
                insert.setLong(8, note.size());
                insert.setString(9, cut(note.firstBytes(), 1024));
                insert.setInt(10, note.repeats());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<NodeNote> pending(int limit) {
        return database.read(c -> {
            List<NodeNote> notes = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(String.format(SELECT, Math.max(1, limit)));
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    notes.add(new NodeNote(rows.getLong(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3)),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getLong(9), rows.getString(10), rows.getInt(11)));
                }
            }
            return notes;
        });
    }

    @Override
    public void shipped(List<NodeNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        database.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM node_notes WHERE id = ?")) {
                for (NodeNote note : notes) {
                    delete.setLong(1, note.id());
                    delete.addBatch();
                }
                return delete.executeBatch().length;
            }
        });
    }

    private static String cut(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
