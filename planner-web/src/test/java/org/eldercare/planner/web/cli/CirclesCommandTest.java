package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.circle.CircleFeatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code circles} end to end on a one-road network: a straight residential road along latitude 28.3 from lon 117.20
 * to 117.22 (about 1 958 m), a day-care centre beside its middle and a canteen 5 km away. Walking 1.0 m/s:
 * 5 min reach 300 m each way (600 m), 10 min 1 200 m, 15 min 1 800 m (900 m each way, inside the 979 m halves).
 */
class CirclesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writes_one_circle_per_band_and_reports_far_facilities() throws Exception {
        Path roads = tmp.resolve("roads.geojson");
        Files.writeString(roads, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"r1","highway":"residential"},
             "geometry":{"type":"LineString","coordinates":[[117.20,28.3],[117.21,28.3],[117.22,28.3]]}}]}
            """);
        Path fac = tmp.resolve("facilities.geojson");
        Files.writeString(fac, """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","properties":{"id":"dc1","name":"日间照料中心","kind":"day-care-centre"},
              "geometry":{"type":"Point","coordinates":[117.21,28.3002]}},
             {"type":"Feature","properties":{"id":"far","name":"老年餐桌","kind":"canteen"},
              "geometry":{"type":"Point","coordinates":[117.21,28.35]}}]}
            """);
        Path out = tmp.resolve("circles.geojson");
        CommandLine cl = PlannerCli.commandLine();
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute("circles", "--network", roads.toString(), "--facilities", fac.toString(),
            "--speed-mps", "1.0", "--out", out.toString());
        assertEquals(0, code, e.toString());
        assertTrue(e.toString().contains("far"), e.toString());
        assertTrue(o.toString().contains("2 facilities, 1 snapped, 1 without circle"), o.toString());
        JsonNode fc = new ObjectMapper().readTree(out.toFile());
        assertEquals(3, fc.get("features").size());
        double[] expected = {600, 1200, 1800};
        for (int k = 0; k < 3; k++) {
            JsonNode p = fc.get("features").get(k).get("properties");
            assertEquals("dc1", p.get("facilityId").asText());
            assertEquals(5.0 * (k + 1), p.get("minutes").asDouble());
            assertEquals(expected[k], p.get("reachedLengthM").asDouble(), 0.2);
            assertEquals(false, p.get("approximate").asBoolean());
            assertEquals("日间照料中心", p.get("name").asText());
            // the one circle schema of geo-core, the same property set as the web's /api/layers/circles
            List<String> keys = new ArrayList<>();
            p.fieldNames().forEachRemaining(keys::add);
            assertEquals(CircleFeatures.PROPERTIES, keys);
        }
        assertEquals("dc1@5", fc.get("features").get(0).get("id").asText());
    }

    @Test
    void network_layer_picks_the_roads_table_of_a_multi_layer_geopackage() throws Exception {
        Path gpkg = tmp.resolve("network.gpkg");
        org.eldercare.planner.io.LayerFiles.write(gpkg, "streets", List.of(new org.eldercare.planner.io.Feature("r1",
            line(117.20, 117.22), java.util.Map.of("highway", "residential"))), org.eldercare.planner.crs.Crs.WGS84);
        org.eldercare.planner.io.LayerFiles.write(gpkg, "rivers", List.of(new org.eldercare.planner.io.Feature("w1",
            line(117.30, 117.31), java.util.Map.of("waterway", "river"))), org.eldercare.planner.crs.Crs.WGS84);
        Path fac = tmp.resolve("facilities.geojson");
        Files.writeString(fac, """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"dc1","name":"日间照料中心",
             "kind":"day-care-centre"},"geometry":{"type":"Point","coordinates":[117.21,28.3002]}}]}
            """);
        Path out = tmp.resolve("circles.geojson");
        StringWriter e = new StringWriter();
        CommandLine cl = PlannerCli.commandLine();
        cl.setErr(new PrintWriter(e));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("circles", "--network", gpkg.toString(), "--network-layer", "streets",
            "--facilities", fac.toString(), "--speed-mps", "1.0", "--out", out.toString()), e.toString());
        JsonNode fc = new ObjectMapper().readTree(out.toFile());
        assertEquals(600, fc.get("features").get(0).get("properties").get("reachedLengthM").asDouble(), 0.2);
        // without the option the two tables are named, not guessed
        StringWriter e2 = new StringWriter();
        CommandLine cl2 = PlannerCli.commandLine();
        cl2.setErr(new PrintWriter(e2));
        assertEquals(PlannerCli.EXIT_BAD_INPUT, cl2.execute("circles", "--network", gpkg.toString(),
            "--facilities", fac.toString(), "--out", out.toString()));
        assertTrue(e2.toString().contains("streets") && e2.toString().contains("rivers"), e2.toString());
    }

    private static org.locationtech.jts.geom.LineString line(double lon0, double lon1) {
        return new org.locationtech.jts.geom.GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4326)
            .createLineString(new org.locationtech.jts.geom.Coordinate[] {
                new org.locationtech.jts.geom.Coordinate(lon0, 28.3),
                new org.locationtech.jts.geom.Coordinate((lon0 + lon1) / 2, 28.3),
                new org.locationtech.jts.geom.Coordinate(lon1, 28.3)});
    }

    @Test
    void network_or_no_network_is_required() {
        CommandLine cl = PlannerCli.commandLine();
        StringWriter e = new StringWriter();
        cl.setErr(new PrintWriter(e));
        assertEquals(PlannerCli.EXIT_BAD_INPUT, cl.execute("circles", "--facilities", "x.geojson", "--out", "y.geojson"));
        assertTrue(e.toString().contains("--network"), e.toString());
    }
}
