package org.eldercare.planner.web.api;

import static org.eldercare.planner.web.api.AnalysisEndpointsTest.post;
import static org.eldercare.planner.web.api.AnalysisEndpointsTest.withServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unknown fields of every analysis request body (and unknown query parameters of their GETs) are a 400 naming each. */
class StrictRequestTest {
    static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
        /api/what-if          | {"changes":[],"speedMps":1e9}                                 | speedMps          | changes,name
        /api/what-if/scenario | {"changes":[],"speedMps":1e9,"base":"x"}                      | speedMps,base     | changes,name
        /api/coverage         | {"profile":"national","minutes":10}                           | minutes           | profile
        /api/district-check   | {"households":10,"status":"new","floorM2":5,"rate":1}         | floorM2,rate      | geometry,households,name,siteAreasM2,status
        /api/siting           | {"county":"360681","model":"pmedian","p":1,"timeLimit":1}     | timeLimit         | county,mode,model,p
        """)
    void an_unknown_body_field_is_a_400_naming_every_one(String path, String body, String unknown, String accepted) {
        withServer((server, client) -> {
            JsonNode j = post(client, path, body, 400);
            List<String> names = List.of(unknown.split(","));
            assertEquals(names, texts(j.at("/details/unknown")), j.toString());
            assertEquals(List.of(accepted.split(",")), texts(j.at("/details/accepted")), j.toString());
            assertEquals(String.join(", ", names), j.at("/details/parameter").asText());
            assertTrue(j.get("error").asText().startsWith(String.join(", ", names) + ": unknown field"), j.toString());
        });
    }

    @Test
    void an_unknown_key_inside_a_what_if_change_is_a_400_naming_it() {
        withServer((server, client) -> {
            JsonNode j = post(client, "/api/what-if", "{\"changes\":[{\"type\":\"close-facility\",\"id\":\"f4\","
                + "\"speedMps\":1e9}]}", 400);
            assertTrue(j.at("/details/parameter").asText().contains("speedMps"), j.toString());
        });
    }

    @Test
    void an_unknown_query_parameter_of_an_analysis_get_is_a_400_naming_it() {
        withServer((server, client) -> {
            for (String path : List.of("/api/coverage?profile=national&minutes=10",
                "/api/findings.csv?minutes=10", "/api/siting?county=360681&model=pmedian&p=1&minutes=10")) {
                var r = client.get(path);
                JsonNode j = org.eldercare.planner.web.TestCounty.json(r.body().string());
                assertEquals(400, r.code(), path + " " + j);
                assertEquals(List.of("minutes"), texts(j.at("/details/unknown")), path + " " + j);
            }
            // the known ones still answer
            assertEquals(200, client.get("/api/coverage?profile=national").code());
        });
    }
}
