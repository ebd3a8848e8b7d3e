package org.eldercare.planner.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.gpkg.FieldType;
import org.eldercare.planner.io.gpkg.LayerSchema.Field;
import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * A planning workspace in a PostgreSQL/PostGIS database, for a bureau server shared by several planner instances.
 *
 * <p>Schema: one table per {@link StoredLayer} with a {@code geometry(…, 4326)} column and a GiST index, the same
 * attribute columns as the GeoPackage workspace, {@code planner_documents}, {@code planner_meta}; created and
 * upgraded by versioned migrations ({@code schema_version}) when the workspace is opened. All SQL is parametrised.
 *
 * <p>Transactions: {@link #update} runs in one database transaction, serialised between writers by an advisory
 * lock; a layer is replaced with DELETE + INSERT (not TRUNCATE, which would block readers), so concurrent readers
 * keep seeing the previous state until the commit. {@link #read()} runs at REPEATABLE READ: one snapshot for all
 * layers.
 *
 * <p>Credentials come from {@link PgCredentials} (environment or config file), never from the URL: a URL carrying
 * a password is refused, and {@link #location()} never contains credentials. One connection per call.
 * THIS CLASS IS THREAD-SAFE.
 */
public final class PostgisWorkspace extends JdbcWorkspace {
    /** Advisory lock key serialising writers ('plnr' 'writ'). */
    private static final long WRITE_LOCK_KEY = 0x706c6e7277726974L;
    private static final int BATCH_ROWS = 500;
    private static final WorkspaceSql.Dialect DIALECT = WorkspaceSql.Dialect.POSTGRESQL;

    private final String url;
    private final PgCredentials credentials;

    private PostgisWorkspace(String url, PgCredentials credentials) {
        this.url = url;
        this.credentials = credentials;
    }

    /** Opens the workspace at a {@code jdbc:postgresql://host:port/db} URL with {@link PgCredentials#resolve()}. */
    public static PostgisWorkspace connect(String jdbcUrl) {
        return connect(jdbcUrl, PgCredentials.resolve());
    }

    /**
     * Opens the workspace at a {@code jdbc:postgresql://host:port/db} URL, checks the connection and applies
     * pending schema migrations.
     *
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL or carries a password
     * @throws IllegalStateException    when the database cannot be reached (the message tells how to start the
     *                                  local test server) or the migration fails
     */
    public static PostgisWorkspace connect(String jdbcUrl, PgCredentials credentials) {
        String url = checkUrl(jdbcUrl);
        PostgisWorkspace ws = new PostgisWorkspace(url, credentials);
        try (Connection c = ws.connection()) {
            PostgisMigrations.migrate(c);
        } catch (SQLException e) {
            throw WorkspaceSql.failure(ws.location(), "schema migration", e);
        }
        return ws;
    }

    static String checkUrl(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("url: expected jdbc:postgresql://host:port/database, was '"
                + redact(jdbcUrl) + "'");
        }
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.contains("password=") || jdbcUrl.substring("jdbc:postgresql://".length()).contains("@")) {
            throw new IllegalArgumentException("url: must not carry credentials (they would show in logs and "
                + "process lists); set PGUSER/PGPASSWORD or the PLANNER_DB_CONFIG file instead: " + redact(jdbcUrl));
        }
        return jdbcUrl;
    }

    /** The URL without its query string (where options, and wrongly credentials, would be). */
    static String redact(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        int q = jdbcUrl.indexOf('?');
        String base = q < 0 ? jdbcUrl : jdbcUrl.substring(0, q) + "?…";
        int at = base.indexOf('@');
        return at < 0 ? base : "jdbc:postgresql://…@" + base.substring(at + 1);
    }

    @Override
    public String location() {
        return redact(url);
    }

    private Connection connection() throws SQLException {
        Properties p = credentials.toProperties();
        p.setProperty("ApplicationName", "eldercare-planner");
        p.setProperty("connectTimeout", "10");
        p.setProperty("reWriteBatchedInserts", "true");
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to PostGIS workspace " + location() + " as "
                + credentials.user().orElse("<driver default user>") + ": " + e.getMessage()
                + ". Is the server running and are PGUSER/PGPASSWORD set? For the local test server run: "
                + "scripts/postgis.sh start (see docs/stores.md)", e);
        }
    }

    /** A read-only, repeatable-read transaction: one consistent snapshot until closed. */
    @Override
    Connection openSnapshot() throws SQLException {
        Connection c = connection();
        try {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    @Override
    public boolean exists() {
        return withRead(c -> {
            for (StoredLayer<?> l : StoredLayer.all()) {
                try (Statement st = c.createStatement();
                        ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + l.table() + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return true;
                    }
                }
            }
            return WorkspaceSql.findMeta(c, "name").isPresent();
        });
    }

    @Override
    Optional<String> findMeta(Connection c, String key) throws SQLException {
        return WorkspaceSql.findMeta(c, key);
    }

    @Override
    String defaultName() {
        String path = url.substring("jdbc:postgresql://".length());
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        int slash = path.indexOf('/');
        String db = slash < 0 ? "" : path.substring(slash + 1);
        return db.isBlank() ? "postgis" : db;
    }

    @Override
    <T> List<T> readLayer(Connection c, StoredLayer<T> layer, Envelope box) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT fid, ST_AsBinary(geom), ").append(LayerRows.columnList(layer))
            .append(" FROM ").append(layer.table());
        if (box != null) {
            // && uses the GiST index on the bounding boxes; ST_Intersects then tests the exact geometry
            sql.append(" WHERE geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)"
                + " AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))");
        }
        sql.append(" ORDER BY fid");
        WKBReader wkb = new WKBReader(Geometries.WGS84);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            if (box != null) {
                for (int k = 0; k < 2; k++) {
                    ps.setDouble(1 + 4 * k, box.getMinX());
                    ps.setDouble(2 + 4 * k, box.getMinY());
                    ps.setDouble(3 + 4 * k, box.getMaxX());
                    ps.setDouble(4 + 4 * k, box.getMaxY());
                }
            }
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                return LayerRows.readAll(location(), layer, rs, bytes -> bytes == null ? null : wkb.read(bytes),
                    geom -> true);
            }
        }
    }

    @Override
    List<RevisedDocument> documents(Connection c, DocumentKind kind, String name) throws SQLException {
        return WorkspaceSql.documents(c, DIALECT, kind, name, true);
    }

    @Override
    WorkspaceSql.Dialect dialect() {
        return DIALECT;
    }

    /**
     * One READ COMMITTED transaction without the writers' advisory lock: revised saves are decided row by row by
     * the primary key (a concurrent insert of the same name waits for the other transaction, then does nothing)
     * and by {@code UPDATE … WHERE revision = ?} (a concurrent update waits for the row lock, then re-checks the
     * revision). A client killed part-way never commits: the server rolls its transaction back.
     */
    @Override
    <R> R inTransaction(WorkspaceSql.SqlWork<R> work) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            boolean committed = false;
            try {
                R r = work.run(c);
                beforeRevisionCommit.run();
                c.commit();
                committed = true;
                return r;
            } finally {
                if (!committed) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw WorkspaceSql.failure(location(), "write", e);
        }
    }

    // ---- writing ---------------------------------------------------------------------------------------------

    @Override
    public void update(Consumer<WorkspaceWriter> changes) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK_KEY + ")");
                }
                changes.accept(new Writer(c));
                c.commit();
                committed = true;
            } finally {
                if (!committed) {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw WorkspaceSql.failure(location(), "write", e);
        }
    }

    /** The writer handed to {@link #update}: layers by DELETE + batched INSERT, the rest via {@link JdbcWriter}. */
    private final class Writer extends JdbcWriter {
        Writer(Connection c) {
            super(c, DIALECT, location());
        }

        @Override
        public <T> void writeLayer(StoredLayer<T> layer, Iterable<? extends T> items) {
            write(() -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM " + layer.table());
                }
                StringBuilder sql = new StringBuilder("INSERT INTO ").append(layer.table()).append(" (geom, ")
                    .append(LayerRows.columnList(layer)).append(") VALUES (ST_GeomFromWKB(?, 4326)");
                for (Field f : layer.fields()) {
                    sql.append(f.type() == FieldType.JSON ? ", CAST(? AS jsonb)" : ", ?");
                }
                sql.append(")");
                WKBWriter wkb = new WKBWriter(2);
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int pending = 0;
                    for (Feature f : LayerRows.encode(layer, items)) {
                        if (f.geometry() == null) {
                            ps.setNull(1, java.sql.Types.BINARY);
                        } else {
                            ps.setBytes(1, wkb.write(f.geometry()));
                        }
                        LayerRows.bindProperties(ps, layer, f, 2);
                        ps.addBatch();
                        if (++pending == BATCH_ROWS) {
                            ps.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        ps.executeBatch();
                    }
                }
                return null;
            });
        }
    }

    @Override
    public void close() {
        // no connection is held between calls
    }

    @Override
    public String toString() {
        return "PostgisWorkspace[" + location() + "]";
    }
}
