package org.eldercare.planner.scenario;

import static org.eldercare.planner.scenario.LineTown.W;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.siting.SitingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional {@code siting} section on {@link LineTown} (Wendeng profile: no regional rules, elderly walk speed
 * 1.0 m/s; walk mode, p = 1, p-median, 15 min = 900 m along the street).
 *
 * <pre>
 *   y=0  (0)────P1────────P2/N4──────────P3──────P4──────────F3──(3000)
 *        x:     500       1000           1600    2000        2800
 *   elderly:    100       50             80      40                    total 270
 * </pre>
 * Baseline: the only institution is F3, so it is chosen; within 900 m of x=2800 is only P4 (800 m): 40 / 270.
 * Scenario adds private institution N4 at x=1000. Elderly-weighted metres: N4 = 100·500 + 50·0 + 80·600 + 40·1000
 * = 138 000; F3 = 100·2300 + 50·1800 + 80·1200 + 40·800 = 448 000, so N4 is chosen. Within 900 m of x=1000: P1 (500),
 * P2 (0), P3 (600), not P4 (1000): 230 / 270.
 */
class ScenarioSitingTest {
    static final double TOL = 1e-9;

    static Scenario withSiting() {
        return new Scenario("N4 regional", "", "line-town.gpkg", "wendeng-2021", List.of(
            new Change.AddFacility("N4", "西民办养老院", FacilityKind.PRIVATE_INSTITUTION, LineTown.lon(1000),
                LineTown.lat(0), 60, 30, Optional.of(W))),
            Optional.of(new ScenarioSiting("360681", SitingModel.PMEDIAN, OptionalInt.of(1), OptionalDouble.of(15),
                "walk")));
    }

    @Test
    void siting_section_proposes_on_base_and_scenario_and_reports_the_change(@TempDir Path dir) throws Exception {
        ScenarioBase base = ScenarioBase.of(LineTown.data(), PolicyProfiles.get("wendeng-2021"), 100);
        ScenarioResult r = ScenarioRun.run(base, withSiting());
        SitingMetrics b = r.baselineSiting().orElseThrow();
        SitingMetrics a = r.scenarioSiting().orElseThrow();
        assertEquals(List.of("F3"), b.sites());
        assertEquals(List.of("N4"), a.sites());
        assertEquals(270, b.totalElderly(), TOL);
        assertEquals(40.0 / 270, b.coveredShare(), 1e-9);
        assertEquals(230.0 / 270, a.coveredShare(), 1e-9);
        assertEquals("360681000000", a.countyCode());
        assertEquals(0, a.excludedCandidates());
        assertEquals(15, a.minutes(), TOL);

        ScenarioResultFiles.write(r, base.data(), dir);
        ObjectMapper om = new ObjectMapper();
        JsonNode metrics = om.readTree(dir.resolve(ScenarioResultFiles.METRICS).toFile());
        assertEquals("F3", metrics.at("/siting/baseline/sites/0").asText());
        assertEquals("N4", metrics.at("/siting/result/sites/0").asText());
        assertEquals("walk", metrics.at("/scenario/siting/mode").asText());
        JsonNode diff = om.readTree(dir.resolve(ScenarioResultFiles.DIFF).toFile());
        assertEquals("N4", diff.at("/siting/sitesAdded/0").asText());
        assertEquals("F3", diff.at("/siting/sitesRemoved/0").asText());
        assertEquals(190.0 / 270, diff.at("/siting/deltaCoveredShare").asDouble(), 1e-6);
        String md = Files.readString(dir.resolve(ScenarioResultFiles.SUMMARY), StandardCharsets.UTF_8);
        assertTrue(md.contains("区域性养老机构选址") && md.contains("Regional institution siting"), md);
        assertTrue(md.contains("- Sites (scenario): N4"), md);

        // deterministic: a second run writes the same metrics
        Path again = dir.resolve("again");
        ScenarioResultFiles.write(ScenarioRun.run(base, withSiting()), base.data(), again);
        assertEquals(Files.readString(dir.resolve(ScenarioResultFiles.METRICS)),
            Files.readString(again.resolve(ScenarioResultFiles.METRICS)));
    }

    @Test
    void without_siting_the_outputs_have_no_siting_keys() {
        ScenarioBase base = ScenarioBase.of(LineTown.data(), PolicyProfiles.get("wendeng-2021"), 100);
        Scenario s = withSiting();
        ScenarioResult r = ScenarioRun.run(base, new Scenario(s.name(), "", s.base(), s.profile(), s.changes()));
        assertTrue(r.scenarioSiting().isEmpty());
        assertFalse(ScenarioJson.runJson(r).has("siting"));
        assertFalse(ScenarioWriter.toJson(r.resolved().scenario()).has("siting"));
    }

    @Test
    void siting_section_round_trips_through_the_file_schema() {
        Scenario s = withSiting();
        assertEquals(s, ScenarioFiles.parse("x.json", ScenarioWriter.toJsonText(s).getBytes(StandardCharsets.UTF_8)));
        Scenario d = ScenarioFiles.parse("x.yaml", """
            name: d
            base: b.gpkg
            profile: wengan-2023
            changes: []
            siting: {county: "360681"}
            """.getBytes(StandardCharsets.UTF_8));
        assertEquals(new ScenarioSiting("360681000000", SitingModel.PMEDIAN, OptionalInt.empty(),
            OptionalDouble.empty(), "drive"), d.siting().orElseThrow());
    }

    @Test
    void siting_schema_errors_name_each_key() {
        ScenarioException ex = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse("bad.yaml", """
            name: d
            base: b.gpkg
            profile: wengan-2023
            changes: []
            siting: {model: teleport, p: 0, minutes: 900, mode: boat, radius: 3}
            """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("siting.radius", "siting.county", "siting.model", "siting.p", "siting.minutes",
            "siting.mode"), ex.scenarioProblems().stream().map(ScenarioProblem::key).toList());
        ScenarioException bad = assertThrows(ScenarioException.class, () -> ScenarioFiles.parse("c.yaml", """
            name: d
            base: b.gpkg
            profile: wengan-2023
            changes: []
            siting: {county: "12x"}
            """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("siting.county"), bad.scenarioProblems().stream().map(ScenarioProblem::key).toList());
    }
}
