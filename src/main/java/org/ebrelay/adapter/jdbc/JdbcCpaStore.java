package org.ebrelay.adapter.jdbc;

import org.ebrelay.app.cpa.CpaVersion;
import org.ebrelay.app.cpa.CpaVersions;
import org.ebrelay.app.cpa.PendingOutbound;
import org.ebrelay.domain.message.CpaId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CPA versions (table cpa_versions, V11) and what a CPA change does to pending outbound messages. */
public final class JdbcCpaStore implements CpaVersions, PendingOutbound {
    private static final String COLUMNS = "cpa_id, version_number, activated_at, checksum, file_name, document";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM cpa_versions WHERE cpa_id = ?"
            + " ORDER BY version_number DESC";
    private static final String INSERT = "INSERT INTO cpa_versions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";

    private final Database database;
    private final Clock clock;

    public JdbcCpaStore(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public Recorded recordIfChanged(CpaId cpaId, String checksum, String file, String document, Instant at) {
        try {
            return database.write(c -> insertIfChanged(c, cpaId, checksum, file, document, at));
        } catch (IllegalArgumentException raced) {
            // another node stored the same version (or the next number) a moment earlier: take what is there now
            return database.write(c -> insertIfChanged(c, cpaId, checksum, file, document, at));
        }
    }

    private static Recorded insertIfChanged(Connection c, CpaId cpaId, String checksum, String file, String document,
                                            Instant at) throws SQLException {
        Optional<CpaVersion> latest = first(c, LATEST, cpaId);
        if (latest.isPresent() && latest.get().checksum().equals(checksum)) {
            return new Recorded(latest.get(), false);
        }
        CpaVersion version = new CpaVersion(cpaId, latest.map(v -> v.number() + 1).orElse(1), at, checksum, file,
                document);
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setString(1, cpaId.value());
            insert.setInt(2, version.number());
            SqlValues.setInstant(insert, 3, at);
            insert.setString(4, checksum);
            insert.setString(5, file);
            insert.setString(6, document);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw SqlValues.duplicateKeyAsArgument(e, "version " + version.number() + " of " + cpaId + " exists");
        }
        return new Recorded(version, true);
    }

    @Override
    public List<CpaVersion> list(CpaId cpaId) {
        return database.read(c -> all(c, "SELECT " + COLUMNS + " FROM cpa_versions WHERE cpa_id = ?"
                + " ORDER BY version_number", cpaId));
    }

    @Override
    public Optional<CpaVersion> find(CpaId cpaId, int number) {
        return database.read(c -> all(c, "SELECT " + COLUMNS + " FROM cpa_versions WHERE cpa_id = ?"
                + " AND version_number = " + number, cpaId)).stream().findFirst();
    }

    @Override
    public Optional<CpaVersion> activeAt(CpaId cpaId, Instant at) {
        return database.read(c -> all(c, "SELECT " + COLUMNS + " FROM cpa_versions WHERE cpa_id = ?"
                + " AND activated_at <= " + at.toEpochMilli() + " ORDER BY version_number DESC", cpaId))
                .stream().findFirst();
    }

    private static Optional<CpaVersion> first(Connection c, String sql, CpaId cpaId) throws SQLException {
        return all(c, sql, cpaId).stream().findFirst();
    }

    private static List<CpaVersion> all(Connection c, String sql, CpaId cpaId) throws SQLException {
        List<CpaVersion> versions = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, cpaId.value());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(new CpaVersion(CpaId.of(rows.getString("cpa_id")), rows.getInt("version_number"),
                            SqlValues.instant(rows, "activated_at"), rows.getString("checksum"),
                            rows.getString("file_name"), rows.getString("document")));
                }
            }
        }
        return versions;
    }

    @Override
    public List<Route> routes(CpaId cpaId) {
        return database.read(c -> CpaAdminRows.routes(c, cpaId));
    }

    @Override
    public int applyTerms(CpaId cpaId, Route route, Terms terms) {
        Instant at = clock.instant();
        return database.write(c -> CpaAdminRows.applyTerms(c, cpaId, route, terms, at));
    }

    @Override
    public Withdrawn withdraw(CpaId cpaId, Route route, String reason, Instant at) {
        int moved = 0;
        int batch;
        do {
            batch = database.write(c -> CpaAdminRows.moveBatch(c, cpaId, route, reason, at));
            moved += batch;
        } while (batch > 0);
        int sending = database.read(c -> CpaAdminRows.countSending(c, cpaId, route));
        return new Withdrawn(moved, sending);
    }

    @Override
    public List<CpaId> cpasWithPending() {
        return database.read(c -> {
            List<CpaId> ids = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement(CpaAdminRows.CPAS);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(CpaId.of(rows.getString(1)));
                }
            }
            return ids;
        });
    }
}
