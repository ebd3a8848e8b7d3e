package org.eldercare.planner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The store contract on a real PostGIS (see {@link PostgisTestServer}), plus schema and security checks. */
class PostgisWorkspaceTest extends WorkspaceContractTest {
    private String schema;
    private String url;

    @Override
    protected Workspace newWorkspace() {
        schema = "t_" + Long.toHexString(System.nanoTime());
        url = PostgisTestServer.freshSchemaUrl(schema);
        return PostgisWorkspace.connect(url, PostgisTestServer.credentials());
    }

    @Override
    protected Workspace openAgain(Workspace ws) {
        return PostgisWorkspace.connect(url, PostgisTestServer.credentials());
    }

    /**
     * PostgreSQL: the uncommitted row holds the primary key (kind, name): an insert of the same key from another
     * connection must wait for it, and with a lock timeout of 200 ms it gives up with lock_not_available (55P03).
     */
    @Override
    protected void assertSecondWriterIsHeldOff(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(url, PostgisTestServer.credentials().toProperties());
                Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = '200ms'");
            var e = assertThrows(java.sql.SQLException.class, () -> st.executeUpdate("INSERT INTO planner_documents "
                + "(kind, name, saved_at, metadata, body) VALUES ('scenario', '" + name + "', now(), '{}', '{}') "
                + "ON CONFLICT (kind, name) DO NOTHING"));
            assertEquals("55P03", e.getSQLState(), e.getMessage());
        }
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            PostgisTestServer.drop(schema);
        }
    }

    private List<String> strings(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, PostgisTestServer.credentials().toProperties());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void migrations_are_recorded_once_and_tables_have_4326_geometry_and_gist_indexes() throws Exception {
        // opening again does not re-apply any migration
        openAgain(ws).close();
        assertEquals(List.of("1 planning layers", "2 document revisions", "3 accounts and audit"), strings("SELECT version || ' ' || "
            + "description FROM " + schema + ".schema_version ORDER BY version"));
        for (StoredLayer<?> layer : StoredLayer.all()) {
            assertEquals(List.of("4326"), strings("SELECT srid FROM geometry_columns WHERE f_table_schema = '"
                + schema + "' AND f_table_name = '" + layer.table() + "'"), layer.table());
            assertEquals(List.of("gist"), strings("SELECT am.amname FROM pg_index i JOIN pg_class c ON c.oid = "
                + "i.indexrelid JOIN pg_am am ON am.oid = c.relam JOIN pg_class t ON t.oid = i.indrelid JOIN "
                + "pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = '" + schema + "' AND t.relname = '"
                + layer.table() + "' AND am.amname = 'gist'"), layer.table());
        }
    }

    @Test
    void bbox_queries_use_the_gist_index() throws Exception {
        ws.write(StoreFixtures.sample());
        try (Connection c = DriverManager.getConnection(url, PostgisTestServer.credentials().toProperties());
                Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off"); // a 3-row table would otherwise be scanned
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery("EXPLAIN SELECT fid FROM facilities WHERE geom && "
                    + "ST_MakeEnvelope(114.03, 22.63, 114.07, 22.67, 4326)")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains("facilities_geom_gist"), plan.toString());
        }
    }

    @Test
    void a_url_carrying_a_password_is_refused_without_echoing_it() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> Workspaces.open("jdbc:postgresql://127.0.0.1:55432/planner?user=x&password=s3cret"));
        assertTrue(e.getMessage().startsWith("url: must not carry credentials"), e.getMessage());
        assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
        var at = assertThrows(IllegalArgumentException.class,
            () -> Workspaces.open("jdbc:postgresql://x:s3cret@127.0.0.1:55432/planner"));
        assertTrue(!at.getMessage().contains("s3cret"), at.getMessage());
    }

    @Test
    void location_and_credentials_never_show_the_password() {
        assertTrue(ws.location().startsWith("jdbc:postgresql://"), ws.location());
        assertTrue(!ws.location().contains("currentSchema"), ws.location());
        PgCredentials c = new PgCredentials(Optional.of("planner"), Optional.of("s3cret"));
        assertEquals("PgCredentials[user=planner, password=<set>]", c.toString());
    }

    @Test
    void an_unreachable_server_fails_with_how_to_start_it() {
        var e = assertThrows(IllegalStateException.class, () -> PostgisWorkspace.connect(
            "jdbc:postgresql://127.0.0.1:9/planner", new PgCredentials(Optional.of("planner"), Optional.empty())));
        assertTrue(e.getMessage().contains("scripts/postgis.sh start"), e.getMessage());
    }
}
