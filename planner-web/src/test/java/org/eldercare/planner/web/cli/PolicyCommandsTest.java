package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code planner profiles}, {@code planner profile show} and {@code planner check-districts} end to end. */
class PolicyCommandsTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = PlannerCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void profiles_lists_all_six() {
        assertEquals(0, run("profiles"));
        for (String id : new String[] {"national", "changzhi-2019", "dongxiang-2020", "wendeng-2021", "wengan-2023",
            "wuzhong-2023"}) {
            assertTrue(out.toString().contains(id), out.toString());
        }
    }

    @Test
    void profile_show_prints_every_rule_with_value_unit_source_binding() {
        assertEquals(0, run("profile", "show", "wengan-2023"));
        String s = out.toString();
        assertTrue(s.lines().anyMatch(l -> l.startsWith("district.singleSite.minM2") && l.contains(" 350 ")
            && l.contains("m2") && l.contains("MANDATORY") && l.contains("瓮安 2023 §二(三)9")), s);
        assertTrue(s.lines().anyMatch(l -> l.startsWith("district.pooling.adjacentMaxDistanceM")
            && l.contains("*assumption")), s);
        // inherited from national
        assertTrue(s.lines().anyMatch(l -> l.startsWith("circle.lifeCircle10.minutes")), s);
    }

    @Test
    void profile_show_unknown_id_is_bad_input() {
        assertEquals(2, run("profile", "show", "atlantis-2020"));
        assertTrue(err.toString().contains("atlantis-2020"), err.toString());
    }

    private Path districts(String features) throws IOException {
        return Files.writeString(dir.resolve("d.geojson"),
            "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");
    }

    /**
     * Runs {@code check-districts --districts FILE --profile PROFILE --out DIR/OUTNAME}, asserts the exit code and
     * reads back what it wrote.
     */
    private JsonNode checkDistrictsTo(String outName, int exitCode, Path districts, String profile)
            throws IOException {
        Path written = dir.resolve(outName);
        assertEquals(exitCode, run("check-districts", "--districts", districts.toString(), "--profile", profile,
            "--out", written.toString()), err.toString());
        return new ObjectMapper().readTree(written.toFile());
    }

    private static String feature(String id, int hh, String status, String sites, String extra) {
        return "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"id\":\"" + id + "\",\"households\":" + hh
            + ",\"status\":\"" + status + "\",\"elderlySitesM2\":" + sites + extra + "}}";
    }

    @Test
    void a_layer_file_out_gets_the_district_verdict_layer_schema() throws IOException {
        // new 1750 hh: 20×1750/100 = 350 m2 required, 350 provided; new 1000 hh with one 150 m2 site: 200 required
        Path f = districts(feature("n", 1750, "new", "[350]", "") + "," + feature("s", 1000, "new", "[150]", ""));
        JsonNode fc = checkDistrictsTo("v.geojson", 1, f, "wengan-2023");
        assertEquals("FeatureCollection", fc.get("type").asText());
        JsonNode n = fc.get("features").get(0).get("properties");
        assertEquals("pass", n.get("verdict").asText());
        assertEquals(350.0, n.get("requiredM2").asDouble());
        assertEquals("wengan-2023", n.get("profile").asText());
        JsonNode s2 = fc.get("features").get(1).get("properties");
        assertEquals("fail", s2.get("verdict").asText());
        assertEquals(200.0, s2.get("requiredM2").asDouble());
        assertEquals(50.0, s2.get("shortfallM2").asDouble());
    }

    @Test
    void all_pass_exits_0_and_writes_the_verdict_array() throws IOException {
        // new 1750 hh: 20×1750/100 = 350 = 350 (boundary); existing 1000 hh: 15×1000/100 = 150 ≤ 200
        Path f = districts(feature("n", 1750, "new", "[350]", "") + "," + feature("e", 1000, "existing", "[200]", ""));
        JsonNode arr = checkDistrictsTo("v.json", 0, f, "wengan-2023");
        assertEquals(2, arr.size());
        JsonNode n = arr.get(0);
        assertEquals("n", n.get("id").asText());
        assertEquals("PASS", n.get("status").asText());
        assertEquals(350.0, n.get("requiredM2").asDouble());
        assertEquals(350.0, n.get("providedM2").asDouble());
        assertEquals(0.0, n.get("shortfallM2").asDouble());
        assertEquals(0, n.get("failedConditions").size());
        assertEquals(0, n.get("pooledWith").size());
        JsonNode rule = n.get("rules").get(0);
        assertEquals("district.floorArea.newPer100Households", rule.get("id").asText());
        assertEquals(20.0, rule.get("value").asDouble());
        assertEquals("瓮安 2023 §二(三)9", rule.get("source").asText());
    }

    @Test
    void any_fail_exits_1_and_pooling_uses_declared_neighbours() throws IOException {
        // a: 1000 hh none (needs 150), b: 1000 hh 300 (needs 150), adjacent, small -> a PASS_POOLED with b.
        // c: 吴忠-style shortfall under 瓮安: 2000 hh, 200 m² -> needs 300, short 100, land 50000 m² (not small).
        Path f = districts(feature("a", 1000, "existing", "[]", ",\"landAreaM2\":15000,\"adjacentTo\":[\"b\"]")
            + "," + feature("b", 1000, "existing", "[300]", ",\"landAreaM2\":18000")
            + "," + feature("c", 2000, "existing", "[200]", ",\"landAreaM2\":50000"));
        assertEquals(1, run("check-districts", "--districts", f.toString(), "--profile", "wengan-2023"));
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals("PASS_POOLED", arr.get(0).get("status").asText());
        assertEquals("b", arr.get(0).get("pooledWith").get(0).asText());
        assertEquals("FAIL", arr.get(2).get("status").asText());
        assertEquals(100.0, arr.get(2).get("shortfallM2").asDouble());
        assertEquals("TOTAL_AREA", arr.get(2).get("failedConditions").get(0).asText());
    }

    @Test
    void bad_feature_exits_2_naming_file_feature_and_field() throws IOException {
        Path f = districts(feature("x", -4, "new", "[]", "") + "," + feature("y", 10, "soon", "[1]", ""));
        assertEquals(2, run("check-districts", "--districts", f.toString(), "--profile", "national"));
        String e = err.toString();
        assertTrue(e.contains("d.geojson: feature #0 'x': field 'households'"), e);
        assertTrue(e.contains("d.geojson: feature #1 'y': field 'status'"), e);
    }

    @Test
    void missing_file_and_unknown_profile_exit_2() throws IOException {
        assertEquals(2, run("check-districts", "--districts", dir.resolve("none.geojson").toString(), "--profile",
            "national"));
        Path f = districts(feature("n", 1, "new", "[]", ""));
        assertEquals(2, run("check-districts", "--districts", f.toString(), "--profile", "nowhere"));
    }

    @Test
    void csv_without_geometry_pools_through_declared_columns() throws IOException {
        // same as above, as CSV: a (needs 150) takes 150 of b's spare (300 − 150) -> PASS_POOLED; exit 0
        Path f = Files.writeString(dir.resolve("d.csv"), """
            id,households,status,elderlySitesM2,landAreaM2,adjacentTo
            a,1000,existing,,15000,b
            b,1000,已建成,"150;150",18000,
            n,1750,new,[350],,
            """);
        assertEquals(0, run("check-districts", "--districts", f.toString(), "--profile", "wengan-2023"),
            err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        assertEquals("PASS_POOLED", arr.get(0).get("status").asText());
        assertEquals(300.0, arr.get(1).get("providedM2").asDouble());
        assertEquals("PASS", arr.get(2).get("status").asText());
    }

    @Test
    void geopackage_layer_is_read() throws IOException {
        // one new district of 1000 households with a 150 m² site: needs 200 -> FAIL short 50 (national)
        Path gpkg = dir.resolve("d.gpkg");
        org.eldercare.planner.io.LayerFiles.write(gpkg, "districts", java.util.List.of(
            new org.eldercare.planner.io.Feature("g1", new org.locationtech.jts.geom.GeometryFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(117.2, 28.3)), java.util.Map.of("id", "g1",
                    "households", 1000, "status", "new", "elderlySitesM2", "[150]"))),
            org.eldercare.planner.crs.Crs.WGS84);
        JsonNode v = checkDistrictsTo("v.json", 1, gpkg, "national").get(0);
        assertEquals("FAIL", v.get("status").asText());
        assertEquals(50.0, v.get("shortfallM2").asDouble());
    }

    /** The repository root (holds data/guixi), from the module directory Surefire runs in. */
    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("data/guixi"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("data/guixi not found above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    @Test
    void sample_county_districts_get_the_designed_verdicts_under_wengan() throws IOException {
        // data/README.md designs the 15 districts: n1, n6, e1, e4 pass; n2, n5 have a site < 350 m²; n3 short of
        // ratio (2000 hh need 400 > 380); n4 none; e2 (900 hh need 135 > 100) and e3 (none) are > 2 ha; p-1 240 hh
        // with 90 m² (needs 36) gives 30 to p-2 (200 hh) and 24 to p-3 (160 hh); q-1 (42 > 30) and q-2 (37.5 > 0)
        // have no spare between them.
        assertEquals(1, run("check-districts", "--districts",
            repoRoot().resolve("data/guixi/residential_districts.geojson").toString(), "--profile", "wengan-2023"),
            err.toString());
        JsonNode arr = new ObjectMapper().readTree(out.toString());
        java.util.Map<String, String> got = new java.util.TreeMap<>();
        arr.forEach(v -> got.put(v.get("id").asText(), v.get("status").asText()));
        java.util.Map<String, String> expected = new java.util.TreeMap<>();
        for (String id : new String[] {"rd-n1", "rd-n6", "rd-e1", "rd-e4", "rd-p-1"}) {
            expected.put(id, "PASS");
        }
        expected.put("rd-p-2", "PASS_POOLED");
        expected.put("rd-p-3", "PASS_POOLED");
        for (String id : new String[] {"rd-n2", "rd-n3", "rd-n4", "rd-n5", "rd-e2", "rd-e3", "rd-q-1", "rd-q-2"}) {
            expected.put(id, "FAIL");
        }
        assertEquals(expected, got);
    }
}
