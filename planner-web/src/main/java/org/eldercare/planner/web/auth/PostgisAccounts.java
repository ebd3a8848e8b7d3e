package org.eldercare.planner.web.auth;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eldercare.planner.store.PgCredentials;
import org.eldercare.planner.store.PostgisWorkspace;

/**
 * Accounts and the audit log in the PostGIS store of {@code serve --db}: the tables {@code planner_users} and
 * {@code planner_audit} created by the store's migration V3 (geo-core {@code store.PostgisMigrations}, applied by
 * {@link PostgisWorkspace#connect}). Credentials as for the workspace ({@link PgCredentials#resolve()}). Values are
 * always bound parameters. A row that is not a valid account is refused naming the table, user and field.
 */
public final class PostgisAccounts {
    private final String url;
    private final String location;
    private final Properties credentials = new Properties();

    private PostgisAccounts(String url, String location) {
        this.url = url;
        this.location = location;
        PgCredentials c = PgCredentials.resolve();
        c.user().ifPresent(u -> credentials.setProperty("user", u));
        c.password().ifPresent(p -> credentials.setProperty("password", p));
        credentials.setProperty("ApplicationName", "eldercare-planner");
    }

    /** The store at {@code jdbcUrl}, its schema brought up to date (so that both tables exist). */
    public static PostgisAccounts open(String jdbcUrl) {
        PostgisWorkspace ws = PostgisWorkspace.connect(jdbcUrl);
        ws.close();
        return new PostgisAccounts(jdbcUrl, ws.location());
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(url, credentials);
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("db: " + what + " in " + location
            + " failed: " + e.getMessage(), e);
    }

    /** The accounts of {@code planner_users}, by name. */
    public List<UserAccount> users() {
        List<UserAccount> out = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, role, password_hash FROM planner_users ORDER BY name"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                try {
                    out.add(new UserAccount(name, Role.of(rs.getString(2)), rs.getString(3)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("users: planner_users (user '" + name + "'), " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw failure("reading planner_users", e);
        }
        return out;
    }

    /** Adds or replaces the account of the same name; answers whether one was replaced. */
    public boolean put(UserAccount a) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO planner_users (name, role, password_hash) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE "
                    + "SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash, updated_at = now() "
                    + "RETURNING (xmax <> 0)")) {
            ps.setString(1, a.name());
            ps.setString(2, a.role().id());
            ps.setString(3, a.passwordHash());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw failure("writing planner_users", e);
        }
    }

    /** The audit log as rows of {@code planner_audit} (append-only: the table refuses updates and deletes). */
    public AuditLog audit() {
        return new AuditLog() {
            @Override
            public void append(AuditEntry e) {
                try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO planner_audit "
                        + "(time, user_name, role, method, path, status, what, client) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setTimestamp(1, Timestamp.from(e.time()));
                    setText(ps, 2, e.user());
                    setText(ps, 3, e.role());
                    ps.setString(4, e.method());
                    ps.setString(5, e.path());
                    ps.setInt(6, e.status());
                    setText(ps, 7, e.what());
                    setText(ps, 8, e.client());
                    ps.executeUpdate();
                } catch (SQLException ex) {
                    throw failure("appending to planner_audit", ex);
                }
            }

            @Override
            public List<AuditEntry> entries() {
                List<AuditEntry> out = new ArrayList<>();
                try (Connection c = connection(); PreparedStatement ps = c.prepareStatement("SELECT time, user_name, "
                        + "role, method, path, status, what, client FROM planner_audit ORDER BY id");
                        ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)));
                    }
                } catch (SQLException ex) {
                    throw failure("reading planner_audit", ex);
                }
                return out;
            }

            @Override
            public String location() {
                return "planner_audit in " + location;
            }
        };
    }

    private static void setText(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }
}
