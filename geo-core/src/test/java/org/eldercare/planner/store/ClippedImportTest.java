package org.eldercare.planner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.io.AttributeMapping;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.RoadSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --clip-to-county}: a regional OSM file cut to the county imported with it or already stored. */
class ClippedImportTest {
    @TempDir
    Path dir;

    /** County box lon 117.0–117.1, lat 28.0–28.1; one road crosses it, one lies 40 km away. */
    private void files() throws Exception {
        Files.writeString(dir.resolve("admin-units.geojson"), """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"360681","name":"测试县",
             "level":"county"},"geometry":{"type":"Polygon","coordinates":[[[117.0,28.0],[117.1,28.0],[117.1,28.1],
             [117.0,28.1],[117.0,28.0]]]}}]}
            """);
        Files.writeString(dir.resolve("region.osm"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <osm version="0.6">
              <node id="1" lon="116.90" lat="28.05"/><node id="2" lon="117.05" lat="28.05"/>
              <node id="3" lon="117.30" lat="28.05"/><node id="4" lon="117.5" lat="28.4"/>
              <node id="5" lon="117.6" lat="28.4"/>
              <way id="1"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="residential"/></way>
              <way id="2"><nd ref="4"/><nd ref="5"/><tag k="highway" v="primary"/></way>
            </osm>
            """);
    }

    private WorkspaceImport.Result run(Workspace ws, double buffer, String... sources) {
        List<WorkspaceImport.Source> s = java.util.Arrays.stream(sources)
            .map(x -> WorkspaceImport.Source.parse(dir.resolve(x).toString())).toList();
        return new WorkspaceImport(s, AttributeMapping.defaults(), ReadOptions.defaults(), java.util.Optional.empty())
            .clippedToCounty(buffer).into(ws);
    }

    @Test
    void theRegionsRoadsAreCutToTheCountyImportedWithThem() throws Exception {
        files();
        try (Workspace ws = Workspaces.open(dir.resolve("ws.gpkg").toString())) {
            // 0 m: way 1 keeps only node 2 inside the box → one node, no line; a 12 km buffer keeps nodes 1..2
            // (116.90 is 0.1° ≈ 9.8 km west) but not node 3 (117.30, 19.7 km east); way 2 (~40 km) is cut away
            WorkspaceImport.Result r = run(ws, 12_000, "region.osm", "admin-units.geojson");
            List<RoadSegment> roads = ws.readLayer(StoredLayer.ROADS);
            assertEquals(1, roads.size());
            assertEquals(2, roads.get(0).geometry().getNumPoints());
            assertEquals(116.90, roads.get(0).geometry().getCoordinateN(0).x, 1e-9);
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("cut to [测试县] + 12000 m: 1 road pieces kept; "
                + "1 ways and 3 of 5 nodes outside")), r.notes().toString());
        }
    }

    @Test
    void withoutAnyCountyTheClipIsRefusedAndNothingIsWritten() throws Exception {
        files();
        try (Workspace ws = Workspaces.open(dir.resolve("ws.gpkg").toString())) {
            ReadException e = assertThrows(ReadException.class, () -> run(ws, 2_000, "region.osm"));
            assertEquals("clip", e.problems().get(0).field());
            assertThrows(IllegalArgumentException.class, () -> run(ws, -5, "region.osm"));
        }
    }
}
