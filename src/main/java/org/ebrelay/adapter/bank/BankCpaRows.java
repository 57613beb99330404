package org.ebrelay.adapter.bank;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ebrelay.app.bank.CpaReport;

/** The CPAs nodes serve, as they last said (bank_cpas): one row per (node, CPA), WITHDRAWN once left out. */
final class BankCpaRows {
    static final String WITHDRAWN = "WITHDRAWN";

    /** One row as stored. */
    record Row(String node, String cpaId, String state, int version, String checksum, Instant reportedAt,
               String view) {
    }

    private BankCpaRows() {
    }

    /** Stores a node's whole set: each reported CPA as it is now, the node's other CPAs as withdrawn. */
    static Void report(Connection c, String node, List<CpaReport> cpas, Instant now) throws SQLException {
        Set<String> reported = new HashSet<>();
        for (CpaReport cpa : cpas) {
            reported.add(cpa.cpaId());
            if (!update(c, node, cpa, now)) {
                insert(c, node, cpa, now);
            }
        }
        for (Row row : select(c, "SELECT * FROM bank_cpas WHERE node_id = ? AND state <> 'WITHDRAWN'", node)) {
            if (!reported.contains(row.cpaId())) {
                try (PreparedStatement update = c.prepareStatement("UPDATE bank_cpas SET state = ?, reported_at = ?"
                        + " WHERE node_id = ? AND cpa_id = ?")) {
                    update.setString(1, WITHDRAWN);
                    update.setLong(2, now.toEpochMilli());
                    update.setString(3, node);
                    update.setString(4, row.cpaId());
                    update.executeUpdate();
                }
            }
        }
        return null;
    }

    private static boolean update(Connection c, String node, CpaReport cpa, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE bank_cpas SET state = ?, version_number = ?,"
                + " checksum = ?, reported_at = ?, view_json = ? WHERE node_id = ? AND cpa_id = ?")) {
            update.setString(1, cpa.state());
            update.setInt(2, cpa.version());
            update.setString(3, cpa.checksum());
            update.setLong(4, now.toEpochMilli());
            update.setString(5, cpa.view());
            update.setString(6, node);
            update.setString(7, cpa.cpaId());
            return update.executeUpdate() > 0;
        }
    }

    private static void insert(Connection c, String node, CpaReport cpa, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bank_cpas (node_id, cpa_id, state,"
                + " version_number, checksum, reported_at, view_json) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, node);
            insert.setString(2, cpa.cpaId());
            insert.setString(3, cpa.state());
            insert.setInt(4, cpa.version());
            insert.setString(5, cpa.checksum());
            insert.setLong(6, now.toEpochMilli());
            insert.setString(7, cpa.view());
            insert.executeUpdate();
        }
    }

    static List<Row> all(Connection c) throws SQLException {
        return select(c, "SELECT * FROM bank_cpas ORDER BY cpa_id, node_id");
    }

    static List<Row> of(Connection c, String cpaId) throws SQLException {
        return select(c, "SELECT * FROM bank_cpas WHERE cpa_id = ? ORDER BY node_id", cpaId);
    }

    private static List<Row> select(Connection c, String sql, String... parameters) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString("node_id"), r.getString("cpa_id"), r.getString("state"),
                            r.getInt("version_number"), r.getString("checksum"), BankRows.instant(r, "reported_at"),
                            r.getString("view_json")));
                }
            }
        }
        return rows;
    }
}
