package org.eldercare.planner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.scenario.LineTown;
import org.eldercare.planner.zoning.VerdictStatus;
import org.eldercare.planner.scenario.ScenarioDiff;
import org.eldercare.planner.scenario.ScenarioResult;
import org.eldercare.planner.scenario.ScenarioRunTest;
import org.junit.jupiter.api.Test;

/**
 * {@link PlanningSession} on {@link LineTown} (one 3000 m road, Wendeng profile: elderly walk 1.0 m/s, service
 * circle 15 min ⇒ 900 m along the street; see ScenarioRunTest for the worked-out numbers).
 */
class PlanningSessionTest {
    static final double TOL = 1e-9;

    @Test
    void graphs_are_built_once_per_mode_and_the_walk_speed_reaches_graph_and_fallback_by_one_route() {
        PlanningSession s = PlanningSession.of(LineTown.data(), PolicyProfiles.get("wendeng-2021"), 100);
        TravelGraphs.Route walk = s.route("walk");
        assertSame(s.network().graph(), walk.graph(), "coverage and siting walk on the same graph");
        assertEquals(1.0, walk.fallbackSpeedMps(), TOL);
        assertEquals(1.0, walk.graph().profile().orElseThrow().walkSpeedMps(), TOL);
        TravelGraphs.Route drive = s.route("drive");
        assertSame(drive.graph(), s.route("DRIVE").graph());
        assertSame(drive.graph(), s.route("").graph(), "blank mode is drive");
        assertEquals(30 / 3.6, drive.fallbackSpeedMps(), TOL);
        assertEquals(2, s.graphs().builtCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.route("bike"));
        assertTrue(e.getMessage().startsWith("mode:"), e.getMessage());
    }

    @Test
    void baseline_and_apply_give_the_worked_out_numbers() {
        PlanningSession s = PlanningSession.of(LineTown.data(), PolicyProfiles.get("wendeng-2021"), 100);
        // baseline: P1, P2 (W, 150 elderly) by F1 and P4 (E, 40) by F3 covered, P3 (80) not: 190 of 270
        assertEquals(190, s.base().metrics().totalElderlyCovered(), TOL);
        assertSame(s.base().report(), s.report());
        // the one spatial gap is P3 (x=1600, 1400 m from F1 and 1200 m from F3); its 150 m buffer (x 1450..1750)
        // crosses the W/E border at x=1500, so it touches W and E, and S and K above them, each once
        assertEquals(java.util.Map.of(LineTown.W, 1, LineTown.E, 1, LineTown.S, 1, LineTown.K, 1),
            s.report().gapsPerUnit());
        ScenarioResult r = s.apply(ScenarioRunTest.handChecked());
        ScenarioDiff d = r.diff();
        assertEquals(150, d.getUnit(LineTown.W).coveredBefore(), TOL);
        assertEquals(50, d.getUnit(LineTown.W).coveredAfter(), TOL);
        assertEquals(104, d.getUnit(LineTown.E).deltaCovered(), TOL);
        assertEquals(4, d.getUnit(LineTown.K).deltaCovered(), TOL);
        assertEquals(1, s.graphs().builtCount(), "a scenario at the base's speed builds no graph");
    }

    @Test
    void coverage_with_other_options_reuses_the_graph_and_gives_the_same_coverage() {
        PlanningSession s = PlanningSession.of(LineTown.data(), PolicyProfiles.get("wendeng-2021"), 100);
        // gap options change the gap polygons, not who is within 15 min: still P1, P2, P4 = 190 of 270
        var r = s.coverage(org.eldercare.planner.coverage.CoverageOptions.defaults().withGapMeters(200, 100));
        assertEquals(190, r.getUnit(LineTown.K).elderlyCovered(), TOL);
        assertEquals(1, s.graphs().builtCount());
        assertSame(s.report(), s.coverage(org.eldercare.planner.coverage.CoverageOptions.defaults()));
    }

    @Test
    void a_proposed_district_is_checked_under_the_session_profile() {
        // 瓮安 2023: new districts need 20 m2 per 100 households, and each site at least 350 m2
        PlanningSession s = PlanningSession.of(LineTown.data(), PolicyProfiles.get("wengan-2023"), 100);
        var ok = s.checkProposedDistrict(new ResidentialDistrict("p-1", "规划小区", java.util.Optional.empty(), 1000,
            DistrictStatus.NEW, java.util.OptionalInt.empty(), java.util.List.of(400.0), false));
        assertEquals(VerdictStatus.PASS, ok.status());
        assertEquals(200, ok.requiredM2(), TOL); // 1000 / 100 x 20
        assertEquals(400, ok.providedM2(), TOL);
        var short_ = s.checkProposedDistrict(new ResidentialDistrict("p-2", "规划小区", java.util.Optional.empty(), 2000,
            DistrictStatus.NEW, java.util.OptionalInt.empty(), java.util.List.of(300.0), false));
        assertEquals(VerdictStatus.FAIL, short_.status());
        assertEquals(400, short_.requiredM2(), TOL);
        assertEquals(100, short_.shortfallM2(), TOL);
    }

    @Test
    void bad_arguments_name_the_field() {
        var data = LineTown.data();
        var p = PolicyProfiles.get("wendeng-2021");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanningSession.of(null, p)).getMessage()
            .startsWith("data:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanningSession.of(data, null)).getMessage()
            .startsWith("profile:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanningSession.of(data, p, 0)).getMessage()
            .startsWith("maxSnapMeters:"));
        assertEquals(List.of("drive", "walk"), TravelGraphs.MODES);
    }
}
