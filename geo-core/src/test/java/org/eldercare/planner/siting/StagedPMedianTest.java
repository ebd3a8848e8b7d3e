package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Random;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The staged p-median solve (heuristic → Lagrangian bound → Lagrangian branch and bound under AUTO, reduction →
 * reduced MIP under EXACT): which stage closed the gap, and that an open gap with time left always goes on to the
 * exact stage. Optima are Beasley's published pmed1 (5819) and
 * pmed2 (4093) from ../shared/benchmarks/orlib-pmed/pmedopt-1-10.txt.
 */
class StagedPMedianTest {
    private static final SolveOptions AUTO = SolveOptions.defaults().withTimeLimitSeconds(30);
    private static final SolveOptions HEURISTIC = AUTO.withMethod(SolveMethod.HEURISTIC);
    private static final SolveOptions EXACT = AUTO.withMethod(SolveMethod.EXACT);

    private static OrLibrary.PmedInstance pmed(int k) throws IOException {
        return OrLibrary.readPmed(SharedData.resolve("benchmarks/orlib-pmed/pmed" + k + ".txt"));
    }

    @Test
    void pmed1_is_proven_by_the_lagrangian_bound_alone() throws IOException {
        var inst = pmed(1);
        // the heuristic with its Lagrangian bound already closes the gap on pmed1 ...
        SitingResult h = PMedian.solve(inst.matrix(), inst.p(), HEURISTIC);
        assertEquals(5819, h.objective(), 0.0);
        assertEquals(0.0, h.gap(), 0.0);
        assertEquals(ProofStage.HEURISTIC_EQUALS_LAGRANGIAN_BOUND, h.proofStage());
        // ... so the staged solve names that stage and builds no MIP
        SitingResult r = PMedian.solve(inst.matrix(), inst.p(), AUTO);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(5819, r.objective(), 0.0);
        assertEquals(ProofStage.HEURISTIC_EQUALS_LAGRANGIAN_BOUND, r.proofStage());
        assertTrue(r.notes().stream().noneMatch(n -> n.startsWith("reduced MIP")), r.notes().toString());
    }

    @Test
    void pmed2_needs_an_exact_stage_and_names_it() throws IOException {
        var inst = pmed(2);
        // heuristic + Lagrangian bound leave a gap on pmed2 (the bound stays below the optimum 4093) ...
        SitingResult h = PMedian.solve(inst.matrix(), inst.p(), HEURISTIC);
        assertTrue(h.bestBound() < 4093, "Lagrangian bound " + h.bestBound());
        assertEquals(ProofStage.NONE, h.proofStage());
        // ... which AUTO closes with the Lagrangian branch and bound ...
        SitingResult t = PMedian.solve(inst.matrix(), inst.p(), AUTO);
        assertEquals(SolveStatus.OPTIMAL, t.status());
        assertEquals(4093, t.objective(), 0.0);
        assertEquals(4093, t.bestBound(), 0.0);
        assertEquals(ProofStage.LAGRANGIAN_BRANCH_AND_BOUND, t.proofStage());
        assertTrue(t.notes().stream().anyMatch(n -> n.startsWith("Lagrangian branch and bound: ")), t.notes().toString());
        // ... and EXACT with SCIP on the reduced model
        SitingResult r = PMedian.solve(inst.matrix(), inst.p(), EXACT);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(4093, r.objective(), 0.0);
        assertEquals(4093, r.bestBound(), 0.0);
        assertEquals(ProofStage.REDUCED_MIP, r.proofStage());
        assertTrue(r.solver().startsWith("SCIP"), r.solver());
        // the reduction removed candidates: fewer than all 100 are left in the MIP
        String note = r.notes().stream().filter(n -> n.startsWith("reduced MIP")).findFirst().orElseThrow();
        int left = Integer.parseInt(note.replaceAll("reduced MIP: (\\d+) of 100 candidates.*", "$1"));
        assertTrue(left < 100, note);
    }

    /**
     * n × m = 102 400 pairs: the size at which AUTO used to return the heuristic answer after a fraction of the
     * limit. With an open gap after the heuristic and the Lagrangian bound, the solve must go on to the exact stage
     * (EXACT: the reduced MIP; AUTO: the Lagrangian branch and bound) and either prove the optimum or spend the limit.
     */
    @Test
    void an_open_gap_with_time_left_goes_on_to_the_exact_stage() {
        CostMatrix mx = clusteredPlane(320, 7);
        int p = 12;
        double limit = 8;
        SitingResult h = PMedian.solve(mx, p, HEURISTIC.withTimeLimitSeconds(limit));
        assertTrue(h.gap() > 0, "instance should leave a gap after the heuristic, gap " + h.gap());
        SitingResult r = PMedian.solve(mx, p, EXACT.withTimeLimitSeconds(limit));
        exactStageWasTried(mx, h, r, "reduced MIP", ProofStage.REDUCED_MIP, limit);
        SitingResult t = PMedian.solve(mx, p, AUTO.withTimeLimitSeconds(limit));
        exactStageWasTried(mx, h, t, "Lagrangian branch and bound", ProofStage.LAGRANGIAN_BRANCH_AND_BOUND, limit);
        assertTrue(t.solver().contains("branch and bound"), t.solver());
        if (r.optimal() && t.optimal()) {
            assertEquals(r.objective(), t.objective(), 0.0, "SCIP and the tree disagree on the optimum");
        }
    }

    private static void exactStageWasTried(CostMatrix mx, SitingResult h, SitingResult r, String note,
            ProofStage stage, double limit) {
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith(note)), r.notes().toString());
        if (stage == ProofStage.REDUCED_MIP) {
            assertTrue(r.solver().startsWith("SCIP"), r.solver());
        }
        if (r.optimal()) {
            assertEquals(stage, r.proofStage());
            assertEquals(0.0, r.gap(), 0.0);
        } else {
            assertEquals(SolveStatus.TIME_LIMIT, r.status());
            assertTrue(r.seconds() >= 0.9 * limit, "returned after " + r.seconds() + " s of " + limit);
            assertTrue(r.gap() > 0);
        }
        // never worse than the heuristic answer; a bound at least the trivial one (each point at its nearest
        // candidate) and never above the answer. (Comparing with the heuristic run's own Lagrangian bound would
        // depend on how much of its limit each run got on a loaded machine.)
        assertTrue(r.objective() <= h.objective(), r.objective() + " > " + h.objective());
        assertTrue(r.bestBound() <= r.objective() + 1e-6, r.bestBound() + " > " + r.objective());
        assertTrue(r.bestBound() >= nearestCandidateBound(mx) - 1e-6, r.bestBound() + " below the trivial bound");
    }

    /** pmedcap1_02 (Osman &amp; Christofides, best value 740, a proven optimum): the staged capacitated solve. */
    @Test
    void capacitated_pmedcap1_02_is_proven_and_names_its_stage() throws IOException {
        var inst = OrLibrary.readPmedcap(SharedData.resolve("benchmarks/orlib-pmedcap/pmedcap1_02.txt"));
        SitingResult r = inst.model().solve(AUTO);
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(740, r.objective(), 0.0);
        if (r.proofStage() == ProofStage.HEURISTIC_EQUALS_LAGRANGIAN_BOUND) {
            assertTrue(r.solver().contains("proof without MIP"), r.solver());
        } else {
            assertEquals(ProofStage.REDUCED_MIP, r.proofStage());
            assertTrue(r.solver().startsWith("SCIP (after Lagrangian reduction)"), r.solver());
        }
    }

    @Test
    void a_result_states_a_proof_stage_exactly_when_it_is_optimal() {
        assertThrows(IllegalArgumentException.class, () -> new SitingResult("PMEDIAN", SolveStatus.OPTIMAL,
            List.of(), List.of(), 0, 0, 0, 0, 0, "x", 0, List.of(), List.of(), ProofStage.NONE));
        assertThrows(IllegalArgumentException.class, () -> new SitingResult("PMEDIAN", SolveStatus.TIME_LIMIT,
            List.of(), List.of(), 0, 0, 1, 0, 1, "x", 0, List.of(), List.of(), ProofStage.REDUCED_MIP));
    }

    /**
     * n points in 8 clusters on a 1000 × 1000 plane, integer (floored) Euclidean distances, weights 1–5, every point
     * a candidate: a p-median instance with p ≥ clusters whose optimum the heuristic does not prove.
     */
    private static CostMatrix clusteredPlane(int n, long seed) {
        Random rnd = new Random(seed);
        double[][] centre = new double[8][];
        for (int c = 0; c < centre.length; c++) {
            centre[c] = new double[] {rnd.nextDouble() * 1000, rnd.nextDouble() * 1000};
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double[] c = centre[i % centre.length];
            x[i] = c[0] + rnd.nextGaussian() * 90;
            y[i] = c[1] + rnd.nextGaussian() * 90;
            w[i] = 1 + rnd.nextInt(5);
        }
        return SitingFixtures.flooredEuclidean(x, y, w, "v");
    }

    private static double nearestCandidateBound(CostMatrix mx) {
        double b = 0;
        for (int i = 0; i < mx.demandCount(); i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int j = 0; j < mx.candidateCount(); j++) {
                min = Math.min(min, mx.cost(i, j));
            }
            b += mx.weight(i) * min;
        }
        return b;
    }
}
