package org.eldercare.planner.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eldercare.planner.planning.PlanningSession;
import org.eldercare.planner.web.TestCounty;
import org.junit.jupiter.api.Test;

/**
 * The analysis endpoints run on a bounded pool: with one thread and no queue, while a first what-if is held on the
 * pool (a latch in the test hook, no sleeps) every other analysis request is answered at once 503 with Retry-After;
 * the layers are not bounded; once the first is let go it answers 200 and the next analysis is served again.
 */
class AnalysisPoolTest {
    static final String DISTRICT = "{\"households\":1000,\"status\":\"existing\",\"siteAreasM2\":[100,50]}";

    @Test
    void a_full_pool_answers_503_with_retry_after_at_once() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        Runnable hook = () -> {
            if (first.getAndSet(false)) {
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ServerSettings settings = ServerSettings.offline().withLimits(new AnalysisLimits(1, 0, 7));
        Javalin app = PlannerServer.create(PlanningSession.of(TestCounty.data(), settings.profile()), settings,
            "test", null, hook);
        JavalinTest.test(app, (server, client) -> {
            CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() ->
                client.post("/api/what-if", "{\"changes\":[{\"type\":\"close-facility\",\"id\":\"f4\"}]}"));
            assertTrue(held.await(60, TimeUnit.SECONDS), "the first what-if never reached the pool");

            for (String[] req : new String[][] {{"/api/what-if", "{\"changes\":[]}"}, {"/api/district-check", DISTRICT},
                {"/api/coverage", "{}"}, {"/api/siting", "{\"county\":\"360681\",\"model\":\"pmedian\",\"p\":1}"}}) {
                Response busy = client.post(req[0], req[1]);
                String text = busy.body().string();
                assertEquals(503, busy.code(), req[0] + " " + text);
                assertEquals(List.of("7"), busy.headers().get("Retry-After"), req[0]);
                JsonNode j = TestCounty.json(text);
                assertTrue(j.get("error").asText().startsWith("the server is busy"), text);
                assertEquals(1, j.at("/details/threads").asInt());
                assertEquals(0, j.at("/details/queue").asInt());
                assertEquals(7, j.at("/details/retryAfterSeconds").asInt());
            }
            assertEquals(503, client.get("/api/coverage").code());
            // the layers do not go through the pool
            assertEquals(200, client.get("/api/layers").code());

            release.countDown();
            Response done = slow.get(60, TimeUnit.SECONDS);
            String text = done.body().string();
            assertEquals(200, done.code(), text);
            // closing f4 is a real answer: its id is reported closed
            assertEquals("[\"f4\"]", TestCounty.json(text).get("closed").toString());
            // the permit is back: the next analysis is served
            assertEquals(200, client.post("/api/district-check", DISTRICT).code());
        });
    }
}
