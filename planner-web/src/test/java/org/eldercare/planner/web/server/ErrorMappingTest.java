package org.eldercare.planner.web.server;

import static org.eldercare.planner.web.TestCounty.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.util.List;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.web.api.BadParameterException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    static Javalin app() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            ErrorMapping.register(config.routes);
            config.routes.get("/bad-param", ctx -> {
                throw new BadParameterException("radiusMeters", "-5", "must be > 0, was -5");
            });
            config.routes.get("/bad-model", ctx -> {
                throw new InvalidValueException("households", -1, "must be >= 0, was -1");
            });
            config.routes.get("/bad-file", ctx -> {
                throw new ReadException(List.of(new InputProblem("f.csv", "#2 (line 4)", "beds", "x", "not a number"),
                    new InputProblem("f.csv", "#5 (line 7)", "name", "is required but missing")));
            });
            config.routes.get("/bad-plain", ctx -> {
                throw new IllegalArgumentException("p: must be <= 3 candidates, was 5");
            });
            config.routes.get("/boom", ctx -> {
                throw new IllegalStateException("secret internal detail");
            });
        });
    }

    @Test
    void argument_errors_are_400_with_the_parameter_named() {
        JavalinTest.test(app(), (server, client) -> {
            var r = client.get("/bad-param");
            assertEquals(400, r.code());
            JsonNode j = json(r.body().string());
            assertEquals("radiusMeters: must be > 0, was -5", j.get("error").asText());
            assertEquals("radiusMeters", j.at("/details/parameter").asText());
            assertEquals("-5", j.at("/details/value").asText());
            JsonNode m = json(client.get("/bad-model").body().string());
            assertEquals("households", m.at("/details/parameter").asText());
            assertEquals("-1", m.at("/details/value").asText());
            assertEquals("households", m.at("/details/problems/0/field").asText());
            assertEquals("must be >= 0, was -1", m.at("/details/problems/0/message").asText());
            var plain = client.get("/bad-plain");
            assertEquals(400, plain.code());
            assertEquals("p: must be <= 3 candidates, was 5", json(plain.body().string()).get("error").asText());
        });
    }

    @Test
    void every_problem_of_a_file_is_listed_as_data() {
        JavalinTest.test(app(), (server, client) -> {
            var r = client.get("/bad-file");
            assertEquals(400, r.code());
            JsonNode p = json(r.body().string()).at("/details/problems");
            assertEquals(2, p.size());
            assertEquals("f.csv", p.get(0).get("file").asText());
            assertEquals("#2 (line 4)", p.get(0).get("feature").asText());
            assertEquals("beds", p.get(0).get("field").asText());
            assertEquals("x", p.get(0).get("value").asText());
            assertEquals("not a number", p.get(0).get("message").asText());
            assertEquals("name", p.get(1).get("field").asText());
            assertFalse(p.get(1).has("value"));
        });
    }

    @Test
    void anything_else_is_a_generic_500_without_internals() {
        JavalinTest.test(app(), (server, client) -> {
            var r = client.get("/boom");
            assertEquals(500, r.code());
            String body = r.body().string();
            assertFalse(body.contains("secret"), body);
            assertFalse(body.contains("IllegalStateException"), body);
            assertFalse(body.contains("at org."), body);
            assertTrue(json(body).get("error").asText().startsWith("internal server error"));
        });
    }

    @Test
    void unknown_routes_answer_404_as_json() {
        JavalinTest.test(app(), (server, client) -> {
            var r = client.get("/api/nothing-here");
            assertEquals(404, r.code());
            assertTrue(json(r.body().string()).has("error"));
        });
    }
}
