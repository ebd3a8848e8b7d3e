package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bad arguments are refused with a message naming the parameter, the value and the allowed range. */
class SitingValidationTest {
    static CostMatrix two() {
        return CostMatrix.ofIds(List.of("d1", "d2"), new double[] {1, 1}, List.of("s1", "s2"),
            new double[][] {{1, 2}, {3, 4}});
    }

    static void assertMessage(Runnable r, String... parts) {
        var ex = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(ex.getMessage().contains(p), "'" + ex.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void p_outside_the_candidates_names_p_and_the_numbers() {
        assertMessage(() -> PMedian.fromCostMatrix(two(), 3), "p:", "[1, 2]", "was 3");
        assertMessage(() -> MCLP.fromCostMatrix(two(), 5, 0), "p:", "was 0");
        assertMessage(() -> PCenter.fromCostMatrix(two(), -1), "p:", "was -1");
    }

    @Test
    void p_above_the_eligible_candidates_after_filters_names_p() {
        CostMatrix m = CostMatrix.of(List.of("d1"), new double[] {1},
            List.of(CandidateSite.of("s1", "", 100, 10), CandidateSite.of("s2", "", 10, 10)), new double[][] {{1, 2}});
        assertMessage(() -> PMedian.fromCostMatrix(m, 2).solve(SolveOptions.defaults().withMinBeds(80)),
            "p:", "eligible candidates (1 of 2", "was 2");
    }

    @Test
    void costs_weights_and_ids_are_checked() {
        assertMessage(() -> CostMatrix.ofIds(List.of("d1"), new double[] {1}, List.of("s1"),
            new double[][] {{-1}}), "costs[0][0]", "was -1.0");
        assertMessage(() -> CostMatrix.ofIds(List.of("d1"), new double[] {1}, List.of("s1"),
            new double[][] {{Double.NaN}}), "costs[0][0]", "NaN");
        assertMessage(() -> CostMatrix.ofIds(List.of("d1"), new double[] {-2}, List.of("s1"),
            new double[][] {{1}}), "weights[0]", "was -2.0");
        assertMessage(() -> CostMatrix.ofIds(List.of("d1", "d1"), new double[] {1, 1}, List.of("s1"),
            new double[][] {{1}, {1}}), "demandIds[1]", "duplicate id 'd1'");
        assertMessage(() -> CostMatrix.ofIds(List.of("d1"), new double[] {1}, List.of("s1", "s2"),
            new double[][] {{1}}), "costs[0]", "expected 2");
        // +Infinity (unreachable) is allowed
        assertEquals(Double.POSITIVE_INFINITY, CostMatrix.ofIds(List.of("d1"), new double[] {1}, List.of("s1", "s2"),
            new double[][] {{1, Double.POSITIVE_INFINITY}}).cost(0, 1), 0.0);
    }

    @Test
    void radius_options_and_limits_are_checked() {
        assertMessage(() -> LSCP.fromCostMatrix(two(), -1), "serviceRadius", "was -1.0");
        assertMessage(() -> SolveOptions.defaults().withTimeLimitSeconds(0), "timeLimitSeconds", "was 0.0");
        assertMessage(() -> SolveOptions.defaults().withMipSolver("GUROBI"), "mipSolver", "GUROBI");
        assertMessage(() -> new GroupLimit("X", 2, 1), "maxSites", "minSites (2)", "was 1");
        assertMessage(() -> PMedian.fromCostMatrix(two(), 1).solve(SolveOptions.defaults()
            .withRequiredSiteIds(Set.of("nope"))), "requiredSiteIds", "'nope'");
        assertMessage(() -> PMedian.fromCostMatrix(two(), 1).solve(SolveOptions.defaults()
            .withRequiredSiteIds(Set.of("s1", "s2"))), "p:", "required sites (2)", "was 1");
        assertMessage(() -> CapacitatedPMedian.fromCostMatrix(two(), 1, new double[] {1}, new double[] {1, 1}),
            "loads", "expected 2");
        assertMessage(() -> new ExistingHome("H", 10, 11), "residents", "[0, beds = 10]", "was 11");
        List<ExistingHome> homes = List.of(new ExistingHome("s1", 1, 1), new ExistingHome("s2", 1, 1));
        assertMessage(() -> Consolidation.fromCostMatrix(two(), homes, 20, 1.5, 10), "matrix: row and column 0");
    }

    /* A demand point with weight that no eligible site reaches is a finding (INFEASIBLE + note), not an exception. */
    @Test
    void unreachable_demand_is_reported_not_thrown() {
        double inf = Double.POSITIVE_INFINITY;
        CostMatrix m = CostMatrix.ofIds(List.of("d1", "d2"), new double[] {1, 1}, List.of("s1", "s2"),
            new double[][] {{1, 2}, {inf, inf}});
        SitingResult r = PMedian.fromCostMatrix(m, 1).solve(SolveOptions.defaults());
        assertEquals(SolveStatus.INFEASIBLE, r.status());
        assertTrue(r.notes().contains("demand d2 (weight 1.0) is reachable from no eligible candidate"),
            r.notes().toString());
    }
}
