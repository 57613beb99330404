package org.ebrelay.adapter.portal;

import org.ebrelay.app.port.out.StoreFailure;
import org.ebrelay.app.portal.PortalUser;
import org.ebrelay.app.portal.Role;
import org.ebrelay.app.portal.StoredUser;
import org.ebrelay.app.portal.UserStore;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Portal users in the bank's database (table portal_users, migration V10). */
public final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "name, password_hash, role, enabled, failed_sign_ins, locked_until, created_at";

    private final PortalSql sql;

    public JdbcUserStore(DataSource dataSource) {
        this.sql = new PortalSql(dataSource);
    }

    @Override
    public boolean insert(PortalUser user, String passwordHash) {
        try {
            return sql.update("INSERT INTO portal_users (name, password_hash, role, enabled, failed_sign_ins,"
                            + " created_at, password_changed_at) VALUES (?, ?, ?, ?, 0, ?, ?)",
                    user.name(), passwordHash, user.role().code(), user.enabled(), user.createdAt(),
                    user.createdAt()) == 1;
        } catch (StoreFailure e) {
            if (PortalSql.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<StoredUser> find(String name) {
        return sql.query("SELECT " + COLUMNS + " FROM portal_users WHERE name = ?", JdbcUserStore::stored, name)
                .stream().findFirst();
    }

    @Override
    public List<PortalUser> list() {
        return sql.query("SELECT " + COLUMNS + " FROM portal_users ORDER BY name", rows -> stored(rows).user());
    }

    @Override
    public int countEnabled(Role role) {
        return sql.query("SELECT COUNT(*) FROM portal_users WHERE role = ? AND enabled = TRUE",
                rows -> rows.getInt(1), role.code()).get(0);
    }

    @Override
    public boolean updateRole(String name, Role role) {
        return sql.update("UPDATE portal_users SET role = ? WHERE name = ?", role.code(), name) == 1;
    }

    @Override
    public boolean updateEnabled(String name, boolean enabled) {
        return sql.update("UPDATE portal_users SET enabled = ?, failed_sign_ins = 0, locked_until = NULL"
                + " WHERE name = ?", enabled, name) == 1;
    }

    @Override
    public boolean updatePassword(String name, String passwordHash, Instant changedAt) {
        return sql.update("UPDATE portal_users SET password_hash = ?, password_changed_at = ?, failed_sign_ins = 0,"
                + " locked_until = NULL WHERE name = ?", passwordHash, changedAt, name) == 1;
    }

    @Override
    public void recordFailedSignIn(String name, int failedSignIns, Instant lockedUntil) {
        sql.update("UPDATE portal_users SET failed_sign_ins = ?, locked_until = ? WHERE name = ?",
                failedSignIns, lockedUntil, name);
    }

    @Override
    public void recordSignIn(String name, Instant at) {
        sql.update("UPDATE portal_users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = ?"
                + " WHERE name = ?", at, name);
    }

    @Override
    public boolean delete(String name) {
        return sql.update("DELETE FROM portal_users WHERE name = ?", name) == 1;
    }

    private static StoredUser stored(ResultSet rows) throws SQLException {
        PortalUser user = new PortalUser(rows.getString("name"), Role.parse(rows.getString("role")),
                rows.getBoolean("enabled"), PortalSql.instant(rows, "created_at"),
                PortalSql.instant(rows, "locked_until"));
        return new StoredUser(user, rows.getString("password_hash"), rows.getInt("failed_sign_ins"));
    }
}
