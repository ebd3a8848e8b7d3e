package org.eldercare.planner.scenario;

import static org.eldercare.planner.scenario.LineTown.E;
import static org.eldercare.planner.scenario.LineTown.K;
import static org.eldercare.planner.scenario.LineTown.S;
import static org.eldercare.planner.scenario.LineTown.W;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.policy.PolicyProfile;
import org.eldercare.planner.policy.PolicyProfiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios on {@link LineTown} against the Wendeng profile (national walk speed 1.0 m/s, service circle 15 min ⇒
 * 900 m along the street; day-care coverage rule for urban communities, 90%; beds per 1000 elderly ≥ 35; nursing
 * share ≥ 65%; existing districts 15 m² per 100 households). Snap distance 100 m (every point lies on the road).
 */
public class ScenarioRunTest {
    static final double TOL = 1e-9;
    static PolicyProfile wendeng;
    static ScenarioBase base;

    @BeforeAll
    static void baseline() {
        wendeng = PolicyProfiles.get("wendeng-2021");
        base = ScenarioBase.of(LineTown.data(), wendeng, 100);
    }

    static Scenario scenario(String name, Change... changes) {
        return new Scenario(name, "", "line-town.gpkg", "wendeng-2021", List.of(changes));
    }

    /** The hand-checked scenario of {@link #hand_checked_scenario_gives_the_worked_out_delta}. */
    public static Scenario handChecked() {
        return scenario("N1 instead of F1",
            new Change.AddFacility("N1", "东日间照料中心", FacilityKind.DAY_CARE_CENTRE, LineTown.lon(1700),
                LineTown.lat(0), 0, 0, Optional.of(E)),
            new Change.CloseFacility("F1"),
            new Change.ResizeFacility("F3", OptionalInt.of(150), OptionalInt.empty(), OptionalInt.empty()),
            new Change.ScaleElderly(1.2, Optional.of(E)),
            new Change.EditDistrict("D1", OptionalInt.empty(), Optional.empty(), Optional.of(List.of(120.0, 40.0))));
    }

    @Test
    void baseline_matches_the_worked_out_coverage() {
        // P1 (x=500): F1 300 m = 5 min ✓; P2 (1000): F1 800 m = 13.3 min ✓; P3 (1600): F1 1400 m, F3 1200 m ✗;
        // P4 (2000): F3 800 m = 13.3 min ✓.  W 150/150, E 40/120, K 190/270.
        ScenarioMetrics m = base.metrics();
        assertEquals(150, m.getUnit(W).elderlyCovered(), TOL);
        assertEquals(40, m.getUnit(E).elderlyCovered(), TOL);
        assertEquals(120, m.getUnit(E).elderly(), TOL);
        assertEquals(190, m.totalElderlyCovered(), TOL);
        assertEquals(270, m.totalElderly(), TOL);
        // beds: F3's 100 in E, S, K; K uses its census elderly60 (1000): 100 per 1000
        assertEquals(100, m.getUnit(K).beds());
        assertEquals(100.0, m.getUnit(K).bedsPer1000Elderly(), TOL);
        assertEquals(1, m.gaps().size());
    }

    @Test
    void hand_checked_scenario_gives_the_worked_out_delta() {
        // After the changes (N1 day-care at x=1700 in E, F1 closed, F3 100 → 150 beds, E's elderly × 1.2, D1 gets a
        // second site of 40 m²):
        //   P1 (500):  N1 1200 m = 20 min, F3 2300 m          ✗   elderly 100
        //   P2 (1000): N1  700 m = 11.7 min                   ✓   elderly 50
        //   P3 (1600): N1  100 m = 1.7 min                    ✓   elderly 80 × 1.2 = 96
        //   P4 (2000): N1  300 m = 5 min                      ✓   elderly 40 × 1.2 = 48
        //   W: covered 150 → 50 (Δ −100), share 1 → 1/3.   E: elderly 120 → 144, covered 40 → 144 (Δ +104).
        //   K: elderly 270 → 294, covered 190 → 194 (Δ +4).
        //   Beds in E, S, K: 100 → 150. K per 1000 census elderly (E has no census count, so K's 1000 stays):
        //   100 → 150. S has no census: 100·1000/270 = 370.370… → 150·1000/294 = 510.204…
        //   D1: required 15 × 1000 / 100 = 150 m²; provided 120 (FAIL, shortfall 30) → 160 (PASS).
        ScenarioResult r = ScenarioRun.run(base, handChecked());
        ScenarioDiff d = r.diff();
        ScenarioDiff.UnitDelta w = d.getUnit(W);
        assertEquals(150, w.coveredBefore(), TOL);
        assertEquals(50, w.coveredAfter(), TOL);
        assertEquals(-100, w.deltaCovered(), TOL);
        assertEquals(1.0 / 3 - 1, w.deltaShare(), TOL);
        ScenarioDiff.UnitDelta e = d.getUnit(E);
        assertEquals(120, e.elderlyBefore(), TOL);
        assertEquals(144, e.elderlyAfter(), TOL);
        assertEquals(104, e.deltaCovered(), TOL);
        assertEquals(1.0, e.shareAfter(), TOL);
        assertEquals(100.0 * 1000 / 120, e.bedsPer1000Before(), TOL);
        assertEquals(150.0 * 1000 / 144, e.bedsPer1000After(), TOL);
        ScenarioDiff.UnitDelta k = d.getUnit(K);
        assertEquals(4, k.deltaCovered(), TOL);
        assertEquals(100, k.bedsBefore());
        assertEquals(150, k.bedsAfter());
        assertEquals(100, k.bedsPer1000Before(), TOL);
        assertEquals(150, k.bedsPer1000After(), TOL);
        assertEquals(100_000.0 / 270, d.getUnit(S).bedsPer1000Before(), TOL);
        assertEquals(150_000.0 / 294, d.getUnit(S).bedsPer1000After(), TOL);
        assertEquals(new ScenarioDiff.Total(270, 294, 190, 194, 100, 150, 1, 1, d.total().failedBefore(),
            d.total().failedAfter()), d.total());
        // findings: the day-care rule moves from E to W (E, S 1/2, K 1/2 before; W, S 1/2, K 1/2 after);
        // D1's floor-area finding goes FAIL → PASS. beds.per1000Elderly stays PASS (100 → 150) and
        // beds.nursingShare stays FAIL (30/100 → 30/150) on K: same keys, so neither appears nor disappears.
        assertEquals(List.of(
            "coverage.community.dayCareCentre|FAIL|" + W,
            "coverage.community.dayCareCentre|FAIL|" + S + "," + W,
            "coverage.community.dayCareCentre|FAIL|" + K + "," + W,
            "district.floorArea.existingPer100Households|PASS|D1"), d.appeared().stream().map(FindingRef::key).toList());
        assertEquals(List.of(
            "coverage.community.dayCareCentre|FAIL|" + E,
            "coverage.community.dayCareCentre|FAIL|" + S + "," + E,
            "coverage.community.dayCareCentre|FAIL|" + K + "," + E,
            "district.floorArea.existingPer100Households|FAIL|D1"),
            d.disappeared().stream().map(FindingRef::key).toList());
        assertEquals(List.of(new ScenarioDiff.DistrictChange("D1", "FAIL", "PASS", 30, 0)), d.districts());
        assertEquals(d.total().failedBefore(), d.total().failedAfter() + 1); // 3 FAIL ↔ 3 FAIL, D1 FAIL → PASS
        assertFalse(d.isZero());
        // the demand changed (E scaled): a new network on the SAME road graph
        assertTrue(r.resolved().demandChanged());
        assertEquals(5, r.resolved().descriptions().size());
    }

    @Test
    void a_no_op_scenario_yields_an_all_zero_diff() {
        ScenarioResult r = ScenarioRun.run(base, scenario("nothing"));
        assertTrue(r.diff().isZero(), () -> ScenarioJson.text(ScenarioJson.diffJson(r.diff())));
        for (ScenarioDiff.UnitDelta u : r.diff().units()) {
            assertEquals(0, u.deltaCovered(), u.code());
            assertEquals(u.bedsBefore(), u.bedsAfter(), u.code());
        }
        assertEquals(List.of(), r.diff().appeared());
        assertEquals(List.of(), r.diff().disappeared());
        assertEquals(r.baseline(), relabel(r.scenario()));
    }

    private static ScenarioMetrics relabel(ScenarioMetrics m) {
        return new ScenarioMetrics("baseline", m.profileId(), m.walkSpeedMps(), m.serviceMinutes(), m.units(),
            m.gaps(), m.findings(), m.districts());
    }

    @Test
    void two_invalid_changes_are_both_reported_with_index_and_key_and_nothing_is_applied() {
        Scenario s = scenario("bad",
            new Change.CloseFacility("F1"),
            new Change.CloseFacility("F9"),                                      // [1] no such facility
            new Change.ResizeFacility("F3", OptionalInt.of(10), OptionalInt.empty(), OptionalInt.empty()),
            new Change.MoveFacility("F1", LineTown.lon(900), LineTown.lat(0))); // [3] closed by change 0
        // [2] is invalid too: 10 beds < F3's 30 nursing beds
        ScenarioException ex = assertThrows(ScenarioException.class, () -> ScenarioRun.run(base, s));
        assertEquals(List.of(1, 2, 3), ex.scenarioProblems().stream().map(ScenarioProblem::changeIndex).toList());
        assertEquals(List.of("changes[1].id", "changes[2].beds", "changes[3].id"),
            ex.scenarioProblems().stream().map(ScenarioProblem::key).toList());
        assertTrue(ex.scenarioProblems().get(2).message().contains("closed by an earlier change"), ex.getMessage());
        assertTrue(ex.getMessage().contains("changes[1].id: no facility 'F9'"), ex.getMessage());
    }

    @Test
    void a_walking_speed_override_rebuilds_the_graph_and_leaves_the_profile_alone() {
        // 0.5 m/s: 15 min = 450 m. P1 300 m ✓; P2 800 m ✗; P3 ✗; P4 800 m ✗. W 100/150, E 0/120.
        ScenarioResult r = ScenarioRun.run(base, scenario("slow", new Change.SetProfileValue("walk.elderlySpeedMps",
            0.5)));
        assertEquals(100, r.scenario().getUnit(W).elderlyCovered(), TOL);
        assertEquals(0, r.scenario().getUnit(E).elderlyCovered(), TOL);
        assertEquals(0.5, r.scenario().walkSpeedMps(), TOL);
        assertEquals(1.0, wendeng.elderlyWalkSpeedMps(), TOL);
        assertEquals(1.0, PolicyProfiles.get("wendeng-2021").elderlyWalkSpeedMps(), TOL);
        assertEquals(1.0, base.profile().elderlyWalkSpeedMps(), TOL);
        assertTrue(r.resolved().profile().getRule("walk.elderlySpeedMps").note().startsWith("override 1 -> 0.5"));
    }

    @Test
    void changes_built_in_code_are_validated_like_file_changes() {
        // no file schema in between: the resolver itself rejects a blank name, a latitude of 95°, a factor of 0
        // and a district id that does not exist, each with its index and key
        ScenarioException ex = assertThrows(ScenarioException.class, () -> ScenarioRun.run(base, scenario("code",
            new Change.AddFacility("N1", " ", FacilityKind.CANTEEN, LineTown.lon(100), LineTown.lat(0), 0, 0, Optional.empty()),
            new Change.MoveFacility("F3", LineTown.lon(100), 95),
            new Change.ScaleElderly(0, Optional.empty()),
            new Change.EditDistrict("D9", OptionalInt.of(5), Optional.empty(), Optional.empty()))));
        assertEquals(List.of("changes[0]", "changes[1].lat", "changes[2].factor", "changes[3].id"),
            ex.scenarioProblems().stream().map(ScenarioProblem::key).toList());
        assertTrue(ex.scenarioProblems().get(0).message().contains("name"), ex.getMessage());
        IllegalArgumentException npe = assertThrows(IllegalArgumentException.class, () -> new Change.AddFacility("N1",
            "x", null, 117, 28, 0, 0, Optional.empty()));
        assertTrue(npe.getMessage().startsWith("kind: is required"), npe.getMessage());
    }

    @Test
    void out_of_range_profile_value_is_a_resolve_problem() {
        ScenarioException ex = assertThrows(ScenarioException.class, () -> ScenarioRun.run(base, scenario("x",
            new Change.SetProfileValue("walk.elderlySpeedMps", 99), new Change.SetProfileValue("no.such.rule", 1))));
        assertEquals(List.of("changes[0].value", "changes[1].rule"), ex.scenarioProblems().stream().map(ScenarioProblem::key)
            .toList());
    }

    @Test
    void facility_only_scenarios_reuse_the_base_network() {
        ResolvedScenario rs = ScenarioResolver.resolve(scenario("add", new Change.CloseFacility("F1")),
            base.data(), base.profile());
        assertFalse(rs.demandChanged());
        assertSame(base.network(), base.networkFor(rs.data(), false, 1.0));
        assertNotSame(base.network(), base.networkFor(rs.data(), true, 1.0));
        assertSame(base.network().graph(), base.networkFor(rs.data(), true, 1.0).graph());
    }

    @Test
    void the_base_is_not_modified() {
        PlanningData fresh = LineTown.data();
        ScenarioRun.run(base, handChecked());
        assertEquals(fresh, base.data());
        assertEquals(ScenarioRun.dataSha256(fresh), ScenarioRun.dataSha256(base.data()));
        assertEquals(PolicyProfiles.get("wendeng-2021"), base.profile());
        assertEquals(2, base.data().facilities().size()); // F1 and F3 are both still there
        assertTrue(base.data().findFacility("F1").isPresent());
        assertEquals(100, base.data().findFacility("F3").orElseThrow().beds());
    }

    @Test
    void running_twice_gives_byte_identical_files(@TempDir Path tmp) throws Exception {
        List<Path> a = ScenarioResultFiles.write(ScenarioRun.run(base, handChecked()), base.data(), tmp.resolve("a"));
        ScenarioBase again = ScenarioBase.of(LineTown.data(), PolicyProfiles.get("wendeng-2021"), 100);
        List<Path> b = ScenarioResultFiles.write(ScenarioRun.run(again, handChecked()), again.data(), tmp.resolve("b"));
        assertEquals(8, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(tmp.resolve("a").relativize(a.get(i)), tmp.resolve("b").relativize(b.get(i)));
            assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
        }
        String metrics = Files.readString(a.get(0));
        assertTrue(metrics.contains("\"workspaceSha256\" : \"" + ScenarioRun.dataSha256(LineTown.data()) + "\""));
    }

    @Test
    void saved_metrics_read_back_and_diff_like_the_run(@TempDir Path tmp) {
        ScenarioResult r = ScenarioRun.run(base, handChecked());
        ScenarioResultFiles.write(r, base.data(), tmp);
        ScenarioMetrics back = ScenarioJson.readMetrics(tmp.resolve(ScenarioResultFiles.METRICS));
        assertEquals(144, back.getUnit(E).elderlyCovered(), TOL);
        assertTrue(ScenarioDiff.between(back, back).isZero());
        ScenarioDiff d = ScenarioDiff.between(base.metrics(), back);
        assertEquals(-100, d.getUnit(W).deltaCovered(), TOL);
        assertEquals(r.diff().appeared().size(), d.appeared().size());
    }
}
