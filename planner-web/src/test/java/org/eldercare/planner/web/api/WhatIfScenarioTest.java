package org.eldercare.planner.web.api;

import static org.eldercare.planner.web.TestCounty.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.scenario.ScenarioFiles;
import org.eldercare.planner.web.SampleCounty;
import org.eldercare.planner.web.cli.PlannerCli;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The web what-if is a scenario: on the sample county (data/guixi/guixi.gpkg) a request with every change type a
 * scenario file supports gives the same {@code ScenarioDiff} as {@code planner scenario run} on the scenario file the
 * page saves ({@code /api/what-if/scenario}).
 */
class WhatIfScenarioTest {
    @TempDir
    Path tmp;

    static String body() {
        Facility dc = SampleCounty.data().findFacility("fac-dc-360681001003").orElseThrow();
        double lon = dc.location().getX();
        double lat = dc.location().getY();
        return String.format(Locale.ROOT, """
            {"name": "八类变更", "changes": [
              {"type": "add-facility", "kind": "day-care-centre", "lon": %.6f, "lat": %.6f},
              {"type": "move-facility", "id": "fac-dc-360681001005", "lon": %.6f, "lat": %.6f},
              {"type": "close-facility", "id": "fac-ss-360681001007"},
              {"type": "resize-facility", "id": "fac-county-welfare", "beds": 360},
              {"type": "add-district", "id": "rd-what-if", "households": 800, "status": "new",
               "elderlySiteAreasM2": [400]},
              {"type": "edit-district", "id": "rd-n1", "households": 1800},
              {"type": "scale-elderly", "factor": 1.1, "unitCode": "360681100000"},
              {"type": "set-profile-value", "rule": "walk.elderlySpeedMps", "value": 0.76}]}""",
            lon + 0.02, lat + 0.01, lon - 0.01, lat + 0.02);
    }

    @Test
    void the_web_what_if_and_scenario_run_give_identical_diffs_on_the_sample_county() throws Exception {
        PlanningSession session = PlanningSession.of(SampleCounty.data(), PolicyProfiles.get("national"));
        Javalin app = PlannerServer.create(session, ServerSettings.offline(), SampleCounty.gpkg().toString());
        JavalinTest.test(app, (server, client) -> {
            var answer = client.post("/api/what-if", body());
            String text = answer.body().string();
            assertEquals(200, answer.code(), text);
            JsonNode web = json(text);
            List<String> types = new ArrayList<>();
            web.at("/scenario/changes").forEach(c -> types.add(c.get("type").asText()));
            assertEquals(List.of("add-facility", "move-facility", "close-facility", "resize-facility",
                "add-district", "edit-district", "scale-elderly", "set-profile-value"), types);
            var saved = client.post("/api/what-if/scenario", body());
            String file = saved.body().string();
            assertEquals(200, saved.code(), file);
            assertTrue(saved.headers().get("Content-Disposition").get(0).contains("what-if.json"));
            Path f = tmp.resolve("what-if.json");
            Files.writeString(f, file);
            assertEquals(8, ScenarioFiles.read(f).changes().size());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = PlannerCli.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int code = cl.execute("scenario", "run", f.toString(), "--out", tmp.resolve("run").toString());
            assertEquals(0, code, err.toString());
            JsonNode cli = json(Files.readString(tmp.resolve("run").resolve("diff.json"))).get("diff");
            assertSameJson("diff", cli, web.get("diff"));
            assertFalse(cli.get("zero").asBoolean());
            // beds: the county welfare centre 300 → 360 beds, the closed station had none
            assertEquals(60, cli.at("/total/deltaBeds").asInt());
        });
    }

    /** Equal trees; numbers compare by value (the CLI writes 150, the web 150.0). */
    static void assertSameJson(String at, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            assertEquals(a.asDouble(), b.asDouble(), 0, at);
            return;
        }
        assertEquals(a.getNodeType(), b.getNodeType(), at);
        if (a.isObject()) {
            List<String> ka = new ArrayList<>();
            a.fieldNames().forEachRemaining(ka::add);
            List<String> kb = new ArrayList<>();
            b.fieldNames().forEachRemaining(kb::add);
            assertEquals(ka, kb, at);
            for (String k : ka) {
                assertSameJson(at + "." + k, a.get(k), b.get(k));
            }
        } else if (a.isArray()) {
            assertEquals(a.size(), b.size(), at);
            Iterator<JsonNode> ia = a.elements();
            Iterator<JsonNode> ib = b.elements();
            for (int i = 0; ia.hasNext(); i++) {
                assertSameJson(at + "[" + i + "]", ia.next(), ib.next());
            }
        } else {
            assertEquals(a, b, at);
        }
    }
}
