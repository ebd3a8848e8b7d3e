package org.eldercare.planner.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import org.eldercare.planner.web.TestCounty;
import org.junit.jupiter.api.Test;

class StaticFilesTest {
    @Test
    void the_page_and_every_module_and_webjar_it_imports_are_served() {
        JavalinTest.test(PlannerServer.create(TestCounty.data(), ServerSettings.offline()), (server, client) -> {
            var index = client.get("/");
            assertEquals(200, index.code());
            String html = index.body().string();
            assertTrue(html.contains("importmap"), html);
            // every path the page refers to by src/href or in its import map must exist
            var m = java.util.regex.Pattern.compile("(?:src|href)=\"(/[^\"]+)\"|\"(/webjars/[^\"]+)\"").matcher(html);
            int checked = 0;
            while (m.find()) {
                String path = m.group(1) != null ? m.group(1) : m.group(2);
                assertEquals(200, client.get(path).code(), path);
                checked++;
            }
            assertTrue(checked >= 5, "checked " + checked);
            for (String module : new String[] {"/main.js", "/map.js", "/panel.js", "/api.js", "/i18n/zh.js",
                "/i18n/en.js", "/layers/styles.js"}) {
                assertEquals(200, client.get(module).code(), module);
            }
        });
    }
}
