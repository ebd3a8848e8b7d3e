package org.eldercare.planner.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.store.GeoPackageWorkspace;
import org.eldercare.planner.web.TestCounty;
import org.eldercare.planner.web.auth.SecuredApp.Answer;
import org.eldercare.planner.web.auth.SecuredApp.Client;
import org.eldercare.planner.web.auth.SecuredApp.Session;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server (hand-drawn test county) with accounts, anonymous read-only: analysis POSTs are reads that any
 * visitor may run, but with a session they need the CSRF token; they leave no audit entry; the what-if answers the
 * hand-computed +40 elderly of a day-care centre at p3 for a signed-in viewer too.
 */
class SecuredServerTest {
    static final String WHAT_IF = "{\"changes\":[{\"op\":\"add\",\"kind\":\"day-care-centre\",\"lon\":117.3,"
        + "\"lat\":28.34}]}";

    @Test
    void analysis_posts_are_reads_but_need_the_csrf_token_with_a_session() {
        AuditLog audit = AuditLog.inMemory();
        ServerSettings settings = ServerSettings.offline().withSecurity(
            SecuritySettings.withUsers(SecuredApp.USERS, AnonymousAccess.READ_ONLY).withAudit(audit));
        Javalin app = PlannerServer.create(PlanningSession.of(TestCounty.data(), settings.profile()), settings);
        JavalinTest.test(app, (server, http) -> {
            Client c = new Client(http.getOrigin());
            Answer anonymous = c.send("POST", "/api/district-check",
                "{\"households\":1000,\"status\":\"new\",\"siteAreasM2\":[150]}");
            assertEquals(200, anonymous.status(), anonymous.body());
            // 1000 households need 200 m² (national: 20 m² per 100 households); 150 provided: 50 short
            assertEquals(50.0, anonymous.json().get("shortfallM2").asDouble(), 1e-9);

            Session viewer = c.session("wei", SecuredApp.VIEWER_PW);
            Answer noToken = c.send("POST", "/api/what-if", WHAT_IF, "Cookie",
                WebSecurity.SESSION_COOKIE + "=" + viewer.cookie());
            assertEquals(403, noToken.status(), noToken.body());
            assertEquals("csrf-missing", noToken.json().at("/details/reason").asText());
            Answer withToken = c.as(viewer, "POST", "/api/what-if", WHAT_IF);
            assertEquals(200, withToken.status(), withToken.body());
            // p3's 40 elderly come within reach (the hand-worked case of AnalysisEndpointsTest)
            assertEquals(40, withToken.json().at("/diff/total/deltaElderlyCovered").asDouble(), 1e-9);
            // a viewer's read of the layers and units works as before
            assertEquals(200, c.as(viewer, "GET", "/api/layers", null).status());
            assertEquals(200, c.as(viewer, "GET", "/ogc/collections", null).status());
            // only the login was audited
            assertEquals(1, audit.entries().size(), audit.entries().toString());
            assertEquals("login", audit.entries().get(0).what());
            // a viewer may not read the audit log
            assertEquals(403, c.as(viewer, "GET", "/api/audit", null).status());
        });
    }

    @TempDir
    Path dir;

    /**
     * Saving a scenario from the page on a server with accounts: anonymous 401, a viewer 403 (nothing stored), a
     * planner 201 with the scenario saved under the planner's name; each attempt leaves exactly one audit entry with
     * who, what and the outcome.
     */
    @Test
    void a_planner_saves_a_scenario_under_their_name_and_every_attempt_is_audited() {
        AuditLog audit = AuditLog.inMemory();
        ServerSettings settings = ServerSettings.offline().withSecurity(
            SecuritySettings.withUsers(SecuredApp.USERS, AnonymousAccess.READ_ONLY).withAudit(audit));
        GeoPackageWorkspace store = GeoPackageWorkspace.open(dir.resolve("county.gpkg"));
        store.write(TestCounty.data());
        Javalin app = PlannerServer.create(PlanningSession.of(TestCounty.data(), settings.profile()), settings,
            "county.gpkg", store);
        String body = "{\"name\":\"新站\"," + WHAT_IF.substring(1);
        JavalinTest.test(app, (server, http) -> {
            Client c = new Client(http.getOrigin());
            assertEquals(401, c.send("POST", "/api/scenarios", body).status());
            Session viewer = c.session("wei", SecuredApp.VIEWER_PW);
            Answer refused = c.as(viewer, "POST", "/api/scenarios", body);
            assertEquals(403, refused.status(), refused.body());
            assertEquals(0, c.send("GET", "/api/scenarios", null).json().get("scenarios").size());
            Session planner = c.session("li", SecuredApp.PLANNER_PW);
            Answer saved = c.as(planner, "POST", "/api/scenarios", body);
            assertEquals(201, saved.status(), saved.body());
            assertEquals("li", saved.json().get("savedBy").asText());
            Answer listed = c.send("GET", "/api/scenarios", null);
            assertEquals("li", listed.json().at("/scenarios/0/savedBy").asText(), listed.body());

            var writes = audit.entries().stream().filter(e -> e.path().equals("/api/scenarios")).toList();
            assertEquals(3, writes.size(), audit.entries().toString());
            assertEquals(401, writes.get(0).status());
            assertEquals(null, writes.get(0).user());
            assertEquals(403, writes.get(1).status());
            assertEquals("wei", writes.get(1).user());
            assertEquals(201, writes.get(2).status());
            assertEquals("li", writes.get(2).user());
            assertEquals("planner", writes.get(2).role());
            assertTrue(writes.get(2).what().contains("新站"), writes.get(2).what());
        });
    }
}
