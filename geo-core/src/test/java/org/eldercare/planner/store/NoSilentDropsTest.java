package org.eldercare.planner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eldercare.planner.io.AttributeMapping;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.TravelGraphs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs that used to vanish without a word (issue 16): a road layer without road classes, admin units whose
 * parent column has another name, demand points without an admin code. Each is now an error naming file, feature and
 * field, or is resolved and counted in the import's notes.
 */
class NoSilentDropsTest {
    @TempDir
    Path dir;

    /** Two townships of county 360681 and, in the second file variant, the county itself. */
    private static String admin(String parentKey, boolean withCounty) {
        String county = """
            {"type":"Feature","properties":{"code":"360681","name":"测试县","level":"county","elderly60":3000},
             "geometry":{"type":"Polygon","coordinates":[[[117.0,28.0],[117.2,28.0],[117.2,28.1],[117.0,28.1],[117.0,28.0]]]}},
            """;
        return "{\"type\":\"FeatureCollection\",\"features\":[" + (withCounty ? county : "") + """
            {"type":"Feature","properties":{"code":"360681001","name":"甲镇","level":"township","%1$s":"360681","elderly60":1200},
             "geometry":{"type":"Polygon","coordinates":[[[117.0,28.0],[117.1,28.0],[117.1,28.1],[117.0,28.1],[117.0,28.0]]]}},
            {"type":"Feature","properties":{"code":"360681002","name":"乙镇","level":"township","%1$s":"360681","elderly60":1800},
             "geometry":{"type":"Polygon","coordinates":[[[117.1,28.0],[117.2,28.0],[117.2,28.1],[117.1,28.1],[117.1,28.0]]]}}]}
            """.formatted(parentKey);
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void aRoadLayerWithoutRoadClassesIsAnErrorNotAnEmptyNetwork() throws Exception {
        Path roads = write("roads.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"r1","properties":{"name":"解放路"},"geometry":{"type":"LineString","coordinates":[[117.0,28.0],[117.001,28.0]]}},
             {"type":"Feature","id":"r2","properties":{"name":"中山路"},"geometry":{"type":"LineString","coordinates":[[117.001,28.0],[117.002,28.0]]}}]}
            """);
        List<RoadSegment> segments = LayerMapper.defaults().roads(LayerFiles.readLayer(roads, null,
            ReadOptions.china()));
        InvalidValueException e = assertThrows(InvalidValueException.class,
            () -> new TravelGraphs(segments).walk(0.76));
        assertEquals("roads.highway", e.field());
        assertTrue(e.getMessage().contains("2 road segments") && e.getMessage().contains("fclass"), e.getMessage());
    }

    @Test
    void aGeofabrikFclassColumnGivesTheRoadClass() throws Exception {
        Path roads = write("roads.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"r1","properties":{"fclass":"residential"},"geometry":{"type":"LineString","coordinates":[[117.0,28.0],[117.001,28.0]]}},
             {"type":"Feature","id":"r2","properties":{"fclass":"footway"},"geometry":{"type":"LineString","coordinates":[[117.001,28.0],[117.002,28.0]]}},
             {"type":"Feature","id":"r3","properties":{"fclass":"motorway"},"geometry":{"type":"LineString","coordinates":[[117.002,28.0],[117.003,28.0]]}}]}
            """);
        List<RoadSegment> segments = LayerMapper.defaults().roads(LayerFiles.readLayer(roads, null,
            ReadOptions.china()));
        assertEquals("residential", segments.get(0).tags().get("highway"));
        RoadGraph walk = new TravelGraphs(segments).walk(0.76);
        assertEquals(3, walk.nodeCount(), "r1 and r2 share a node; the motorway is not walkable");
    }

    @Test
    void adminUnitsWhoseParentColumnIsNotMappedAreRefusedNamingTheColumn() throws Exception {
        Path file = write("admin-units.geojson", admin("parent", true));
        ReadException e = assertThrows(ReadException.class,
            () -> LayerMapper.defaults().adminUnits(LayerFiles.readLayer(file, null, ReadOptions.china())));
        assertEquals(2, e.problems().size(), "both townships");
        InputProblem p = e.problems().get(0);
        assertEquals(file.toString(), p.file());
        assertEquals("#1 '360681001000'", p.feature());
        assertEquals("parentCode", p.field());
        assertTrue(p.message().contains("columns not mapped to any field: [parent]"), p.message());
        // the same file with the mapping naming the column imports, and its units sum up to the county
        AttributeMapping named = AttributeMapping.defaults().with(org.eldercare.planner.io.LayerKind.ADMIN_UNITS,
            "parentCode", "parent");
        assertEquals(Optional.of("360681000000"), new LayerMapper(named).adminUnits(
            LayerFiles.readLayer(file, null, ReadOptions.china())).get(1).parentCode());
    }

    @Test
    void demandPointsWithoutAdminCodeAreLocatedInTheirUnitAndCounted() throws Exception {
        Path units = write("admin-units.geojson", admin("parentCode", true));
        Path demand = write("demand-points.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"d1","properties":{"elderly":30},"geometry":{"type":"Point","coordinates":[117.05,28.05]}},
             {"type":"Feature","id":"d2","properties":{"elderly":20},"geometry":{"type":"Point","coordinates":[117.15,28.05]}},
             {"type":"Feature","id":"d3","properties":{"elderly":10,"adminCode":"360681001"},"geometry":{"type":"Point","coordinates":[117.15,28.06]}}]}
            """);
        Path gpkg = dir.resolve("ws.gpkg");
        WorkspaceImport.Result r;
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            r = WorkspaceImport.run(List.of(WorkspaceImport.Source.parse(units.toString()),
                WorkspaceImport.Source.parse(demand.toString())), ws);
        }
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("2 of 3 demand points")), r.notes().toString());
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            Map<String, String> codeOf = ws.readLayer(StoredLayer.DEMAND_POINTS).stream()
                .collect(Collectors.toMap(DemandPoint::id, DemandPoint::adminCode));
            assertEquals(Map.of("d1", "360681001000", "d2", "360681002000", "d3", "360681001000"), codeOf,
                "d1 in 甲镇 (west half), d2 in 乙镇 (east half), d3 keeps its own code");
        }
    }

    @Test
    void aDemandPointWithoutCodeOutsideEveryUnitIsAnErrorAndNothingIsWritten() throws Exception {
        Path units = write("admin-units.geojson", admin("parentCode", true));
        Path demand = write("demand-points.geojson", """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","id":"far","properties":{"elderly":5},"geometry":{"type":"Point","coordinates":[118.5,29.0]}}]}
            """);
        Path gpkg = dir.resolve("ws.gpkg");
        try (Workspace ws = Workspaces.open(gpkg.toString())) {
            WorkspaceImport.run(List.of(WorkspaceImport.Source.parse(units.toString())), ws);
            // the units are in the workspace now; the points are located against them
            ReadException e = assertThrows(ReadException.class, () -> WorkspaceImport.run(List.of(
                WorkspaceImport.Source.parse(demand.toString())), ws));
            InputProblem p = e.problems().get(0);
            assertEquals(demand.toString(), p.file());
            assertEquals("#0 'far'", p.feature());
            assertEquals("adminCode", p.field());
            assertTrue(p.message().contains("outside every admin unit"), p.message());
            assertEquals(3, ws.readLayer(StoredLayer.ADMIN_UNITS).size(), "what was stored is kept");
            assertTrue(ws.readLayer(StoredLayer.DEMAND_POINTS).isEmpty(), "nothing of the bad import written");
        }
    }

    @Test
    void columnsTheMappingDoesNotReadAreNamedInTheImportNotes() throws Exception {
        Path units = write("admin-units.geojson", admin("parentCode", true).replace("\"elderly60\":1200",
            "\"elderly60\":1200,\"备注\":\"2020年调整\""));
        try (Workspace ws = Workspaces.open(dir.resolve("ws.gpkg").toString())) {
            WorkspaceImport.Result r = WorkspaceImport.run(List.of(WorkspaceImport.Source.parse(units.toString())),
                ws);
            assertTrue(r.notes().stream().anyMatch(n -> n.contains("1 column(s) not mapped") && n.contains("备注")),
                r.notes().toString());
        }
    }
}
