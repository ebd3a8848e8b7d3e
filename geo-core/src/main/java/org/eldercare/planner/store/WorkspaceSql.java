package org.eldercare.planner.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eldercare.planner.model.PlanningData;
import org.locationtech.jts.geom.Envelope;

/**
 * The SQL the two JDBC workspaces ({@link GeoPackageWorkspace}, {@link PostgisWorkspace}) share: saved documents
 * ({@code planner_documents}), workspace settings ({@code planner_meta}), assembling {@link PlanningData} from the
 * layers, and turning an {@link SQLException} into an {@link IllegalStateException} that names the workspace.
 *
 * <p>Each store keeps what is its own (connections, transactions, schema creation, layer tables); where SQLite and
 * PostgreSQL spell a statement differently (upserts, the {@code saved_at} timestamp, JSON columns), {@link Dialect}
 * says how. Callers own the connection and its transaction.
 */
final class WorkspaceSql {
    static final String DOCUMENTS_TABLE = "planner_documents";
    static final String META_TABLE = "planner_meta";

    private WorkspaceSql() {}

    /** How the planner tables differ between the stores' databases. */
    enum Dialect {
        /** GeoPackage (SQLite): TEXT columns, timestamps as ISO-8601 text. */
        SQLITE("?, ?", "revision", "INSERT OR REPLACE INTO " + META_TABLE + " (key, value) VALUES (?, ?)") {
            @Override
            void bindTimestamp(PreparedStatement ps, int index, Instant t) throws SQLException {
                ps.setString(index, t.toString());
            }

            @Override
            Instant readTimestamp(ResultSet rs, int index) throws SQLException {
                return Instant.parse(rs.getString(index));
            }
        },
        /** PostgreSQL: timestamptz and jsonb/json columns. */
        POSTGRESQL("CAST(? AS jsonb), CAST(? AS json)", DOCUMENTS_TABLE + ".revision",
            "INSERT INTO " + META_TABLE + " (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value") {
            @Override
            void bindTimestamp(PreparedStatement ps, int index, Instant t) throws SQLException {
                ps.setObject(index, t.atOffset(ZoneOffset.UTC));
            }

            @Override
            Instant readTimestamp(ResultSet rs, int index) throws SQLException {
                return rs.getObject(index, OffsetDateTime.class).toInstant();
            }
        };

        /** Inserts or replaces a document (a replaced one gets the next revision): kind, name, saved_at, metadata, body. */
        private final String upsertDocument;
        /** Inserts a new document at revision 1 unless one of that kind and name exists: same parameters. */
        private final String insertNewDocument;
        /** Replaces a document's revision r by r + 1: saved_at, metadata, body, kind, name, r. */
        private final String updateRevision;
        /** Inserts or replaces a setting: parameters key, value. */
        private final String upsertMeta;

        Dialect(String jsonValues, String storedRevision, String upsertMeta) {
            String insert = "INSERT INTO " + DOCUMENTS_TABLE + " (kind, name, saved_at, metadata, body) VALUES (?, ?, ?, "
                + jsonValues + ") ON CONFLICT (kind, name) ";
            this.upsertDocument = insert + "DO UPDATE SET saved_at = EXCLUDED.saved_at, metadata = EXCLUDED.metadata, "
                + "body = EXCLUDED.body, revision = " + storedRevision + " + 1";
            this.insertNewDocument = insert + "DO NOTHING";
            String[] json = jsonValues.split(", ");
            this.updateRevision = "UPDATE " + DOCUMENTS_TABLE + " SET saved_at = ?, metadata = " + json[0]
                + ", body = " + json[1] + ", revision = revision + 1 WHERE kind = ? AND name = ? AND revision = ?";
            this.upsertMeta = upsertMeta;
        }

        abstract void bindTimestamp(PreparedStatement ps, int index, Instant t) throws SQLException;

        abstract Instant readTimestamp(ResultSet rs, int index) throws SQLException;
    }

    // ---- SQLException → IllegalStateException ----------------------------------------------------------------

    /** Work on a connection that may fail with an {@link SQLException}. */
    interface SqlWork<R> {
        R run(Connection c) throws SQLException;
    }

    /** A statement (or a few) that may fail with an {@link SQLException}. */
    interface SqlCall<R> {
        R run() throws SQLException;
    }

    /**
     * "workspace LOCATION: WHAT failed: MESSAGE", with the chained exception's message in parentheses when there is
     * one (PostgreSQL puts the real cause of a failed batch there).
     */
    static IllegalStateException failure(String location, String what, SQLException e) {
        SQLException next = e.getNextException();
        return new IllegalStateException("workspace " + location + ": " + what + " failed: " + e.getMessage()
            + (next == null ? "" : " (" + next.getMessage() + ")"), e);
    }

    /** Runs {@code call}, turning an {@link SQLException} into {@link #failure failure(location, "write", e)}. */
    static <R> R write(String location, SqlCall<R> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw failure(location, "write", e);
        }
    }

    // ---- layers ----------------------------------------------------------------------------------------------

    /** A store's query for one layer's records, all ({@code lonLatBox} null) or those meeting a box. */
    interface LayerQuery {
        <T> List<T> read(Connection c, StoredLayer<T> layer, Envelope lonLatBox) throws SQLException;
    }

    /** All layers read with {@code query} on {@code c} (one snapshot when {@code c} is in one transaction). */
    static PlanningData planningData(Connection c, String name, LayerQuery query) throws SQLException {
        return new PlanningData(name, query.read(c, StoredLayer.ADMIN_UNITS, null), query.read(c, StoredLayer.FACILITIES, null),
            query.read(c, StoredLayer.MEDICAL_FACILITIES, null), query.read(c, StoredLayer.DISTRICTS, null),
            query.read(c, StoredLayer.DEMAND_POINTS, null), query.read(c, StoredLayer.ROADS, null));
    }

    /** Checks the box given to {@link Workspace#queryLayer}: not null, not empty. */
    static Envelope checkBox(Envelope lonLatBox) {
        if (lonLatBox == null || lonLatBox.isNull()) {
            throw new IllegalArgumentException("lonLatBox: must be a non-empty envelope, was " + lonLatBox);
        }
        return lonLatBox;
    }

    // ---- saved documents -------------------------------------------------------------------------------------

    /**
     * The documents of {@code kind} ordered by name, with their revisions; only the one called {@code name} unless
     * that is null. {@code revisionColumn} is false for a GeoPackage written before revisions (every document at 1).
     */
    static List<RevisedDocument> documents(Connection c, Dialect dialect, DocumentKind kind, String name,
            boolean revisionColumn) throws SQLException {
        String sql = "SELECT name, body, saved_at, metadata, " + (revisionColumn ? "revision" : "1") + " FROM "
            + DOCUMENTS_TABLE + " WHERE kind = ?" + (name == null ? "" : " AND name = ?") + " ORDER BY name";
        List<RevisedDocument> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind.id());
            if (name != null) {
                ps.setString(2, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RevisedDocument(new StoredDocument(kind, rs.getString(1), rs.getString(2),
                        dialect.readTimestamp(rs, 3), StoredDocument.parseMetadata(rs.getString(4))), rs.getLong(5)));
                }
            }
        }
        return out;
    }

    /** The first of {@code documents}, if any. */
    static <T> Optional<T> first(List<T> documents) {
        return documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(0));
    }

    /** Saves {@code d}, replacing the document of the same kind and name (which then gets its next revision). */
    static void saveDocument(Connection c, Dialect dialect, StoredDocument d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertDocument)) {
            bindDocument(ps, dialect, d);
            ps.executeUpdate();
        }
    }

    private static void bindDocument(PreparedStatement ps, Dialect dialect, StoredDocument d) throws SQLException {
        ps.setString(1, d.kind().id());
        ps.setString(2, d.name());
        dialect.bindTimestamp(ps, 3, d.savedAt());
        ps.setString(4, d.metadataJson());
        ps.setString(5, d.json());
    }

    /** The stored revision of the document, empty when there is none. */
    static OptionalLong revision(Connection c, DocumentKind kind, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM " + DOCUMENTS_TABLE
                + " WHERE kind = ? AND name = ?")) {
            ps.setString(1, kind.id());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Saves {@code d} as revision {@code expected + 1}, inside the caller's transaction: a new document
     * ({@code expected} 0) by an insert the store's unique key (kind, name) refuses when one exists — also one that a
     * concurrent transaction inserted and committed meanwhile; a new revision by an update of the row whose
     * revision is still {@code expected}.
     *
     * @throws RevisionConflictException when the stored revision is not {@code expected} (nothing written)
     */
    static RevisedDocument saveRevision(Connection c, Dialect dialect, StoredDocument d, long expected)
            throws SQLException {
        checkExpected(expected);
        if (expected == 0) {
            try (PreparedStatement ps = c.prepareStatement(dialect.insertNewDocument)) {
                bindDocument(ps, dialect, d);
                if (ps.executeUpdate() == 0) {
                    throw new RevisionConflictException(d.kind(), d.name(), 0, revision(c, d.kind(), d.name()));
                }
            }
            return new RevisedDocument(d, 1);
        }
        try (PreparedStatement ps = c.prepareStatement(dialect.updateRevision)) {
            dialect.bindTimestamp(ps, 1, d.savedAt());
            ps.setString(2, d.metadataJson());
            ps.setString(3, d.json());
            ps.setString(4, d.kind().id());
            ps.setString(5, d.name());
            ps.setLong(6, expected);
            if (ps.executeUpdate() == 0) {
                throw new RevisionConflictException(d.kind(), d.name(), expected, revision(c, d.kind(), d.name()));
            }
        }
        return new RevisedDocument(d, expected + 1);
    }

    /**
     * Deletes revision {@code expected} of the document, inside the caller's transaction.
     *
     * @throws RevisionConflictException when there is no such document or it is at another revision
     */
    static void deleteRevision(Connection c, DocumentKind kind, String name, long expected) throws SQLException {
        checkExpected(expected);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + DOCUMENTS_TABLE
                + " WHERE kind = ? AND name = ? AND revision = ?")) {
            ps.setString(1, kind.id());
            ps.setString(2, name);
            ps.setLong(3, expected);
            if (ps.executeUpdate() == 0) {
                throw new RevisionConflictException(kind, name, expected, revision(c, kind, name));
            }
        }
    }

    private static void checkExpected(long expected) {
        if (expected < 0) {
            throw new IllegalArgumentException("revision: must be 0 (a new document) or the revision read, was "
                + expected);
        }
    }

    /** Deletes the document of {@code kind} called {@code name}; whether there was one. */
    static boolean deleteDocument(Connection c, DocumentKind kind, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + DOCUMENTS_TABLE
                + " WHERE kind = ? AND name = ?")) {
            ps.setString(1, kind.id());
            ps.setString(2, name);
            return ps.executeUpdate() > 0;
        }
    }

    // ---- workspace settings ----------------------------------------------------------------------------------

    /** The setting {@code key} from {@code planner_meta}, if set. */
    static Optional<String> findMeta(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM " + META_TABLE + " WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Sets {@code key} to {@code value} in {@code planner_meta}, replacing any previous value. */
    static void putMeta(Connection c, Dialect dialect, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertMeta)) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }
}
