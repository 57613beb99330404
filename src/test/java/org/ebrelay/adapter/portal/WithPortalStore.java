package org.ebrelay.adapter.portal;

import org.ebrelay.adapter.bank.BankDatabase;
import org.ebrelay.app.TestClock;
import org.ebrelay.app.portal.PortalSessions;
import org.ebrelay.app.portal.PortalSettings;
import org.ebrelay.app.portal.SessionTokens;
import org.ebrelay.app.portal.UserAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** A real bank database (H2 file, every bank migration) per test class, its portal tables emptied per test. */
abstract class WithPortalStore {
    /** The lowest bcrypt cost: hashing stays real but fast in tests. */
    static final int TEST_COST = 4;

    @TempDir
    static Path dataDir;
    static BankDatabase database;

    final TestClock clock = new TestClock(Instant.parse("2026-11-22T08:00:00Z"));
    final PortalSettings settings = PortalSettings.defaults();
    JdbcUserStore users;
    JdbcSessionStore sessionStore;
    JdbcAuditLog audit;
    UserAccounts accounts;
    PortalSessions sessions;

    @BeforeAll
    static void openDatabase() {
        database = BankDatabase.open(BankDatabase.h2FileUrl(dataDir), "", "", 4);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyPortalTables() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : new String[] {"portal_sessions", "portal_users", "portal_audit"}) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
        users = new JdbcUserStore(database.dataSource());
        sessionStore = new JdbcSessionStore(database.dataSource());
        audit = new JdbcAuditLog(database.dataSource());
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(TEST_COST);
        accounts = new UserAccounts(users, sessionStore, hasher, audit, settings, clock);
        sessions = new PortalSessions(users, sessionStore, hasher, audit, settings, new SessionTokens(), clock);
    }

    static char[] pw(String text) {
        return text.toCharArray();
    }
}
