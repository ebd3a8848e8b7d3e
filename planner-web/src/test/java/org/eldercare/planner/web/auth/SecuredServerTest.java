package org.eldercare.planner.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.web.TestCounty;
import org.eldercare.planner.web.auth.SecuredApp.Answer;
import org.eldercare.planner.web.auth.SecuredApp.Client;
import org.eldercare.planner.web.auth.SecuredApp.Session;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.Test;

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
}
