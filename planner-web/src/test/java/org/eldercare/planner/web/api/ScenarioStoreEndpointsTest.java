package org.eldercare.planner.web.api;

import static org.eldercare.planner.web.TestCounty.json;
import static org.eldercare.planner.web.api.AnalysisEndpointsTest.B1;
import static org.eldercare.planner.web.api.AnalysisEndpointsTest.post;
import static org.eldercare.planner.web.api.AnalysisEndpointsTest.unit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest.BodyPublishers;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioFiles;
import org.eldercare.planner.store.GeoPackageWorkspace;
import org.eldercare.planner.web.TestCounty;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/scenarios}: save, list, reopen, replace with If-Match, delete, compare and export, on the test
 * county ({@link TestCounty}) with a GeoPackage store. Expected numbers follow from the drawing: B1's 190 elderly are
 * p1 100 + p2 50 + p3 40; a day-care centre at p3 (117.30, 28.34) covers all 190 within 15 min, closing f4 covers
 * none of them.
 */
class ScenarioStoreEndpointsTest {
    static final String NEW_CENTRE = "{\"name\": \"新站\", \"changes\": [{\"op\": \"add\", \"kind\": "
        + "\"day-care-centre\", \"lon\": 117.3, \"lat\": 28.34, \"name\": \"新照料中心\"}]}";
    static final String CLOSE_F4 = "{\"name\": \"关闭驿站\", \"changes\": [{\"type\": \"close-facility\", \"id\": "
        + "\"f4\"}]}";

    @TempDir
    Path dir;

    private void withServer(TestCase test) {
        GeoPackageWorkspace store = GeoPackageWorkspace.open(dir.resolve("county.gpkg"));
        store.write(TestCounty.data());
        PlanningSession session = PlanningSession.of(TestCounty.data(), ServerSettings.offline().profile());
        Javalin app = PlannerServer.create(session, ServerSettings.offline(), "county.gpkg", store);
        JavalinTest.test(app, test);
    }

    private static Response send(HttpClient client, String method, String path, String body, String ifMatch) {
        return client.request(path, b -> {
            var publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            switch (method) {
                case "POST" -> b.post(publisher);
                case "PUT" -> b.put(publisher);
                case "DELETE" -> b.delete(publisher);
                default -> b.get();
            }
            b.header("Content-Type", "application/json");
            if (ifMatch != null) {
                b.header("If-Match", ifMatch);
            }
        });
    }

    private static JsonNode answer(Response r, int status) {
        String text = readBody(r);
        assertEquals(status, r.code(), text);
        return text == null || text.isEmpty() ? null : json(text);
    }

    private static String readBody(Response r) {
        return r.body().string();
    }

    private static String header(Response r, String name) {
        List<String> v = r.headers().get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String enc(String name) {
        return java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    void a_what_if_is_saved_listed_reopened_as_its_scenario_file_replaced_with_if_match_and_deleted() {
        withServer((server, client) -> {
            Response created = send(client, "POST", "/api/scenarios", NEW_CENTRE, null);
            assertEquals("\"1\"", header(created, "ETag"));
            assertEquals("/api/scenarios/" + enc("新站"), header(created, "Location"));
            JsonNode c = answer(created, 201);
            assertEquals("新站", c.get("name").asText());
            assertEquals(1, c.get("revision").asInt());
            assertEquals("local", c.get("savedBy").asText());
            assertEquals(1, c.get("changes").asInt());

            JsonNode list = json(readBody(client.get("/api/scenarios")));
            assertEquals(1, list.get("scenarios").size());
            JsonNode item = list.at("/scenarios/0");
            assertEquals("新站", item.get("name").asText());
            assertEquals(1, item.get("revision").asInt());
            assertEquals("local", item.get("savedBy").asText());
            assertEquals(1, item.get("changes").asInt());
            assertEquals(c.get("savedAt").asText(), item.get("savedAt").asText());

            // reopen: the scenario file that planner scenario run reads, with the what-if's defaults filled in
            Response got = client.get("/api/scenarios/" + enc("新站"));
            assertEquals("\"1\"", header(got, "ETag"));
            String file = readBody(got);
            Scenario s = ScenarioFiles.parse("answer", file.getBytes(StandardCharsets.UTF_8));
            assertEquals("新站", s.name());
            assertEquals("county.gpkg", s.base());
            assertEquals("national", s.profile());
            assertEquals("add-facility", json(file).at("/changes/0/type").asText());
            assertEquals("what-if-1", json(file).at("/changes/0/id").asText());
            assertEquals(117.3, json(file).at("/changes/0/lon").asDouble(), 1e-12);
            // byte for byte the file that "另存为情景文件" downloads for planner scenario run (WhatIfScenarioTest)
            assertEquals(readBody(client.post("/api/what-if/scenario", NEW_CENTRE)), file);

            // the same name again is a conflict, not an overwrite
            JsonNode conflict = answer(send(client, "POST", "/api/scenarios", NEW_CENTRE, null), 409);
            assertTrue(conflict.get("error").asText().startsWith("scenario '新站' already exists (revision 1)"),
                conflict.toString());
            assertEquals("exists", conflict.at("/details/reason").asText());
            // a replace needs the revision read …
            String moved = NEW_CENTRE.replace("28.34", "28.33");
            JsonNode noMatch = answer(send(client, "PUT", "/api/scenarios/" + enc("新站"), moved, null), 428);
            assertTrue(noMatch.get("error").asText().contains("scenario '新站'"), noMatch.toString());
            Response put = send(client, "PUT", "/api/scenarios/" + enc("新站"), moved, "\"1\"");
            assertEquals("\"2\"", header(put, "ETag"));
            assertEquals(2, answer(put, 200).get("revision").asInt());
            // … and one who read revision 1 too is refused with 412, naming the scenario and the revision now
            JsonNode stale = answer(send(client, "PUT", "/api/scenarios/" + enc("新站"), NEW_CENTRE, "\"1\""), 412);
            assertTrue(stale.get("error").asText().startsWith("scenario '新站' is at revision 2, not 1"),
                stale.toString());
            assertEquals(2, stale.at("/details/revision").asInt());
            assertEquals(28.33, json(readBody(client.get("/api/scenarios/" + enc("新站"))))
                .at("/changes/0/lat").asDouble(), 1e-12);
            // a body naming another scenario than the path is refused
            answer(send(client, "PUT", "/api/scenarios/" + enc("新站"), CLOSE_F4, "\"2\""), 400);

            answer(send(client, "DELETE", "/api/scenarios/" + enc("新站"), null, "\"1\""), 412);
            answer(send(client, "DELETE", "/api/scenarios/" + enc("新站"), null, "\"2\""), 204);
            JsonNode gone = answer(client.get("/api/scenarios/" + enc("新站")), 404);
            assertTrue(gone.get("error").asText().contains("no saved scenario '新站'"), gone.toString());
            answer(send(client, "DELETE", "/api/scenarios/" + enc("新站"), null, "\"2\""), 404);
            assertEquals(0, json(readBody(client.get("/api/scenarios"))).get("scenarios").size());
        });
    }

    @Test
    void bodies_are_read_strictly_by_the_what_if_parser() {
        withServer((server, client) -> {
            JsonNode unknown = answer(send(client, "POST", "/api/scenarios",
                "{\"name\": \"x\", \"changes\": [], \"speedMps\": 1e9}", null), 400);
            assertEquals("speedMps", unknown.at("/details/parameter").asText());
            assertEquals("name", answer(send(client, "POST", "/api/scenarios", "{\"changes\": []}", null), 400)
                .at("/details/parameter").asText());
            assertEquals("changes[0].kind", answer(send(client, "POST", "/api/scenarios", "{\"name\": \"x\", "
                + "\"changes\": [{\"op\": \"add\", \"kind\": \"spa\", \"lon\": 117.3, \"lat\": 28.3}]}", null), 400)
                .at("/details/parameter").asText());
            assertEquals("name", answer(send(client, "POST", "/api/scenarios", "{\"name\": \"a/b\", \"changes\": []}",
                null), 400).at("/details/parameter").asText());
            assertEquals("name", answer(send(client, "POST", "/api/scenarios", "{\"name\": \"compare\", \"changes\": []}",
                null), 400).at("/details/parameter").asText());
            assertEquals("If-Match", answer(send(client, "PUT", "/api/scenarios/x", "{\"changes\": []}", "abc"), 400)
                .at("/details/parameter").asText());
            assertEquals(0, json(readBody(client.get("/api/scenarios"))).get("scenarios").size());
        });
    }

    @Test
    void two_concurrent_saves_of_the_same_new_name_give_one_201_and_one_409() {
        withServer((server, client) -> {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> saves = new ArrayList<>();
            for (String body : List.of(NEW_CENTRE, NEW_CENTRE.replace("28.34", "28.33"))) {
                saves.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return send(client, "POST", "/api/scenarios", body, null).code();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (var f : saves) {
                codes.add(f.get(60, TimeUnit.SECONDS));
            }
            codes.sort(null);
            assertEquals(List.of(201, 409), codes);
            assertEquals(1, json(readBody(client.get("/api/scenarios"))).at("/scenarios/0/revision").asInt());
        });
    }

    @Test
    void compare_diffs_two_saved_scenarios_with_geo_cores_scenario_diff_as_json_and_csv() {
        withServer((server, client) -> {
            answer(send(client, "POST", "/api/scenarios", NEW_CENTRE, null), 201);
            answer(send(client, "POST", "/api/scenarios", CLOSE_F4, null), 201);
            String q = "/api/scenarios/compare?a=" + enc("新站") + "&b=" + enc("关闭驿站");
            Response r = client.get(q);
            JsonNode doc = answer(r, 200);
            // the document `planner scenario diff` prints
            assertEquals("eldercare-planner/scenario-diff", doc.get("format").asText());
            JsonNode d = doc.get("diff");
            assertEquals("新站", d.get("before").asText());
            assertEquals("关闭驿站", d.get("after").asText());
            // B1: all 190 covered with the centre at p3, none with f4 closed
            JsonNode b1 = unit(d.get("units"), B1);
            assertEquals(190, b1.get("elderlyCoveredBefore").asDouble(), 1e-9);
            assertEquals(0, b1.get("elderlyCoveredAfter").asDouble(), 1e-9);
            assertEquals(-190, b1.get("deltaElderlyCovered").asDouble(), 1e-9);
            assertEquals(-190, d.at("/total/deltaElderlyCovered").asDouble(), 1e-9);

            Response csv = client.get(q + "&format=csv");
            assertTrue(header(csv, "Content-Type").startsWith("text/csv"), header(csv, "Content-Type"));
            assertEquals("attachment; filename=\"diff-__-vs-____.csv\"; filename*=UTF-8''diff-"
                + enc("新站") + "-vs-" + enc("关闭驿站") + ".csv", header(csv, "Content-Disposition"));
            String text = readBody(csv);
            String[] lines = text.split("\n");
            assertTrue(lines[0].startsWith("scope,code,name,level,elderlyBefore,elderlyAfter,elderlyCoveredBefore,"
                + "elderlyCoveredAfter,deltaElderlyCovered,coveredShareBefore,coveredShareAfter,deltaCoveredShare,"), lines[0]);
            assertTrue(lines[1].startsWith("total,,,,"), lines[1]);
            assertTrue(text.contains("\nunit," + B1 + ",乙一社区,community,190,190,190,0,-190,1,0,-1,"), text);
            assertEquals(1 + 1 + d.get("units").size(), lines.length);

            JsonNode missing = answer(client.get("/api/scenarios/compare?a=" + enc("新站") + "&b=nope"), 404);
            assertEquals("b", missing.at("/details/parameter").asText());
            assertTrue(missing.get("error").asText().contains("no saved scenario 'nope'"), missing.toString());
            assertEquals("format", answer(client.get(q + "&format=xml"), 400).at("/details/parameter").asText());
            assertEquals("c", answer(client.get(q + "&c=1"), 400).at("/details/parameter").asText());
        });
    }

    @Test
    void without_a_store_the_routes_are_absent() {
        JavalinTest.test(PlannerServer.create(TestCounty.data(), ServerSettings.offline()), (server, client) -> {
            assertEquals(404, client.get("/api/scenarios").code());
            post(client, "/api/what-if", "{\"changes\": []}", 200);
        });
    }
}
