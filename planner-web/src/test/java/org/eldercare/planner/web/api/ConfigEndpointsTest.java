package org.eldercare.planner.web.api;

import static org.eldercare.planner.web.TestCounty.json;
import static org.eldercare.planner.web.api.LayerEndpointsTest.ok;
import static org.eldercare.planner.web.api.LayerEndpointsTest.withServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.Optional;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.web.TestCounty;
import org.eldercare.planner.web.server.Basemap;
import org.eldercare.planner.web.server.PlannerServer;
import org.eldercare.planner.web.server.ServerSettings;
import org.junit.jupiter.api.Test;

class ConfigEndpointsTest {
    @Test
    void offline_config_has_no_basemap_and_the_extent_of_all_layers() {
        withServer((server, client) -> {
            JsonNode c = ok(client, "/api/config");
            assertEquals("测试县", c.get("name").asText());
            assertTrue(c.get("basemap").isNull());
            assertEquals("[117.0,28.0,117.4,28.4]", c.get("bbox").toString());
            assertEquals("360681000000", c.get("topUnit").asText());
            assertEquals("national", c.at("/profile/id").asText());
        });
    }

    @Test
    void a_tianditu_basemap_carries_its_key_and_label_overlay() {
        var app = PlannerServer.create(TestCounty.data(),
            new ServerSettings(Optional.of(Basemap.tianditu("abc123")), PolicyProfiles.get("wengan-2023")));
        JavalinTest.test(app, (server, client) -> {
            JsonNode b = json(client.get("/api/config").body().string()).get("basemap");
            assertEquals("tianditu", b.get("name").asText());
            assertTrue(b.get("urlTemplate").asText().endsWith("&tk=abc123"));
            assertTrue(b.get("overlayTemplate").asText().contains("LAYER=cva"));
            assertEquals(8, b.get("subdomains").size());
            JsonNode c = json(client.get("/api/config").body().string());
            assertEquals("wengan-2023", c.at("/profile/id").asText());
        });
        var e = assertThrows(IllegalArgumentException.class, () -> Basemap.tianditu(" "));
        assertTrue(e.getMessage().startsWith("tiandituKey"));
        var t = assertThrows(IllegalArgumentException.class, () -> Basemap.custom("https://x/{z}/{x}.png", ""));
        assertTrue(t.getMessage().contains("{y}"));
    }
}
