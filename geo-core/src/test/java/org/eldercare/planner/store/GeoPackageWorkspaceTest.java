package org.eldercare.planner.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.io.gpkg.GeoPackageReader;
import org.eldercare.planner.io.gpkg.LayerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a GeoPackage file, plus what only a file can show. */
class GeoPackageWorkspaceTest extends WorkspaceContractTest {
    @TempDir
    Path dir;

    @Override
    protected Workspace newWorkspace() {
        return GeoPackageWorkspace.open(dir.resolve("county.gpkg"));
    }

    @Override
    protected Workspace openAgain(Workspace ws) {
        return Workspaces.open(ws.location());
    }

    /** SQLite: the save holds the database's write lock (BEGIN IMMEDIATE), so another BEGIN IMMEDIATE is busy. */
    @Override
    protected void assertSecondWriterIsHeldOff(String name) throws Exception {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("busy_timeout", "0");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("county.gpkg"), p);
                var st = c.createStatement()) {
            var e = assertThrows(org.sqlite.SQLiteException.class, () -> st.execute("BEGIN IMMEDIATE"));
            assertEquals(org.sqlite.SQLiteErrorCode.SQLITE_BUSY, e.getResultCode());
        }
    }

    @Test
    void a_failed_import_leaves_the_file_byte_for_byte_unchanged() throws Exception {
        ws.write(StoreFixtures.sample());
        Path file = dir.resolve("county.gpkg");
        byte[] before = Files.readAllBytes(file);
        assertThrows(IllegalStateException.class,
            () -> ws.writeLayer(StoredLayer.FACILITIES, failingAtThird()));
        assertArrayEquals(before, Files.readAllBytes(file));
        // and no temporary file is left next to it
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void layers_are_standard_feature_tables_with_typed_columns_and_spatial_index() {
        ws.write(StoreFixtures.sample());
        List<LayerInfo> layers = GeoPackageReader.describe(dir.resolve("county.gpkg"));
        LayerInfo facilities = layers.stream().filter(l -> l.table().equals("facilities")).findFirst().orElseThrow();
        assertEquals(3, facilities.featureCount());
        assertEquals("EPSG:4326", facilities.crs());
        assertEquals("POINT", facilities.geometryType());
        assertTrue(facilities.spatialIndex());
        assertEquals(StoredLayer.FACILITIES.fields(), facilities.fields());
        // admin units mix Polygon and MultiPolygon: declared GEOMETRY; districts are all Polygon
        assertEquals("GEOMETRY", layers.stream().filter(l -> l.table().equals("admin_units")).findFirst()
            .orElseThrow().geometryType());
        assertEquals("POLYGON", layers.stream().filter(l -> l.table().equals("residential_districts")).findFirst()
            .orElseThrow().geometryType());
        // the generic reader sees the same rows (the id column becomes the feature id)
        var rows = GeoPackageReader.read(dir.resolve("county.gpkg")).get("facilities");
        assertEquals("F1", rows.get(0).id());
        assertEquals(120L, rows.get(0).properties().get("beds"));
        assertEquals("comprehensive-centre", rows.get(0).properties().get("kind"));
    }

    @Test
    void a_path_without_gpkg_is_refused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Workspaces.open(dir.resolve("x.db").toString()));
        assertTrue(e.getMessage().startsWith("workspace: expected a .gpkg file or jdbc:postgresql://"),
            e.getMessage());
    }

    @Test
    void reading_a_missing_file_names_it() {
        var e = assertThrows(IllegalArgumentException.class, () -> ws.read());
        assertTrue(e.getMessage().contains("county.gpkg"), e.getMessage());
    }

    /**
     * A workspace written before revisions (schema version 1, planner_documents without the revision column; the
     * bundled sample county is one) reads its documents at revision 1; the first revised save adds the column and
     * sets schema version 2 in the same transaction, and older documents keep their content.
     */
    @Test
    void a_schema_version_1_file_reads_at_revision_1_and_is_upgraded_by_the_first_revised_save() throws Exception {
        Path file = dir.resolve("v1.gpkg");
        GeoPackageWorkspace v1 = GeoPackageWorkspace.open(file);
        v1.write(StoreFixtures.sample());
        v1.saveDocument(DocumentKind.SCENARIO, "old", "{\"a\": 1}", java.util.Map.of());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var st = c.createStatement()) {
            // what version 1 wrote: the table without the column
            st.execute("CREATE TABLE d1 (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, name TEXT NOT NULL, "
                + "saved_at TEXT NOT NULL, metadata TEXT NOT NULL, body TEXT NOT NULL, UNIQUE (kind, name))");
            st.execute("INSERT INTO d1 SELECT id, kind, name, saved_at, metadata, body FROM planner_documents");
            st.execute("DROP TABLE planner_documents");
            st.execute("ALTER TABLE d1 RENAME TO planner_documents");
            st.execute("UPDATE planner_meta SET value = '1' WHERE key = 'schema_version'");
        }
        assertEquals(1, v1.findRevision(DocumentKind.SCENARIO, "old").orElseThrow().revision());
        assertEquals(2, v1.saveRevision(StoredDocument.of(DocumentKind.SCENARIO, "old", "{\"a\": 2}",
            java.util.Map.of()), 1).revision());
        assertEquals(1, v1.saveRevision(StoredDocument.of(DocumentKind.SCENARIO, "new", "{}", java.util.Map.of()), 0)
            .revision());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                var st = c.createStatement();
                var rs = st.executeQuery("SELECT value FROM planner_meta WHERE key = 'schema_version'")) {
            rs.next();
            assertEquals("2", rs.getString(1));
        }
        assertEquals("{\"a\": 2}", v1.findDocument(DocumentKind.SCENARIO, "old").orElseThrow().json());
        assertEquals(StoreFixtures.sample().facilities(), v1.read().facilities());
    }
}
