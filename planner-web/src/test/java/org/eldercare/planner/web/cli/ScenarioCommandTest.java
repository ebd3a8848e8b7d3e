package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.model.UrbanRural;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * {@code scenario run} and {@code scenario diff} on a small town saved as a GeoPackage workspace: one 2000 m street
 * along y = 0 (metres east of 117.0°E 28.0°N), community A (x &lt; 1000) and B (x ≥ 1000), a day-care centre at
 * x = 100, demand P1 (x = 300, 100 elderly, A) and P2 (x = 1500, 60 elderly, B). Wendeng profile: 1.0 m/s, 15 min
 * = 900 m. Baseline: P1 200 m ✓, P2 1400 m ✗ → 100 / 160 covered. The scenario adds a day-care centre at x = 1600
 * (P2 100 m ✓) → 160 / 160, +60.
 */
class ScenarioCommandTest {
    static final double M_PER_DEG = Math.PI * 6_371_008.8 / 180;
    @TempDir
    static Path tmp;
    static Path scenario;

    static Point pt(double xm) {
        return Geometries.point(117.0 + xm / (M_PER_DEG * Math.cos(Math.toRadians(28.0))), 28.0);
    }

    static org.locationtech.jts.geom.Geometry box(double x0, double x1) {
        double dy = 300 / M_PER_DEG;
        Coordinate[] cs = {new Coordinate(pt(x0).getX(), 28 - dy), new Coordinate(pt(x1).getX(), 28 - dy),
            new Coordinate(pt(x1).getX(), 28 + dy), new Coordinate(pt(x0).getX(), 28 + dy),
            new Coordinate(pt(x0).getX(), 28 - dy)};
        return Geometries.WGS84.createPolygon(cs);
    }

    @BeforeAll
    static void town() throws Exception {
        String k = "360681000000";
        String s = "360681001000";
        String a = "360681001001";
        String b = "360681001002";
        PlanningData d = new PlanningData("小镇", List.of(
            AdminUnit.of(k, "小县", AdminLevel.COUNTY, null, box(-100, 2100)),
            AdminUnit.of(s, "小街道", AdminLevel.STREET, k, box(-100, 2100)),
            AdminUnit.of(a, "甲社区", AdminLevel.COMMUNITY, s, box(-100, 1000)).withUrbanRural(UrbanRural.URBAN),
            AdminUnit.of(b, "乙社区", AdminLevel.COMMUNITY, s, box(1000, 2100)).withUrbanRural(UrbanRural.URBAN)),
            List.of(Facility.of("F1", "甲日照", FacilityKind.DAY_CARE_CENTRE, pt(100)).withAdminCode(a)), List.of(),
            List.of(), List.of(new DemandPoint("P1", pt(300), 100, 10, 5, 0, a, false),
                new DemandPoint("P2", pt(1500), 60, 6, 3, 0, b, false)),
            List.of(new RoadSegment("r", Geometries.WGS84.createLineString(new Coordinate[] {pt(0).getCoordinate(),
                pt(2000).getCoordinate()}), Map.of("highway", "residential"))));
        try (Workspace ws = Workspaces.open(tmp.resolve("town.gpkg").toString())) {
            ws.write(d);
        }
        scenario = tmp.resolve("s.yaml");
        Files.writeString(scenario, "name: east station\nbase: town.gpkg\nprofile: wendeng-2021\nchanges:\n"
            + "  - {type: add-facility, id: N1, name: 乙日照, kind: day-care-centre, lon: " + pt(1600).getX()
            + ", lat: 28.0, adminCode: \"" + b + "\"}\n");
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void run_writes_metrics_diff_layers_summary_and_charts_byte_identically_twice() throws Exception {
        CliRun r1 = run("scenario", "run", scenario.toString(), "--out", tmp.resolve("a").toString());
        assertEquals(0, r1.code(), r1.err());
        assertTrue(r1.out().startsWith("east station: covered elderly 100 -> 160 (+60), covered share 62.5% -> "
            + "100.0%, beds 0 -> 0"), r1.out());
        CliRun r2 = run("scenario", "run", scenario.toString(), "--out", tmp.resolve("b").toString());
        assertEquals(0, r2.code(), r2.err());
        List<Path> files;
        try (Stream<Path> s = Files.walk(tmp.resolve("a"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(List.of("charts/beds_per_1000.png", "charts/coverage_by_township.png", "diff.json",
            "layers/baseline_gaps.geojson", "layers/baseline_units.geojson", "layers/scenario_facilities.geojson",
            "layers/scenario_gaps.geojson", "layers/scenario_units.geojson", "metrics.json", "summary.md"),
            files.stream().map(p -> tmp.resolve("a").relativize(p).toString()).toList());
        for (Path f : files) {
            Path g = tmp.resolve("b").resolve(tmp.resolve("a").relativize(f));
            if (!f.toString().endsWith(".png")) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(g), f.toString());
            } else {
                byte[] png = Files.readAllBytes(f);
                assertEquals((byte) 0x89, png[0]);
                assertEquals('P', png[1]);
            }
        }
        JsonNode diff = new ObjectMapper().readTree(tmp.resolve("a/diff.json").toFile()).get("diff");
        assertEquals(60, diff.path("total").path("deltaElderlyCovered").asDouble());
        String summary = Files.readString(tmp.resolve("a/summary.md"));
        assertTrue(summary.startsWith("# 情景分析：east station"), summary);
        assertTrue(summary.contains("# Scenario: east station"), summary);
    }

    @Test
    void diff_of_a_run_with_itself_is_zero_and_against_another_shows_the_change() throws Exception {
        assertEquals(0, run("scenario", "run", scenario.toString(), "--out", tmp.resolve("c").toString()).code());
        CliRun same = run("scenario", "diff", tmp.resolve("c/metrics.json").toString(),
            tmp.resolve("c/metrics.json").toString());
        assertEquals(0, same.code(), same.err());
        assertTrue(new ObjectMapper().readTree(same.out()).path("diff").path("zero").asBoolean(), same.out());
    }

    @Test
    void a_file_with_two_bad_changes_exits_2_naming_both() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "name: bad\nbase: town.gpkg\nprofile: wendeng-2021\nchanges:\n"
            + "  - {type: close-facility, id: F9}\n  - {type: close-facility, id: F1}\n"
            + "  - {type: resize-facility, id: F1, beds: 5}\n");
        CliRun r = run("scenario", "run", bad.toString(), "--out", tmp.resolve("d").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("changes[0].id: no facility 'F9'"), r.err());
        assertTrue(r.err().contains("changes[2].id: no facility 'F1' (it was closed by an earlier change)"), r.err());
    }
}
