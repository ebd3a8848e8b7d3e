package org.eldercare.planner.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations of the PostGIS store: SQL files {@code V<n>__<description>.sql} under
 * {@code org/eldercare/planner/store/postgis/}, listed in {@code migrations.list}. Each applied migration is recorded
 * in {@code schema_version} (version, description, SHA-256 of the file, time). Applying runs in one transaction under
 * an advisory lock, so concurrent planner instances starting together migrate once. An applied migration whose file
 * has changed since is refused.
 */
final class PostgisMigrations {
    private static final String DIR = "/org/eldercare/planner/store/postgis/";
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    /** Advisory lock key for migrations ('plnr' 'migr'). */
    private static final long LOCK_KEY = 0x706c6e726d696772L;

    /** One migration file. */
    record Migration(int version, String description, String sql, String sha256) {}

    private PostgisMigrations() {}

    /** The migrations shipped with this program, by version. */
    static List<Migration> available() {
        List<Migration> out = new ArrayList<>();
        for (String line : resource("migrations.list").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                throw new IllegalStateException("migration file name must look like V1__what.sql, was " + name);
            }
            String sql = resource(name);
            out.add(new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), sql, sha256(sql)));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).version() != i + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3, … without gaps; found "
                    + out.stream().map(Migration::version).toList());
            }
        }
        return out;
    }

    /** Latest version this program knows. */
    static int latest() {
        return available().size();
    }

    /**
     * Brings the database to the latest schema version; returns the versions applied now (empty when up to date).
     *
     * @throws IllegalStateException when the database is newer than this program, or an applied migration differs
     */
    static List<Integer> migrate(Connection c) throws SQLException {
        List<Migration> all = available();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                st.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                    + "description text NOT NULL, checksum text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT now())");
            }
            TreeMap<Integer, String> applied = new TreeMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version, checksum FROM schema_version")) {
                while (rs.next()) {
                    applied.put(rs.getInt(1), rs.getString(2));
                }
            }
            if (!applied.isEmpty() && applied.lastKey() > all.size()) {
                throw new IllegalStateException("the database schema is at version " + applied.lastKey()
                    + ", newer than this program's " + all.size() + "; upgrade the planner");
            }
            List<Integer> now = new ArrayList<>();
            for (Migration m : all) {
                String sum = applied.get(m.version());
                if (sum != null) {
                    if (!sum.equals(m.sha256())) {
                        throw new IllegalStateException("migration V" + m.version() + " was changed after it was "
                            + "applied (checksum " + sum + " in the database, " + m.sha256() + " now); "
                            + "add a new migration instead of editing an applied one");
                    }
                    continue;
                }
                try (Statement st = c.createStatement()) {
                    st.execute(m.sql());
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, checksum) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setString(3, m.sha256());
                    ps.executeUpdate();
                }
                now.add(m.version());
            }
            c.commit();
            return now;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static String resource(String name) {
        try (InputStream in = PostgisMigrations.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR + name + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
