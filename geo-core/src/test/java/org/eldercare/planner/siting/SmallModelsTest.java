package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases on five villages along one road (positions in minutes of travel):
 *
 * <pre>
 *   A(12)   B(20)      C(30)           D(5) E(16)     (demand weight in brackets)
 *   0-------2----------5---------------9----10        cost = |x_i - x_j|
 *   beds:   A 100, B 60, C 90, D 120, E 80
 *   medical distance (m): A 300, B 200, C 1500, D 400, E 800
 *   county: A, B, C in "X"; D, E in "Y"
 * </pre>
 * Every village is a demand point and a candidate site.
 */
class SmallModelsTest {
    static final double[] X = {0, 2, 5, 9, 10};
    static final List<String> IDS = List.of("A", "B", "C", "D", "E");
    static final double[] W = {12, 20, 30, 5, 16};
    static final SolveOptions OPT = SolveOptions.defaults();

    static CostMatrix road() {
        double[][] c = new double[5][5];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                c[i][j] = Math.abs(X[i] - X[j]);
            }
        }
        List<CandidateSite> cands = List.of(CandidateSite.of("A", "X", 100, 300), CandidateSite.of("B", "X", 60, 200),
            CandidateSite.of("C", "X", 90, 1500), CandidateSite.of("D", "Y", 120, 400),
            CandidateSite.of("E", "Y", 80, 800));
        return CostMatrix.of(IDS, W, cands, c);
    }

    /*
     * Radius 3: A is covered by {A, B}, C by {B, C}, D and E by {D, E}. Two sites suffice only if one site covers
     * both A and C: that is B; the other is D or E. One site cannot cover A and E (10 apart). Optimum: 2 sites, B in.
     */
    @Test
    void lscp_needs_two_sites_and_b_is_one_of_them() {
        SitingResult r = LSCP.fromCostMatrix(road(), 3).solve(OPT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(2, r.objective(), 0.0);
        assertTrue(r.chosenSiteIds().contains("B"), r.chosenSiteIds().toString());
        assertEquals(83, r.coveredDemand(), 0.0);
        assertEquals(1.0, r.coveredShare(), 0.0);
    }

    /* Radius 1 with min beds 95: only A (100 beds) and D (120) are eligible; A covers A, D covers D and E; B (2 from
     * A) and C are beyond 1 of both: infeasible, each named in the notes. */
    @Test
    void lscp_reports_uncoverable_demand_as_infeasible() {
        SitingResult r = LSCP.fromCostMatrix(road(), 1).solve(OPT.withMinBeds(95));
        assertEquals(SolveStatus.INFEASIBLE, r.status());
        assertTrue(r.notes().stream().anyMatch(s -> s.startsWith("demand C has no eligible candidate")), r.notes()
            .toString());
        assertTrue(r.chosenSiteIds().isEmpty());
    }

    /*
     * Radius 3, one site: A covers 12+20 = 32, B covers 12+20+30 = 62, C 20+30 = 50, D 5+16 = 21, E 21.
     * Best: B with 62 of 83.
     */
    @Test
    void mclp_one_site_covers_62_of_83_from_b() {
        SitingResult r = MCLP.fromCostMatrix(road(), 3, 1).solve(OPT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(List.of("B"), r.chosenSiteIds());
        assertEquals(62, r.objective(), 0.0);
        assertEquals(62, r.coveredDemand(), 0.0);
        assertEquals(83, r.totalDemand(), 0.0);
        assertEquals(Optional.of("B"), r.assignments().get(3).siteId()); // D is served by B (7) but not covered
        assertTrue(!r.assignments().get(3).covered());
    }

    /*
     * p = 2, weighted sum:
     *   {B,E}: A 12*2 + C 30*3 + D 5*1 = 24 + 90 + 5 = 119   <- optimum
     *   {B,C}: 24 + D 5*4 + E 16*5 = 24 + 20 + 80 = 124;  {C,E}: A 60 + B 60 + D 5 = 125;  {C,D}: 60 + 60 + 16 = 136
     *   {B,D}: 24 + 90 + 16 = 130;  {A,C}: B 40 + D 20 + E 80 = 140;  others are larger.
     */
    @Test
    void pmedian_two_sites_is_b_and_e_at_119() {
        SitingResult r = PMedian.fromCostMatrix(road(), 2).solve(OPT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(List.of("B", "E"), r.chosenSiteIds());
        assertEquals(119, r.objective(), 0.0);
        assertEquals(Optional.of("B"), r.assignments().get(2).siteId()); // C: 3 to B, 5 to E
        assertEquals(Optional.of("E"), r.assignments().get(3).siteId());
    }

    /* Required A: {A,C} 140 beats {A,D} 0+40+120+0+16 = 176 and {A,E} 40+150+5 = 195 and {A,B} 0+90+35+128 = 253. */
    @Test
    void pmedian_with_required_site_keeps_it_and_picks_the_best_partner() {
        SitingResult r = PMedian.fromCostMatrix(road(), 2).solve(OPT.withRequiredSiteIds(Set.of("A")));
        assertEquals(List.of("A", "C"), r.chosenSiteIds());
        assertEquals(140, r.objective(), 0.0);
        assertTrue(r.bindingConstraints().contains("required site A open"), r.bindingConstraints().toString());
    }

    /*
     * min beds 80 removes B (60): {C,E} = A 12*5 + B 20*3 + D 5 = 125 (vs {C,D} 136, {A,C} 140).
     * max medical distance 1000 m also removes C (1500 m): A, D, E left: {A,D} = B 40 + C 30*4 + E 16 = 176,
     * {A,E} = 40 + 150 + 5 = 195, {D,E} = 108 + 140 + 120 = 368.
     */
    @Test
    void candidate_filters_on_beds_and_medical_distance() {
        SitingResult beds = PMedian.fromCostMatrix(road(), 2).solve(OPT.withMinBeds(80));
        assertEquals(List.of("C", "E"), beds.chosenSiteIds());
        assertEquals(125, beds.objective(), 0.0);
        assertTrue(beds.notes().contains("candidate B excluded: beds 60 < minBeds 80"), beds.notes().toString());
        SitingResult both = PMedian.fromCostMatrix(road(), 2).solve(OPT.withMinBeds(80)
            .withMaxMedicalDistanceMeters(1000));
        assertEquals(List.of("A", "D"), both.chosenSiteIds());
        assertEquals(176, both.objective(), 0.0);
    }

    /*
     * p = 3 without limits: {B,C,E} = A 24 + D 5 = 29. With "county X at most 1": one of A, B, C plus D and E:
     * {B,D,E} = 24 + 90 = 114, {C,D,E} = 60 + 60 = 120, {A,D,E} = 40 + 150 = 190. The X limit is binding.
     */
    @Test
    void group_limit_at_most_one_per_county_changes_the_answer() {
        assertEquals(29, PMedian.fromCostMatrix(road(), 3).solve(OPT).objective(), 0.0);
        SitingResult r = PMedian.fromCostMatrix(road(), 3).solve(OPT.withGroupLimits(
            List.of(new GroupLimit("X", 0, 1), new GroupLimit("Y", 1, 2))));
        assertEquals(List.of("B", "D", "E"), r.chosenSiteIds());
        assertEquals(114, r.objective(), 0.0);
        assertTrue(r.bindingConstraints().contains("group X at most 1 sites: 1 chosen"), r.bindingConstraints()
            .toString());
    }

    /*
     * p-center, p = 2, unweighted max distance. Radius 2 is impossible: A needs A or B, C needs C itself (B is 3, D
     * is 4 away), D/E need D or E: three sites. Radius 3: {B, D} or {B, E} (C 3 from B). Optimum 3, with B.
     */
    @Test
    void pcenter_two_sites_reach_everyone_within_3() {
        SitingResult r = PCenter.fromCostMatrix(road(), 2).solve(OPT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(3, r.objective(), 0.0);
        assertTrue(r.chosenSiteIds().contains("B"));
        assertTrue(r.bindingConstraints().contains("radius 2.0 proven infeasible with 2 sites"),
            r.bindingConstraints().toString());
    }

    /*
     * Capacitated: candidates S, T (capacity 20 each), demands a, b, c with load 10 each, weights 1.
     *          S   T
     *     a    1   5
     *     b    2   4
     *     c    1   9
     * Uncapacitated all go to S (load 30 > 20). One must move to T: a +4, b +2, c +8 -> b moves: 1 + 4 + 1 = 6,
     * S full (binding). With p = 1 no single site holds 30: infeasible.
     */
    @Test
    void capacitated_moves_the_cheapest_demand_and_detects_infeasibility() {
        CostMatrix m = CostMatrix.ofIds(List.of("a", "b", "c"), new double[] {1, 1, 1}, List.of("S", "T"),
            new double[][] {{1, 5}, {2, 4}, {1, 9}});
        double[] loads = {10, 10, 10};
        double[] caps = {20, 20};
        SitingResult r = CapacitatedPMedian.fromCostMatrix(m, 2, loads, caps).solve(OPT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(6, r.objective(), 0.0);
        assertEquals(Optional.of("T"), r.assignments().get(1).siteId());
        assertTrue(r.bindingConstraints().contains("capacity of S: 20 of 20"), r.bindingConstraints().toString());
        SitingResult one = CapacitatedPMedian.fromCostMatrix(m, 1, loads, caps).solve(OPT);
        assertEquals(SolveStatus.INFEASIBLE, one.status());
        assertTrue(Double.isNaN(one.objective()));
    }

    /*
     * Consolidation, thresholds < 20 residents or < 50 % occupancy:
     *   H1 100 beds / 80 residents (ok, 20 free)   H2 30 / 12 (flagged)   H3 50 / 45 (ok, 5 free)   H4 40 / 15 (flagged)
     *   minutes: H2-H1 10, H2-H3 5, H2-H4 3, H4-H1 20, H4-H3 12, H1-H3 15
     * Closing both: 12 + 15 = 27 residents, only H1 (20 free) and H3 (5 free) stay open: impossible.
     * Closing one: H2 -> H4 costs 12 * 3 = 36 (H2 -> H1 120; H3 too small); H4 -> H2 costs 15 * 3 = 45, H4 -> H1 300.
     * Best: close H2, its 12 residents to H4 (cost 36); H4 stays open although flagged.
     */
    @Test
    void consolidation_closes_the_home_whose_residents_move_cheapest() {
        List<ExistingHome> homes = List.of(new ExistingHome("H1", 100, 80), new ExistingHome("H2", 30, 12),
            new ExistingHome("H3", 50, 45), new ExistingHome("H4", 40, 15));
        double[][] d = {
            {0, 10, 15, 20},
            {10, 0, 5, 3},
            {15, 5, 0, 12},
            {20, 3, 12, 0}};
        List<String> ids = List.of("H1", "H2", "H3", "H4");
        CostMatrix m = CostMatrix.ofIds(ids, new double[] {80, 12, 45, 15}, ids, d);
        SitingResult r = Consolidation.fromCostMatrix(m, homes, 20, 0.5, 30).solve(OPT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(List.of("H1", "H3", "H4"), r.chosenSiteIds());
        assertEquals(36, r.objective(), 0.0);
        assertEquals(Optional.of("H4"), r.assignments().get(1).siteId());
        assertTrue(r.notes().stream().anyMatch(s -> s.startsWith("close H2 (12 residents, 30 beds, occupancy 40%)")),
            r.notes().toString());
        assertTrue(r.notes().stream().anyMatch(s -> s.startsWith("keep H4")), r.notes().toString());
        // residents may move at most 2 minutes: nothing can close
        SitingResult none = Consolidation.fromCostMatrix(m, homes, 20, 0.5, 2).solve(OPT);
        assertEquals(List.of("H1", "H2", "H3", "H4"), none.chosenSiteIds());
        assertEquals(0, none.objective(), 0.0);
    }
}
