package org.eldercare.planner.web.api;

import static org.eldercare.planner.web.TestCounty.ids;
import static org.eldercare.planner.web.TestCounty.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.web.TestCounty;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The analysis layers and endpoints on the hand-drawn {@link TestCounty}; the expected elderly per band follow from its
 * drawing: B1 holds p1 (100 elderly, 3.7 min from f4), p2 (50, 11.1 min) and p3 (40, 74 min), so within 5 / 10 / 15
 * minutes B1 has 100 / 100 / 150 of its 190 elderly and p3 is the one spatial gap.
 */
class AnalysisEndpointsTest {
    static final String B1 = "360681002001";

    static void withServer(TestCase test) {
        // JavalinTest starts each app once, so every test creates its own (the test county's network is tiny)
        Javalin app = PlannerServer.create(TestCounty.data(), ServerSettings.offline());
        JavalinTest.test(app, test);
    }

    static JsonNode post(HttpClient client, String path, String body, int status) {
        var r = client.post(path, body);
        String text = r.body().string();
        assertEquals(status, r.code(), text);
        return json(text);
    }

    static void badPost(HttpClient client, String path, String body, String parameter) {
        JsonNode j = post(client, path, body, 400);
        assertEquals(parameter, j.at("/details/parameter").asText(), j.toString());
        assertTrue(j.get("error").asText().startsWith(parameter + ": "), j.toString());
    }

    static JsonNode unit(JsonNode units, String code) {
        for (JsonNode u : units) {
            if (u.get("code").asText().equals(code)) {
                return u;
            }
        }
        throw new AssertionError("no unit " + code + " in " + units);
    }

    static List<Double> bandElderly(JsonNode unit, String field) {
        List<Double> out = new ArrayList<>();
        unit.get("bands").forEach(b -> out.add(b.get(field).asDouble()));
        return out;
    }

    @Test
    void the_analysis_layers_are_listed_after_the_base_layers() {
        withServer((server, client) -> {
            List<String> layerIds = new ArrayList<>();
            LayerEndpointsTest.ok(client, "/api/layers").get("layers").forEach(l -> layerIds.add(l.get("id").asText()));
            assertEquals(List.of("district-verdicts", "circles", "circles-by-kind", "coverage-communities",
                "coverage-townships", "gaps", "findings"), layerIds.subList(7, layerIds.size()));
        });
    }

    @Test
    void circles_are_drawn_for_the_facilities_on_the_network_only() {
        withServer((server, client) -> {
            // f1 and f3 are kilometres from any road: no circle; f2 and f4 get one per band
            JsonNode all = LayerEndpointsTest.ok(client, "/api/layers/circles");
            assertEquals(List.of("f2@5", "f2@10", "f2@15", "f4@5", "f4@10", "f4@15"), ids(all));
            JsonNode f4 = LayerEndpointsTest.ok(client, "/api/layers/circles?kind=service-station&minutes=15")
                .get("features");
            assertEquals(1, f4.size());
            assertEquals("乙一幸福驿站", f4.get(0).at("/properties/name").asText());
            // the one circle schema of geo-core, the same property set as `planner circles` writes
            List<String> keys = new ArrayList<>();
            f4.get(0).get("properties").fieldNames().forEachRemaining(keys::add);
            assertEquals(org.eldercare.planner.circle.CircleFeatures.PROPERTIES, keys);
            assertEquals("f4", f4.get(0).at("/properties/facilityIds").asText());
            assertEquals(1, f4.get(0).at("/properties/facilityCount").asInt());
            assertEquals(15, f4.get(0).at("/properties/minutes").asInt());
            // 15 min at 1 m/s reach 900 m of r2 each way from f4: at least 1.8 km of road
            assertTrue(f4.get(0).at("/properties/reachedLengthM").asDouble() >= 1799);
            assertEquals(List.of("private-institution@5", "private-institution@10", "private-institution@15",
                "service-station@5", "service-station@10", "service-station@15"),
                ids(LayerEndpointsTest.ok(client, "/api/layers/circles-by-kind")));
            LayerEndpointsTest.bad(client, "/api/layers/circles?minutes=20", 400, "minutes");
        });
    }

    @Test
    void coverage_per_unit_counts_the_elderly_within_each_band() {
        withServer((server, client) -> {
            JsonNode b1 = LayerEndpointsTest.ok(client, "/api/layers/coverage-communities").get("features");
            assertEquals(List.of("360681001001", B1), ids(LayerEndpointsTest.ok(client,
                "/api/layers/coverage-communities")));
            JsonNode p = b1.get(1).get("properties");
            assertEquals(190, p.get("elderly").asDouble(), 1e-9);
            assertEquals(List.of(100.0, 100.0, 150.0), bandElderly(p, "elderly"));
            assertEquals(150.0 / 190, p.get("coveredShare").asDouble(), 1e-9);
            assertEquals(40, p.get("elderlyNotCovered").asDouble(), 1e-9);
            assertEquals(1, p.get("gaps").asInt());
            // A1 has no demand points: no share rather than 0 %
            assertTrue(b1.get(0).at("/properties/coveredShare").isNull());
            JsonNode township = LayerEndpointsTest.ok(client, "/api/layers/coverage-townships").get("features");
            assertEquals(List.of(100.0, 100.0, 150.0), bandElderly(township.get(1).get("properties"), "elderly"));
        });
    }

    @Test
    void the_one_gap_holds_p3_and_findings_carry_their_clause() {
        withServer((server, client) -> {
            JsonNode gaps = LayerEndpointsTest.ok(client, "/api/layers/gaps").get("features");
            assertEquals(1, gaps.size());
            JsonNode g = gaps.get(0).get("properties");
            assertEquals(1, g.get("rank").asInt());
            assertEquals(40, g.get("elderly").asDouble(), 1e-9);
            assertTrue(g.get("adminCodes").toString().contains(B1), g.toString());
            assertTrue(g.get("adminNames").toString().contains("乙一社区"), g.toString());
            // the one gap schema of geo-core, the same property set as `planner coverage` writes in gaps.geojson
            List<String> keys = new ArrayList<>();
            g.fieldNames().forEachRemaining(keys::add);
            assertEquals(org.eldercare.planner.coverage.GapFeatures.PROPERTIES, keys);
            assertEquals(1, g.get("demandPoints").asInt());

            JsonNode findings = LayerEndpointsTest.ok(client, "/api/layers/findings?status=not-applicable")
                .get("features");
            List<String> about = new ArrayList<>();
            findings.forEach(f -> about.add(f.at("/properties/featureIds").toString()));
            // f1 and f3 are off the network: each is a NOT_APPLICABLE finding drawn at the facility
            assertTrue(about.contains("[\"f1\"]") && about.contains("[\"f3\"]"), about.toString());
            JsonNode f1 = findings.get(about.indexOf("[\"f1\"]"));
            assertEquals("Point", f1.at("/geometry/type").asText());
            assertEquals("circle.serviceMinutes", f1.at("/properties/rule").asText());
            assertTrue(f1.at("/properties/source").asText().contains("GB 50180-2018"));
        });
    }

    @Test
    void coverage_endpoint_reports_units_gaps_and_targets_with_clauses() {
        withServer((server, client) -> {
            JsonNode r = LayerEndpointsTest.ok(client, "/api/coverage");
            assertEquals("national", r.at("/profile/id").asText());
            assertEquals("[5.0,10.0,15.0]", r.get("bandsMinutes").toString());
            assertEquals(List.of(100.0, 100.0, 150.0), bandElderly(unit(r.get("units"), B1), "elderly"));
            assertEquals(List.of(100.0, 100.0, 150.0), bandElderly(unit(r.get("units"), "360681000000"), "elderly"));
            assertEquals(1, r.get("gaps").size());
            assertEquals(3, r.at("/targets/bands").size());
            assertTrue(r.at("/targets/bands/2/source").asText().contains("GB 50180-2018"));
            assertEquals(35, r.at("/targets/bedsPer1000Elderly/value").asDouble(), 0);
            // f1 (117.05, 28.1) and f3 (117.15, 28.3) are 11 km from both roads; f2 and f4 lie on them
            JsonNode w = r.get("warnings");
            assertEquals(1, w.size(), w.toString());
            assertEquals("facility-off-network", w.at("/0/code").asText());
            assertEquals("facilities.geometry", w.at("/0/layer").asText() + "." + w.at("/0/field").asText());
            assertEquals("[\"f1\",\"f3\"]", w.at("/0/ids").toString());
            assertTrue(w.at("/0/messageZh").asText().startsWith("2个设施距道路网超过"), w.toString());
            // the same through POST, and another profile by id
            assertEquals(r.get("units"), post(client, "/api/coverage", "{\"profile\":\"national\"}", 200).get("units"));
            assertEquals("wendeng-2021", LayerEndpointsTest.ok(client, "/api/coverage?profile=wendeng-2021")
                .at("/profile/id").asText());
            LayerEndpointsTest.bad(client, "/api/coverage?profile=atlantis", 400, "profile");
            badPost(client, "/api/coverage", "{\"profile\": 7}", "profile");
            badPost(client, "/api/coverage", "not json", "body");
        });
    }

    @Test
    void findings_csv_has_a_header_and_one_row_per_finding() {
        withServer((server, client) -> {
            var r = client.get("/api/findings.csv");
            String csv = r.body().string();
            assertEquals(200, r.code());
            assertTrue(r.headers().get("Content-Type").get(0).startsWith("text/csv"));
            int findings = LayerEndpointsTest.ok(client, "/api/coverage").at("/totals/total").asInt();
            assertEquals(findings + 1, csv.strip().split("\r?\n").length, csv);
            assertTrue(csv.contains("f1") && csv.contains("GB 50180-2018"), csv);
            LayerEndpointsTest.bad(client, "/api/findings.csv?profile=x", 400, "profile");
        });
    }

    @Test
    void a_day_care_centre_at_p3_covers_its_40_elderly_within_5_minutes() {
        withServer((server, client) -> {
            JsonNode r = post(client, "/api/what-if", "{\"changes\":[{\"op\":\"add\",\"kind\":\"day-care-centre\","
                + "\"lon\":117.3,\"lat\":28.34,\"name\":\"新照料中心\"}]}", 200);
            // the scenario's coverage per unit, in /api/coverage's schema: p3 (40) now within 5 min of the new centre
            JsonNode b1 = unit(r.get("units"), B1);
            assertEquals(List.of(140.0, 140.0, 190.0), bandElderly(b1, "elderly"));
            assertEquals(0, b1.get("gaps").asInt());
            assertFalse(r.at("/diff/zero").asBoolean());
            // the ScenarioDiff at the service circle (15 min): B1 150 → 190, the county too; 360681001001 unchanged
            JsonNode d1 = unit(r.at("/diff/units"), B1);
            assertEquals(150, d1.get("elderlyCoveredBefore").asDouble(), 1e-9);
            assertEquals(190, d1.get("elderlyCoveredAfter").asDouble(), 1e-9);
            assertEquals(40, unit(r.at("/diff/units"), "360681000000").get("deltaElderlyCovered").asDouble(), 1e-9);
            assertEquals(0, unit(r.at("/diff/units"), "360681001001").get("deltaElderlyCovered").asDouble(), 1e-9);
            assertEquals(40, r.at("/diff/total/deltaElderlyCovered").asDouble(), 1e-9);
            assertEquals(1, r.at("/diff/total/spatialGapsBefore").asInt());
            assertEquals(0, r.at("/diff/total/spatialGapsAfter").asInt());
            assertEquals(1, r.at("/gaps/baseline").asInt());
            assertEquals(0, r.at("/gaps/scenario").asInt());
            assertEquals("add-facility", r.at("/scenario/changes/0/type").asText());
            assertEquals("what-if-1", r.at("/scenario/changes/0/id").asText());
            assertEquals(List.of("what-if-1@5", "what-if-1@10", "what-if-1@15"), ids(r.get("circles")));
            assertEquals("新照料中心", r.at("/circles/features/0/properties/name").asText());
            assertTrue(r.at("/changes/0/onNetwork").asBoolean());
        });
    }

    @Test
    void closing_f4_loses_p1_and_p2_and_moving_it_brings_p2_within_5_minutes() {
        withServer((server, client) -> {
            JsonNode closed = post(client, "/api/what-if", "{\"changes\":[{\"op\":\"close\",\"id\":\"f4\"}]}", 200);
            assertEquals(List.of(0.0, 0.0, 0.0), bandElderly(unit(closed.get("units"), B1), "elderly"));
            assertEquals(-150, unit(closed.at("/diff/units"), B1).get("deltaElderlyCovered").asDouble(), 1e-9);
            assertEquals("[\"f4\"]", closed.get("closed").toString());
            assertEquals(0, closed.at("/circles/features").size());
            // f4 moved to 28.304: p1 and p2 both 222 m = 3.7 min away; p3 still 4 km
            JsonNode moved = post(client, "/api/what-if", "{\"changes\":[{\"op\":\"move\",\"id\":\"f4\","
                + "\"lon\":117.3,\"lat\":28.304}]}", 200);
            assertEquals(List.of(150.0, 150.0, 150.0), bandElderly(unit(moved.get("units"), B1), "elderly"));
            assertEquals(0, unit(moved.at("/diff/units"), B1).get("deltaElderlyCovered").asDouble(), 1e-9);
            assertEquals(List.of("f4@5", "f4@10", "f4@15"), ids(moved.get("circles")));
            // no changes: the baseline, nothing changed (the client's reset)
            JsonNode reset = post(client, "/api/what-if", "{\"changes\":[]}", 200);
            assertEquals(List.of(100.0, 100.0, 150.0), bandElderly(unit(reset.get("units"), B1), "elderly"));
            assertTrue(reset.at("/diff/zero").asBoolean());
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
        {}                                                                       | changes
        {"changes":[{"op":"demolish"}]}                                          | changes[0].op
        {"changes":[{"op":"add","kind":"spa","lon":117,"lat":28}]}               | changes[0].kind
        {"changes":[{"op":"add","kind":"canteen","lon":217,"lat":28}]}           | changes[0].lon
        {"changes":[{"op":"add","kind":"canteen","lon":117}]}                    | changes[0].lat
        {"changes":[{"op":"close","id":"nope"}]}                                 | changes[0].id
        {"changes":[{"op":"close","id":"f4"},{"op":"move","id":"f4","lon":117,"lat":28}]} | changes[1].id
        [1,2]                                                                    | body
        """)
    void what_if_refuses_bad_changes_naming_the_field(String body, String parameter) {
        withServer((server, client) -> badPost(client, "/api/what-if", body, parameter));
    }

    @Test
    void a_county_without_roads_is_served_with_no_circles_and_nobody_covered() {
        Javalin app = PlannerServer.create(TestCounty.data().withRoads(List.of()), ServerSettings.offline());
        JavalinTest.test(app, (server, client) -> {
            assertEquals(List.of(), ids(LayerEndpointsTest.ok(client, "/api/layers/circles")));
            JsonNode r = LayerEndpointsTest.ok(client, "/api/coverage");
            assertEquals(List.of(0.0, 0.0, 0.0), bandElderly(unit(r.get("units"), B1), "elderly"));
            assertEquals(190, unit(r.get("units"), B1).get("elderlyUnsnapped").asDouble(), 1e-9);
        });
    }

    @Test
    void siting_one_centre_in_the_county_chooses_f2_and_assigns_every_demand_point_to_it() {
        withServer((server, client) -> {
            // candidates are the county's institutions f1 (10 km from any road) and f2 (on r1 × r2); the demand points
            // lie on r2 10–16 km north of f2 and about 28 km from f1 in a straight line: f2 is nearer for all three
            JsonNode r = post(client, "/api/siting", "{\"county\":\"360681\",\"model\":\"pmedian\",\"p\":1}", 200);
            assertEquals("[\"f2\"]", r.at("/summary/sites").toString());
            assertEquals("pmedian", r.at("/summary/model").asText());
            assertEquals(190, r.at("/summary/totalElderly").asDouble(), 1e-9);
            List<String> roles = new ArrayList<>();
            r.at("/features/features").forEach(f -> roles.add(f.at("/properties/role").asText()));
            assertEquals(1, roles.stream().filter("site"::equals).count(), roles.toString());
            assertEquals(3, roles.stream().filter("assignment"::equals).count(), roles.toString());
            JsonNode line = r.at("/features/features/1");
            assertEquals("LineString", line.at("/geometry/type").asText());
            assertEquals("f2", line.at("/properties/siteId").asText());
            // the same through GET
            assertEquals(r.get("summary"), LayerEndpointsTest.ok(client,
                "/api/siting?county=360681&model=pmedian&p=1").get("summary"));
        });
    }

    @Test
    void siting_refuses_bad_parameters_naming_them() {
        withServer((server, client) -> {
            badPost(client, "/api/siting", "{\"model\":\"pmedian\",\"p\":1}", "county");
            badPost(client, "/api/siting", "{\"county\":\"360681\",\"model\":\"voronoi\",\"p\":1}", "model");
            badPost(client, "/api/siting", "{\"county\":\"360681\",\"model\":\"pmedian\",\"p\":0}", "p");
            badPost(client, "/api/siting", "{\"county\":\"360681\",\"model\":\"pmedian\",\"p\":1,"
                + "\"mode\":\"fly\"}", "mode");
            // a county with no demand points in the data
            badPost(client, "/api/siting", "{\"county\":\"110101\",\"model\":\"pmedian\",\"p\":1}", "county");
            LayerEndpointsTest.bad(client, "/api/siting?county=abc&model=pmedian", 400, "county");
        });
    }

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[117.36,28.36],[117.37,28.36],"
        + "[117.37,28.37],[117.36,28.37],[117.36,28.36]]]}";

    @Test
    void a_drawn_new_district_short_of_floor_area_fails_with_its_clause() {
        withServer((server, client) -> {
            // new district, 1000 households × 20 m² / 100 = 200 m² required, 150 provided: 50 m² short
            JsonNode v = post(client, "/api/district-check", "{\"geometry\":" + SQUARE + ",\"households\":1000,"
                + "\"status\":\"new\",\"siteAreasM2\":[150],\"name\":\"规划小区\"}", 200);
            assertEquals("fail", v.get("verdict").asText());
            assertEquals(200, v.get("requiredM2").asDouble(), 1e-9);
            assertEquals(150, v.get("providedM2").asDouble(), 1e-9);
            assertEquals(50, v.get("shortfallM2").asDouble(), 1e-9);
            assertEquals("规划小区", v.get("name").asText());
            assertEquals("district.floorArea.newPer100Households", v.at("/rules/0/id").asText());
            assertTrue(v.at("/rules/0/source").asText().contains("建规〔2014〕100号"), v.toString());
            // existing, 1000 households × 15 / 100 = 150 m²: exactly enough passes ("不少于")
            JsonNode ok = post(client, "/api/district-check", "{\"households\":1000,\"status\":\"existing\","
                + "\"siteAreasM2\":[100,50]}", 200);
            assertEquals("pass", ok.get("verdict").asText());
        });
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
        {"households":-1,"status":"new"}                                         | households
        {"households":10,"status":"old"}                                         | status
        {"households":10,"status":"new","siteAreasM2":[-5]}                      | siteAreasM2[0]
        {"households":10,"status":"new","geometry":{"type":"LineString","coordinates":[[117,28],[118,28]]}} | geometry
        # a bow-tie polygon is not valid
        {"households":10,"status":"new","geometry":{"type":"Polygon","coordinates":[[[117,28],[117.1,28.1],[117.1,28],[117,28.1],[117,28]]]}} | geometry
        ''                                                                       | body
        """)
    void district_check_refuses_bad_input_naming_the_field(String body, String parameter) {
        withServer((server, client) -> badPost(client, "/api/district-check", body, parameter));
    }
}
