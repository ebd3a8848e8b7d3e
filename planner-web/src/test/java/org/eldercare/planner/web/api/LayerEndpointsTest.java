package org.eldercare.planner.web.api;

import static org.eldercare.planner.web.TestCounty.geoJson;
import static org.eldercare.planner.web.TestCounty.ids;
import static org.eldercare.planner.web.TestCounty.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import java.util.List;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.web.TestCounty;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.Test;

class LayerEndpointsTest {
    static final PlanningData DATA = TestCounty.data();

    static void withServer(TestCase test) {
        Javalin app = PlannerServer.create(DATA, ServerSettings.offline());
        JavalinTest.test(app, test);
    }

    static JsonNode ok(HttpClient client, String path) {
        var r = client.get(path);
        String body = r.body().string();
        assertEquals(200, r.code(), body);
        return json(body);
    }

    static JsonNode bad(HttpClient client, String path, int status, String parameter) {
        var r = client.get(path);
        String body = r.body().string();
        assertEquals(status, r.code(), body);
        JsonNode j = json(body);
        assertEquals(parameter, j.at("/details/parameter").asText(), body);
        assertTrue(j.get("error").asText().length() > 0);
        return j;
    }

    @Test
    void the_layer_list_has_every_base_layer_with_counts_and_filters() {
        withServer((server, client) -> {
            JsonNode layers = ok(client, "/api/layers").get("layers");
            List<String> ids = new java.util.ArrayList<>();
            layers.forEach(l -> ids.add(l.get("id").asText()));
            assertEquals(List.of("admin-county", "admin-township", "admin-community", "facilities",
                "medical-facilities", "districts", "roads", "district-verdicts", "circles", "circles-by-kind",
                "coverage-communities", "coverage-townships", "gaps", "findings"), ids);
            JsonNode facilities = layers.get(3);
            assertEquals(4, facilities.get("count").asInt());
            assertEquals("养老服务设施", facilities.at("/title/zh").asText());
            assertTrue(facilities.at("/filters/kind").toString().contains("day-care-centre"));
            // f1 (117.05, 28.10) .. f2/f4 (117.30, 28.30)
            assertEquals("[117.05,28.1,117.3,28.3]", facilities.get("bbox").toString());
            JsonNode districts = layers.get(5);
            assertEquals(2, districts.get("count").asInt());
            assertEquals(1, districts.get("withoutGeometry").asInt());   // d2 has no boundary
        });
    }

    @Test
    void a_bbox_keeps_only_the_features_it_touches() {
        withServer((server, client) -> {
            JsonNode fc = geoJson(client, "/api/layers/facilities?bbox=117.0,28.0,117.1,28.12");
            assertEquals(List.of("f1"), ids(fc));
            JsonNode f1 = fc.get("features").get(0);
            assertEquals("[117.05,28.1]", f1.at("/geometry/coordinates").toString());
            assertEquals("甲镇敬老院", f1.at("/properties/name").asText());
            assertEquals(60, f1.at("/properties/beds").asInt());
            assertEquals("township-nursing-home", f1.at("/properties/kind").asText());
            // township A ends at lon 117.2, so a box from 117.21 only touches street B
            assertEquals(List.of("360681002000"),
                ids(ok(client, "/api/layers/admin-township?bbox=117.21,28.01,117.39,28.39")));
            // r2 runs along lon 117.30 from lat 28.0 to 28.4; r1 along lat 28.2
            assertEquals(List.of("r2"), ids(ok(client, "/api/layers/roads?bbox=117.29,28.0,117.31,28.1")));
            assertEquals(List.of(), ids(ok(client, "/api/layers/roads?bbox=117.31,28.0,117.4,28.1")));
        });
    }

    @Test
    void filters_by_kind_and_status() {
        withServer((server, client) -> {
            assertEquals(List.of("f3", "f4"),
                ids(ok(client, "/api/layers/facilities?kind=day-care-centre,service-station")));
            assertEquals(List.of("m2"), ids(ok(client, "/api/layers/medical-facilities?kind=hospital")));
            assertEquals(List.of("d1"), ids(ok(client, "/api/layers/districts?status=new")));
            assertEquals(List.of("d3"), ids(ok(client, "/api/layers/districts?status=existing")));  // d2: no boundary
            JsonNode all = ok(client, "/api/layers/admin-community?zoom=8");
            assertEquals(List.of("360681001001", "360681002001"), ids(all));
        });
    }

    @Test
    void district_verdicts_carry_required_provided_and_the_rule_with_its_clause() {
        withServer((server, client) -> {
            JsonNode fc = ok(client, "/api/layers/district-verdicts");
            assertEquals(List.of("d1", "d3"), ids(fc));            // d2 has no boundary to draw
            // national profile: new districts 20 m² per 100 households, existing 15 m²
            JsonNode d1 = fc.at("/features/0/properties");
            assertEquals("pass", d1.get("verdict").asText());
            assertEquals(160.0, d1.get("requiredM2").asDouble(), 1e-9);   // 20 × 800 / 100
            assertEquals(200.0, d1.get("providedM2").asDouble(), 1e-9);
            JsonNode d3 = fc.at("/features/1/properties");
            assertEquals("fail", d3.get("verdict").asText());
            assertEquals(150.0, d3.get("requiredM2").asDouble(), 1e-9);   // 15 × 1000 / 100
            assertEquals(50.0, d3.get("shortfallM2").asDouble(), 1e-9);   // 150 − 100
            assertEquals("老城小区", d3.get("name").asText());
            JsonNode rule = d3.at("/rules/0");
            assertEquals("district.floorArea.existingPer100Households", rule.get("id").asText());
            assertEquals(15.0, rule.get("value").asDouble(), 0);
            assertTrue(rule.get("source").asText().length() > 0);
            assertEquals(List.of("d3"), ids(ok(client, "/api/layers/district-verdicts?verdict=fail")));
        });
    }

    @Test
    void bad_requests_name_the_parameter() {
        withServer((server, client) -> {
            bad(client, "/api/layers/facilities?bbox=117,28,117.1", 400, "bbox");
            bad(client, "/api/layers/facilities?bbox=a,28,117.1,28.1", 400, "bbox");
            bad(client, "/api/layers/facilities?bbox=117.2,28,117.1,28.1", 400, "bbox");    // minLon > maxLon
            bad(client, "/api/layers/facilities?bbox=28,117,28.1,117.1", 400, "bbox");      // lat/lon swapped
            bad(client, "/api/layers/facilities?zoom=30", 400, "zoom");
            bad(client, "/api/layers/facilities?zoom=ten", 400, "zoom");
            JsonNode kind = bad(client, "/api/layers/facilities?kind=spaceship", 400, "kind");
            assertTrue(kind.at("/details/allowed").toString().contains("canteen"));
            bad(client, "/api/layers/roads?colour=red", 400, "colour");
            bad(client, "/api/layers/district-verdicts?verdict=maybe", 400, "verdict");
            JsonNode missing = bad(client, "/api/layers/nope", 404, "layerId");
            assertTrue(missing.at("/details/known").toString().contains("facilities"));
        });
    }
}
