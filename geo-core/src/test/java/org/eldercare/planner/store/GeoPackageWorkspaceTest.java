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
}
