package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Lagrangian branch and bound stage of the p-median (SolveMethod.AUTO): its answer against brute-force
 * enumeration of every C(n, p) site set, on small graphs built like Beasley's pmed files (Hamiltonian cycle plus
 * random edges, costs 1–100, shortest paths), including ones whose LP (= Lagrangian) bound stays below the optimum, so
 * that the tree, not the bound, closes the gap.
 */
class LagrangianBranchAndBoundTest {
    private static final SolveOptions AUTO = SolveOptions.defaults().withTimeLimitSeconds(20);

    /**
     * Seeds 1–60 (n = 20, p = 3, 40 edge lines, weights 1–3): the seeds where the Lagrangian bound leaves a gap. The
     * staged solve must return the brute-force optimum, say OPTIMAL, and name the branch and bound as the stage.
     */
    @Test
    void proves_instances_with_an_lp_gap_and_names_the_stage() {
        int withGap = 0;
        for (long seed = 1; seed <= 60; seed++) {
            CostMatrix mx = beasleyGraph(20, 40, seed, true);
            double opt = bruteForce(mx, 3, Set.of());
            SitingResult h = PMedian.solve(mx, 3, AUTO.withMethod(SolveMethod.HEURISTIC));
            // the Lagrangian bound is a valid lower bound everywhere
            assertTrue(h.bestBound() <= opt + 1e-9, "seed " + seed + ": bound " + h.bestBound() + " > " + opt);
            SitingResult r = PMedian.solve(mx, 3, AUTO);
            assertEquals(SolveStatus.OPTIMAL, r.status(), "seed " + seed);
            assertEquals(opt, r.objective(), 1e-9, "seed " + seed);
            assertEquals(opt, r.bestBound(), 1e-9, "seed " + seed);
            if (h.bestBound() < opt - 1e-9) {
                withGap++;
                assertEquals(ProofStage.LAGRANGIAN_BRANCH_AND_BOUND, r.proofStage(), "seed " + seed);
                assertTrue(r.solver().contains("branch and bound"), r.solver());
            }
        }
        // the family must actually exercise the tree: several of the 60 keep an LP gap after the bound
        assertTrue(withGap >= 3, "only " + withGap + " seeds with an LP gap");
    }

    /** Non-integral weights (so no rounding of the bound), a required site, and p = 4 of n = 16: brute force again. */
    @Test
    void agrees_with_brute_force_with_fractional_weights_and_a_required_site() {
        for (long seed = 1; seed <= 25; seed++) {
            CostMatrix mx = beasleyGraph(16, 30, 100 + seed, false);
            String required = "v" + (seed % 16);
            double opt = bruteForce(mx, 4, Set.of(required));
            SitingResult r = PMedian.solve(mx, 4, AUTO.withRequiredSiteIds(Set.of(required)));
            assertEquals(SolveStatus.OPTIMAL, r.status(), "seed " + seed);
            assertEquals(opt, r.objective(), 1e-6, "seed " + seed);
            assertTrue(r.chosenSiteIds().contains(required), "seed " + seed + ": " + r.chosenSiteIds());
        }
    }

    /**
     * The cost of the best p-set by enumeration (each demand served by its nearest chosen site), over the sets that
     * contain {@code required}.
     */
    static double bruteForce(CostMatrix mx, int p, Set<String> required) {
        int m = mx.candidateCount();
        int[] pick = new int[p];
        for (int t = 0; t < p; t++) {
            pick[t] = t;
        }
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            boolean ok = true;
            for (String id : required) {
                boolean in = false;
                for (int j : pick) {
                    in |= mx.candidate(j).id().equals(id);
                }
                ok &= in;
            }
            if (ok) {
                double s = 0;
                for (int i = 0; i < mx.demandCount(); i++) {
                    double b = Double.POSITIVE_INFINITY;
                    for (int j : pick) {
                        b = Math.min(b, mx.cost(i, j));
                    }
                    s += mx.weight(i) * b;
                }
                best = Math.min(best, s);
            }
            int t = p - 1;
            while (t >= 0 && pick[t] == m - p + t) {
                t--;
            }
            if (t < 0) {
                return best;
            }
            pick[t]++;
            for (int u = t + 1; u < p; u++) {
                pick[u] = pick[u - 1] + 1;
            }
        }
    }

    /**
     * n nodes joined by the cycle 1–2–…–n–1, then {@code lines − n} random edges (repeats allowed, the last one
     * counts), costs uniform 1–100; distances = shortest paths (Floyd–Warshall); weights 1–3 (integral) or uniform
     * in [0.5, 3) (fractional); every node demand and candidate.
     */
    static CostMatrix beasleyGraph(int n, int lines, long seed, boolean integralWeights) {
        Random rnd = new Random(seed);
        double[][] d = new double[n][n];
        for (double[] row : d) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        for (int k = 0; k < lines; k++) {
            int a = k < n ? k : rnd.nextInt(n);
            int b = k < n ? (k + 1) % n : rnd.nextInt(n - 1);
            if (k >= n && b >= a) {
                b++;
            }
            d[a][b] = d[b][a] = 1 + rnd.nextInt(100);
        }
        for (int i = 0; i < n; i++) {
            d[i][i] = 0;
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    d[i][j] = Math.min(d[i][j], d[i][k] + d[k][j]);
                }
            }
        }
        double[] w = new double[n];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w[i] = integralWeights ? 1 + rnd.nextInt(3) : 0.5 + 2.5 * rnd.nextDouble();
            ids.add("v" + i);
        }
        return CostMatrix.ofIds(ids, w, ids, d);
    }
}
