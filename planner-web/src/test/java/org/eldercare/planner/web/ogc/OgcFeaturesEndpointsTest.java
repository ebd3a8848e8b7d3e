package org.eldercare.planner.web.ogc;

import static org.eldercare.planner.web.TestCounty.geoJson;
import static org.eldercare.planner.web.TestCounty.ids;
import static org.eldercare.planner.web.TestCounty.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

class OgcFeaturesEndpointsTest {
    static void withServer(TestCase test) {
        JavalinTest.test(PlannerServer.create(TestCounty.data(), ServerSettings.offline()), test);
    }

    static JsonNode get(HttpClient client, String path, int status) {
        var r = client.get(path);
        String body = r.body().string();
        assertEquals(status, r.code(), path + " → " + body);
        return json(body);
    }

    static JsonNode link(JsonNode links, String rel) {
        for (JsonNode l : links) {
            if (l.get("rel").asText().equals(rel)) {
                return l;
            }
        }
        return null;
    }

    @Test
    void landing_page_links_to_api_conformance_and_collections() {
        withServer((server, client) -> {
            JsonNode landing = get(client, "/ogc", 200);
            String base = client.getOrigin();
            assertEquals(base + "/ogc/conformance", link(landing.get("links"), "conformance").get("href").asText());
            assertEquals(base + "/ogc/collections", link(landing.get("links"), "data").get("href").asText());
            assertEquals(base + "/ogc/api", link(landing.get("links"), "service-desc").get("href").asText());
            JsonNode conf = get(client, "/ogc/conformance", 200).get("conformsTo");
            assertTrue(conf.toString().contains("ogcapi-features-1/1.0/conf/core"));
            assertTrue(conf.toString().contains("ogcapi-features-1/1.0/conf/geojson"));
            JsonNode api = get(client, "/ogc/api", 200);
            assertEquals("3.0.3", api.get("openapi").asText());
            assertTrue(api.at("/paths").has("/collections/{collectionId}/items"));
        });
    }

    @Test
    void collections_describe_each_layer_with_its_extent() {
        withServer((server, client) -> {
            JsonNode cs = get(client, "/ogc/collections", 200).get("collections");
            List<String> ids = new ArrayList<>();
            cs.forEach(c -> ids.add(c.get("id").asText()));
            assertTrue(ids.containsAll(List.of("admin-county", "facilities", "roads")), ids.toString());
            JsonNode county = get(client, "/ogc/collections/admin-county", 200);
            assertEquals("[[117.0,28.0,117.4,28.4]]", county.at("/extent/spatial/bbox").toString());
            assertEquals(OgcFeaturesEndpoints.CRS84, county.at("/extent/spatial/crs").asText());
            assertEquals(client.getOrigin() + "/ogc/collections/admin-county/items",
                link(county.get("links"), "items").get("href").asText());
        });
    }

    @Test
    void items_page_with_limit_and_offset_and_count_what_matched() {
        withServer((server, client) -> {
            JsonNode p1 = geoJson(client, "/ogc/collections/facilities/items?limit=2&f=json");
            assertEquals(List.of("f1", "f2"), ids(p1));
            assertEquals(4, p1.get("numberMatched").asInt());
            assertEquals(2, p1.get("numberReturned").asInt());
            String next = link(p1.get("links"), "next").get("href").asText();
            assertTrue(next.endsWith("/ogc/collections/facilities/items?f=json&offset=2&limit=2"), next);
            JsonNode p2 = get(client, next.substring(client.getOrigin().length()), 200);
            assertEquals(List.of("f3", "f4"), ids(p2));
            assertEquals(null, link(p2.get("links"), "next"));
            assertTrue(link(p2.get("links"), "prev").get("href").asText().contains("offset=0"));
        });
    }

    @Test
    void items_filter_by_bbox_and_kind_and_a_huge_limit_is_served_up_to_the_maximum() {
        withServer((server, client) -> {
            JsonNode inA = get(client, "/ogc/collections/facilities/items?bbox=117.0,28.0,117.2,28.4", 200);
            assertEquals(List.of("f1", "f3"), ids(inA));
            assertEquals(2, inA.get("numberMatched").asInt());
            JsonNode hospitals = get(client, "/ogc/collections/medical-facilities/items?kind=hospital", 200);
            assertEquals(List.of("m2"), ids(hospitals));
            JsonNode all = get(client, "/ogc/collections/facilities/items?limit=50000&datetime=2024-01-01T00:00:00Z",
                200);
            assertEquals(4, all.get("numberReturned").asInt());
            assertTrue(link(all.get("links"), "self").get("href").asText().contains("limit=10000"));
        });
    }

    @Test
    void one_feature_by_id() {
        withServer((server, client) -> {
            JsonNode f = get(client, "/ogc/collections/roads/items/r1", 200);
            assertEquals("Feature", f.get("type").asText());
            assertEquals("建设路", f.at("/properties/name").asText());
            assertEquals("LineString", f.at("/geometry/type").asText());
            assertEquals(117.0, f.at("/geometry/coordinates/0/0").asDouble(), 0);
            assertEquals(28.2, f.at("/geometry/coordinates/0/1").asDouble(), 0);
            assertEquals(117.4, f.at("/geometry/coordinates/1/0").asDouble(), 0);
            assertFalse(link(f.get("links"), "collection") == null);
        });
    }

    @ParameterizedTest(name = "{0} → {1} naming {2}")
    @CsvSource(delimiter = '|', textBlock = """
        /ogc/collections?f=html                    | 400 | f
        /ogc/collections/roads/items?limit=0       | 400 | limit
        /ogc/collections/roads/items?limit=many    | 400 | limit
        /ogc/collections/roads/items?offset=-1     | 400 | offset
        /ogc/collections/roads/items?bbox=1,2,3    | 400 | bbox
        /ogc/collections/roads/items?sortby=name   | 400 | sortby
        /ogc/collections/nope/items                | 404 | collectionId
        /ogc/collections/roads/items/r9            | 404 | featureId
        """)
    void bad_requests_name_the_parameter(String path, int status, String parameter) {
        withServer((server, client) -> assertEquals(parameter, get(client, path, status).at("/details/parameter")
            .asText()));
    }
}
