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
        /** GeoPackage (SQLite): TEXT columns, timestamps as ISO-8601 text, upsert by replacing the row. */
        SQLITE("INSERT OR REPLACE INTO " + DOCUMENTS_TABLE
                + " (kind, name, saved_at, metadata, body) VALUES (?, ?, ?, ?, ?)",
            "INSERT OR REPLACE INTO " + META_TABLE + " (key, value) VALUES (?, ?)") {
            @Override
            void bindTimestamp(PreparedStatement ps, int index, Instant t) throws SQLException {
                ps.setString(index, t.toString());
            }

            @Override
            Instant readTimestamp(ResultSet rs, int index) throws SQLException {
                return Instant.parse(rs.getString(index));
            }
        },
        /** PostgreSQL: timestamptz and jsonb/json columns, upsert by ON CONFLICT. */
        POSTGRESQL("INSERT INTO " + DOCUMENTS_TABLE + " (kind, name, saved_at, metadata, body) "
                + "VALUES (?, ?, ?, CAST(? AS jsonb), CAST(? AS json)) "
                + "ON CONFLICT (kind, name) DO UPDATE SET saved_at = EXCLUDED.saved_at, "
                + "metadata = EXCLUDED.metadata, body = EXCLUDED.body",
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

        /** Inserts or replaces a document: parameters kind, name, saved_at, metadata JSON, body JSON. */
        private final String upsertDocument;
        /** Inserts or replaces a setting: parameters key, value. */
        private final String upsertMeta;

        Dialect(String upsertDocument, String upsertMeta) {
            this.upsertDocument = upsertDocument;
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

    /** The documents of {@code kind} ordered by name; only the one called {@code name} unless that is null. */
    static List<StoredDocument> documents(Connection c, Dialect dialect, DocumentKind kind, String name)
            throws SQLException {
        String sql = "SELECT name, body, saved_at, metadata FROM " + DOCUMENTS_TABLE + " WHERE kind = ?"
            + (name == null ? "" : " AND name = ?") + " ORDER BY name";
        List<StoredDocument> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind.id());
            if (name != null) {
                ps.setString(2, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredDocument(kind, rs.getString(1), rs.getString(2),
                        dialect.readTimestamp(rs, 3), StoredDocument.parseMetadata(rs.getString(4))));
                }
            }
        }
        return out;
    }

    /** The first of {@code documents}, if any. */
    static Optional<StoredDocument> first(List<StoredDocument> documents) {
        return documents.isEmpty() ? Optional.empty() : Optional.of(documents.get(0));
    }

    /** Saves {@code d}, replacing the document of the same kind and name. */
    static void saveDocument(Connection c, Dialect dialect, StoredDocument d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertDocument)) {
            ps.setString(1, d.kind().id());
            ps.setString(2, d.name());
            dialect.bindTimestamp(ps, 3, d.savedAt());
            ps.setString(4, d.metadataJson());
            ps.setString(5, d.json());
            ps.executeUpdate();
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
