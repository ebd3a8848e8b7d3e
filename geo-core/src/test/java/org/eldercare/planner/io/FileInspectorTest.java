package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInspectorTest {
    @Test
    void datav_raw_file_gets_the_gcj02_caveat() throws IOException {
        Path p = SharedData.resolve("data/raw/boundaries/datav_2021/360600_full.json");
        var r = FileInspector.inspect(p, ReadOptions.china());
        assertTrue(r.readable());
        assertEquals(1, r.layers().size());
        assertEquals(3, r.layers().get(0).featureCount());
        assertEquals("EPSG:4326", r.layers().get(0).crs());
        assertTrue(r.caveats().stream().anyMatch(c -> c.startsWith("GCJ-02 CAVEAT")), r.caveats().toString());

        var converted = FileInspector.inspect(p, ReadOptions.china().withCrs(Crs.GCJ02));
        assertEquals("GCJ-02", converted.layers().get(0).crs());
        assertTrue(converted.caveats().stream().noneMatch(c -> c.startsWith("GCJ-02 CAVEAT")));
        // the WGS84 copy and geoBoundaries (adcode but no DataV members) get no caveat
        var wgs = FileInspector.inspect(SharedData.resolve("data/raw/boundaries/datav_2021/360600_full.wgs84.geojson"),
            ReadOptions.china());
        assertTrue(wgs.caveats().stream().noneMatch(c -> c.startsWith("GCJ-02 CAVEAT")));
        var gb = FileInspector.inspect(SharedData.resolve(
            "data/raw/boundaries/geoboundaries_chn_adm3/guixi_360681_geoboundaries2017.geojson"), ReadOptions.china());
        assertEquals(java.util.List.of(), gb.caveats());
        assertTrue(gb.clean());
    }

    @Test
    void osm_file_has_roads_and_pois() throws IOException {
        var r = FileInspector.inspect(SharedData.resolve("data/raw/osm/guixi_360681/guixi_center_2024-11.osm"),
            ReadOptions.china());
        assertEquals(176, r.layers().get(0).featureCount());
        assertEquals(Map.of("LineString", 176), r.layers().get(0).geometryTypes());
        assertEquals(32, r.layers().get(1).featureCount());
    }

    @Test
    void csv_without_geometry_is_described_not_refused() throws IOException {
        var r = FileInspector.inspect(SharedData.resolve("benchmarks/pgrouting-sample/vertices.csv"), ReadOptions.china());
        assertTrue(r.readable());
        assertEquals(17, r.layers().get(0).featureCount());
        assertTrue(r.layers().get(0).bbox().isEmpty());
        assertTrue(r.caveats().get(0).startsWith("CSV without geometry columns"));
    }

    @Test
    void invalid_polygons_are_listed_and_unreadable_files_report_their_problems(@TempDir Path dir) throws IOException {
        Path bow = dir.resolve("bow.geojson");
        Files.writeString(bow, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"x\","
            + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117.0,28.0],[117.1,28.1],[117.1,28.0],"
            + "[117.0,28.1],[117.0,28.0]]]},\"properties\":{}}]}");
        var r = FileInspector.inspect(bow, ReadOptions.china());
        assertFalse(r.clean());
        assertTrue(r.layers().get(0).problems().get(0).startsWith("feature #0 'x': field 'geometry': invalid Polygon"));

        Path broken = dir.resolve("broken.geojson");
        Files.writeString(broken, "{");
        var b = FileInspector.inspect(broken, ReadOptions.china());
        assertFalse(b.readable());
        assertEquals("json", b.readProblems().get(0).field());
    }
}
