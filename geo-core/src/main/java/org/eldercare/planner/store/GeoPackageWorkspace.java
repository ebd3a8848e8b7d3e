package org.eldercare.planner.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.gpkg.GeoPackageBinary;
import org.eldercare.planner.io.gpkg.GeoPackageWriter;
import org.eldercare.planner.io.gpkg.LayerSchema;
import org.eldercare.planner.io.gpkg.SqliteTables;
import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A planning workspace in one GeoPackage file, the embedded default: what QGIS users open and exchange.
 *
 * <p>Layout: one feature table per {@link StoredLayer} (named {@link StoredLayer#table()}, typed columns as listed in
 * docs/stores.md, EPSG:4326, RTree spatial index), an attributes table {@code planner_documents} for saved results
 * and scenarios, and {@code planner_meta} (workspace name, schema version). Other tables in the file are left
 * alone.
 *
 * <p>Writes are all-or-nothing by copy-on-write ({@link GeoPackageWriter#edit}): the change is made on a private
 * copy that atomically replaces the file. Readers (in this or other processes) keep reading the file they opened
 * and are never blocked; each read runs in one SQLite read transaction, so {@link #read()} is a consistent snapshot.
 * Writers within this JVM are serialised; a write by another process in the meantime makes this write fail rather
 * than be lost. THIS CLASS IS THREAD-SAFE.
 */
public final class GeoPackageWorkspace extends JdbcWorkspace {
    /** Version of the workspace schema this class writes (planner_meta.schema_version). */
    public static final int SCHEMA_VERSION = 2;
    private static final String DOCUMENTS_TABLE = WorkspaceSql.DOCUMENTS_TABLE;
    private static final String META_TABLE = WorkspaceSql.META_TABLE;
    private static final WorkspaceSql.Dialect DIALECT = WorkspaceSql.Dialect.SQLITE;

    private final Path file;

    private GeoPackageWorkspace(Path file) {
        this.file = file;
    }

    /**
     * A workspace at {@code file} (must end with {@code .gpkg}; its directory must exist). The file is created by
     * the first write; reading a workspace that does not exist throws.
     */
    public static GeoPackageWorkspace open(Path file) {
        if (file == null || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            throw new IllegalArgumentException("workspace: a GeoPackage workspace file must end with .gpkg, was "
                + file);
        }
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs.getParent())) {
            throw new IllegalArgumentException("workspace: the directory of " + file + " does not exist");
        }
        return new GeoPackageWorkspace(abs);
    }

    /**
     * Whether {@code file} is a GeoPackage written by a planner workspace (it has the {@code planner_meta} table), as
     * opposed to any other GeoPackage with feature tables.
     */
    public static boolean isWorkspace(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        for (int attempt = 1; ; attempt++) {
            Properties p = new Properties();
            p.setProperty("open_mode", "1");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), p)) {
                return SqliteTables.exists(c, META_TABLE);
            } catch (SQLException e) {
                if (attempt == 1 && isHotJournal(e)) {
                    try {
                        rollBackHotJournal(file.toAbsolutePath());
                        continue;
                    } catch (SQLException again) {
                        return false;
                    }
                }
                return false;
            }
        }
    }

    /** Whether a read-only connection failed because a killed writer left a hot journal ({@link #rollBackHotJournal}). */
    private static boolean isHotJournal(SQLException e) {
        return e instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_READONLY_ROLLBACK;
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    /** A read-only connection inside one read transaction (a consistent snapshot until closed). */
    @Override
    Connection openSnapshot() throws SQLException {
        if (!exists()) {
            throw new IllegalArgumentException("workspace: no such GeoPackage workspace: " + file);
        }
        for (int attempt = 1; ; attempt++) {
            Properties p = new Properties();
            p.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
            p.setProperty("busy_timeout", "30000");
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
            c.setAutoCommit(false);
            try {
                checkVersion(c);
                return c;
            } catch (SQLException e) {
                c.close();
                if (attempt == 1 && isHotJournal(e)) {
                    rollBackHotJournal(file);
                    continue;
                }
                throw e;
            } catch (RuntimeException e) {
                c.close();
                throw e;
            }
        }
    }

    /**
     * A writer died inside a transaction (a killed server): its rollback journal is "hot", and a read-only
     * connection cannot roll it back. A read-write connection's first read does (SQLite restores the pages of the
     * last commit from the journal), after which the file reads as before that transaction.
     */
    private static void rollBackHotJournal(Path file) throws SQLException {
        Properties p = new Properties();
        p.setProperty("busy_timeout", "30000");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
            rs.next();
        }
    }

    @Override
    String defaultName() {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".gpkg".length());
    }

    @Override
    <T> List<T> readLayer(Connection c, StoredLayer<T> layer, Envelope box) throws SQLException {
        if (!SqliteTables.exists(c, layer.table())) {
            return List.of();
        }
        String t = quote(layer.table());
        String g = quote(LayerSchema.GEOMETRY_COLUMN);
        StringBuilder sql = new StringBuilder("SELECT fid, ").append(g).append(", ")
            .append(LayerRows.columnList(layer)).append(" FROM ").append(t);
        String rtree = "rtree_" + layer.table() + "_" + LayerSchema.GEOMETRY_COLUMN;
        boolean indexed = box != null && SqliteTables.exists(c, rtree);
        if (indexed) {
            sql.append(" WHERE fid IN (SELECT id FROM ").append(quote(rtree))
                .append(" WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)");
        }
        sql.append(" ORDER BY fid");
        Geometry boxGeometry = box == null ? null : Geometries.WGS84.toGeometry(box);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            if (indexed) {
                ps.setDouble(1, box.getMinX());
                ps.setDouble(2, box.getMaxX());
                ps.setDouble(3, box.getMinY());
                ps.setDouble(4, box.getMaxY());
            }
            try (ResultSet rs = ps.executeQuery()) {
                // the RTree holds bounding boxes only: test the exact geometry too
                return LayerRows.readAll(location(), layer, rs,
                    blob -> GeoPackageBinary.read(blob, Geometries.WGS84),
                    geom -> boxGeometry == null || (geom != null && geom.intersects(boxGeometry)));
            }
        }
    }

    @Override
    boolean mayHoldDocuments() {
        return exists();
    }

    @Override
    List<RevisedDocument> documents(Connection c, DocumentKind kind, String name) throws SQLException {
        return SqliteTables.exists(c, DOCUMENTS_TABLE)
            ? WorkspaceSql.documents(c, DIALECT, kind, name, hasRevisionColumn(c)) : List.of();
    }

    /** Whether planner_documents has the revision column (schema version 2; older files get it on their next write). */
    private static boolean hasRevisionColumn(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA table_info(" + DOCUMENTS_TABLE + ")")) {
            while (rs.next()) {
                if ("revision".equals(rs.getString("name"))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    WorkspaceSql.Dialect dialect() {
        return DIALECT;
    }

    @Override
    Optional<String> findMeta(Connection c, String key) throws SQLException {
        return SqliteTables.exists(c, META_TABLE) ? WorkspaceSql.findMeta(c, key) : Optional.empty();
    }

    private void checkVersion(Connection c) throws SQLException {
        Optional<String> v = findMeta(c, "schema_version");
        if (v.isPresent() && Integer.parseInt(v.get()) > SCHEMA_VERSION) {
            throw new IllegalStateException("workspace " + file + " has schema version " + v.get()
                + ", newer than this program's " + SCHEMA_VERSION + "; upgrade the planner");
        }
    }


    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    @Override
    public void update(Consumer<WorkspaceWriter> changes) {
        GeoPackageWriter.edit(file, w -> {
            Connection c = w.geoPackage().getConnection().getConnection();
            try {
                prepare(c);
                changes.accept(new Writer(w, c));
            } catch (SQLException e) {
                throw WorkspaceSql.failure(location(), "write", e);
            }
            return null;
        });
    }

    /**
     * A revised save or delete ({@link #saveRevision}, {@link #deleteRevision}) as one SQLite transaction on the file
     * itself, not copy-on-write: {@code BEGIN IMMEDIATE} takes the database's write lock (another writer, in any
     * process, waits up to 30 s for it), the revision check and the write run under it, and {@code COMMIT} makes
     * them durable at once; a process killed part-way leaves a hot rollback journal, which the next connection
     * rolls back to the previous state (the fault test, {@code GeoPackageSaveFaultTest}). The planner tables are
     * created (or brought to schema version 2) in the same transaction. A copy-on-write {@link #update} that
     * replaces the file during the transaction is detected by the file's identity: before the write the
     * transaction restarts on the new file, after the commit the save fails (it went to the replaced file) rather
     * than being reported as saved.
     */
    @Override
    <R> R inTransaction(WorkspaceSql.SqlWork<R> work) {
        if (!exists()) {
            update(w -> { }); // creates the GeoPackage and the planner tables
        }
        for (int attempt = 1; ; attempt++) {
            Object identity = fileIdentity();
            Properties p = new Properties();
            p.setProperty("busy_timeout", "30000");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, p);
                    Statement st = c.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
                boolean committed = false;
                try {
                    if (!identity.equals(fileIdentity()) && attempt < 3) {
                        continue; // replaced before we held the lock: start again on the new file
                    }
                    prepare(c);
                    R r = work.run(c);
                    beforeRevisionCommit.run();
                    st.execute("COMMIT");
                    committed = true;
                    if (!identity.equals(fileIdentity())) {
                        throw new IllegalStateException("workspace " + file + ": the file was replaced by another "
                            + "write while this save was being committed; nothing was saved, try again");
                    }
                    return r;
                } finally {
                    if (!committed) {
                        st.execute("ROLLBACK");
                    }
                }
            } catch (SQLException e) {
                throw WorkspaceSql.failure(location(), "write", e);
            }
        }
    }

    /** The file's identity (device and inode on Unix): changes when a copy-on-write edit renames over it. */
    private Object fileIdentity() {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key == null ? Files.getLastModifiedTime(file) : key;
        } catch (IOException e) {
            throw new UncheckedIOException("workspace " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates the planner tables (registered in gpkg_contents as attributes) when missing; checks the version. */
    private void prepare(Connection c) throws SQLException {
        checkVersion(c);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + META_TABLE + " (key TEXT PRIMARY KEY NOT NULL, "
                + "value TEXT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS " + DOCUMENTS_TABLE + " (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                + "kind TEXT NOT NULL, name TEXT NOT NULL, saved_at TEXT NOT NULL, metadata TEXT NOT NULL, "
                + "body TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1), "
                + "UNIQUE (kind, name))");
            if (!hasRevisionColumn(c)) { // a schema-version-1 file
                st.execute("ALTER TABLE " + DOCUMENTS_TABLE + " ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 "
                    + "CHECK (revision >= 1)");
            }
            for (String t : List.of(META_TABLE, DOCUMENTS_TABLE)) {
                st.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, "
                    + "last_change) VALUES ('" + t + "', 'attributes', '" + t + "', '"
                    + (t.equals(META_TABLE) ? "eldercare planner: workspace settings"
                        : "eldercare planner: saved analysis results and scenarios (JSON)")
                    + "', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
            }
        }
        WorkspaceSql.putMeta(c, DIALECT, "schema_version", Integer.toString(SCHEMA_VERSION));
    }

    /** The writer handed to {@link #update}: layer tables via GeoPackageWriter, the rest via {@link JdbcWriter}. */
    private final class Writer extends JdbcWriter {
        private final GeoPackageWriter gpkg;

        Writer(GeoPackageWriter gpkg, Connection c) {
            super(c, DIALECT, location());
            this.gpkg = gpkg;
        }

        @Override
        public <T> void writeLayer(StoredLayer<T> layer, Iterable<? extends T> items) {
            gpkg.writeLayer(schema(layer, items), LayerRows.encode(layer, items));
        }
    }

    /**
     * The table schema for a layer. Areal layers are declared POLYGON or MULTIPOLYGON when all their geometries
     * are of that type (what QGIS shows best), else GEOMETRY; this reads the items once more before writing.
     */
    private static <T> LayerSchema schema(StoredLayer<T> layer, Iterable<? extends T> items) {
        String type = switch (layer.geometryKind()) {
            case POINT -> "POINT";
            case LINESTRING -> "LINESTRING";
            case AREAL -> {
                Set<String> types = new HashSet<>();
                for (T item : items) {
                    if (item != null) {
                        Feature f = layer.encode(item);
                        if (f.geometry() != null) {
                            types.add(f.geometry().getGeometryType().toUpperCase(Locale.ROOT));
                        }
                    }
                }
                yield types.size() == 1 ? types.iterator().next() : "GEOMETRY";
            }
        };
        return new LayerSchema(layer.table(), type, Geometries.WGS84_SRID, layer.fields());
    }

    @Override
    public void close() {
        // no connection is held between calls
    }

    @Override
    public String toString() {
        return "GeoPackageWorkspace[" + file + "]";
    }
}
