package org.eldercare.planner.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The five report files of the test town (numbers as worked out in {@link CoverageAnalysisTest}). */
class CoverageReportFilesTest {
    @Test
    void writes_units_gaps_findings_and_a_bilingual_summary(@TempDir Path dir) throws Exception {
        PlanningData town = TestTown.data();
        CoverageReport r = new CoverageAnalysis(town, CoverageNetwork.build(town, 1.0, 100),
            PolicyProfiles.get("wendeng-2021"), CoverageOptions.defaults()).compute();
        List<Path> files = CoverageReportFiles.write(r, town, dir);
        assertEquals(List.of("coverage_units.geojson", "gaps.geojson", "findings.csv", "findings.json", "summary.md"),
            files.stream().map(p -> p.getFileName().toString()).toList());
        ObjectMapper m = new ObjectMapper();

        JsonNode units = m.readTree(files.get(0).toFile());
        assertEquals(6, units.get("features").size());
        JsonNode w = units.get("features").get(3);
        assertEquals(TestTown.W, w.get("id").asText());
        assertEquals("Polygon", w.get("geometry").get("type").asText());
        assertEquals(100, w.get("properties").get("elderlyWithin5min").asDouble());
        assertEquals(150, w.get("properties").get("elderlyWithin15min").asDouble());
        assertEquals(1.0, w.get("properties").get("coveredShare").asDouble());
        JsonNode v = units.get("features").get(5).get("properties");
        assertTrue(v.get("coveredShare").isNull(), "no elderly → null share");
        assertEquals("coverage.village.canteen", v.get("lackingRuleIds").get(0).asText());

        JsonNode gaps = m.readTree(files.get(1).toFile());
        assertEquals(2, gaps.get("features").size());
        assertEquals(120, gaps.get("features").get(0).get("properties").get("elderly").asDouble());
        assertEquals("东社区", gaps.get("features").get(0).get("properties").get("adminNames").get(1).asText());

        List<String> csv = Files.readAllLines(files.get(2));
        assertEquals(15, csv.size()); // header + 14 findings
        assertTrue(csv.get(14).startsWith("beds.nursingShare,FAIL,0.25,0.65,share,TARGET,文登 2021,§2(六),"
            + TestTown.K + ","), csv.get(14));
        JsonNode json = m.readTree(files.get(3).toFile());
        assertEquals(14, json.size());
        assertEquals("§2(五)", json.get(2).get("citation").get("clause").asText());
        assertTrue(json.get(0).get("measured").isNull());

        String md = Files.readString(files.get(4));
        assertTrue(md.contains("# 养老服务覆盖与缺口分析：test town"), md);
        assertTrue(md.contains("# Coverage and gap analysis: test town"), md);
        assertTrue(md.contains("| 测试街道 | 街道 | 360 | 210 | 58.3% | 150 |"), md);
        assertTrue(md.contains("`beds.nursingShare` (文登 2021 §2(六), target): 1 failing"), md);
    }
}
