package org.eldercare.planner.web.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site} on the sample county: only 贵溪市社会福利中心 (300 beds, hospital 134 m away) and 罗河区域性养老服务中心
 * (120 beds, health centre 121 m away) pass all four rules of docs/examples/regional-siting.yaml, so the p-median
 * proposal (p = min(3, 2)) is both; the GeoJSON has a summary, both sites and one line per served demand point.
 */
class SiteCommandTest {
    static Path repo() {
        return Path.of("").toAbsolutePath().getParent();
    }

    @Test
    void pmedian_on_the_sample_county_writes_sites_lines_and_summary(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("proposals.geojson");
        StringWriter so = new StringWriter();
        var cl = PlannerCli.commandLine();
        cl.setOut(new PrintWriter(so));
        int code = cl.execute("site", "--data", repo().resolve("data/guixi/guixi.gpkg").toString(), "--profile",
            repo().resolve("docs/examples/regional-siting.yaml").toString(), "--county", "360681", "--model",
            "pmedian", "--minutes", "30", "--out", out.toString());
        assertEquals(0, code, so.toString());
        JsonNode summary = new ObjectMapper().readTree(so.toString().trim());
        assertEquals("OPTIMAL", summary.get("status").asText());
        assertEquals(Set.of("fac-county-welfare", "fac-regional-luohe"), Set.of(summary.get("sites").get(0).asText(),
            summary.get("sites").get(1).asText()));
        JsonNode fc = new ObjectMapper().readTree(Files.readString(out));
        Set<String> roles = new HashSet<>();
        int lines = 0;
        for (JsonNode f : fc.get("features")) {
            String role = f.get("properties").get("role").asText();
            roles.add(role);
            if (role.equals("assignment")) {
                lines++;
                assertEquals("LineString", f.get("geometry").get("type").asText());
            }
        }
        assertTrue(roles.containsAll(Set.of("summary", "site", "assignment", "excluded", "unsnapped")), roles.toString());
        assertEquals(summary.get("unservedDemand").asInt() == 0 ? 436 : lines, lines);
    }

    @Test
    void unknown_mode_is_bad_input_with_exit_2(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        var cl = PlannerCli.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("site", "--data", repo().resolve("data/guixi/guixi.gpkg").toString(), "--profile",
            "changzhi-2019", "--county", "360681", "--model", "pmedian", "--mode", "fly", "--out",
            tmp.resolve("x.geojson").toString());
        assertEquals(PlannerCli.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().contains("--mode"), err.toString());
    }
}
