package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The capacitated Lagrangian bound and its reduction tests against brute force on small random instances (8 demand
 * points, 5 sites, p = 2, integer costs, loads and capacities; every site set and every assignment enumerated):
 * the bound never exceeds the optimum; a site fixed closed is in no solution cheaper than the incumbent value passed
 * in, a site fixed open is missing from no such solution, an assignment pair fixed to 0 is used by no such solution;
 * and the full solver returns the brute-force optimum.
 */
class CapacitatedLagrangianTest {
    static final int N = 8;
    static final int M = 5;
    static final int P = 2;

    record Instance(double[] cost, double[] loads, double[] caps) {}

    static Instance random(long seed) {
        Random r = new Random(seed);
        double[] cost = new double[N * M];
        for (int k = 0; k < cost.length; k++) {
            cost[k] = 1 + r.nextInt(30);
        }
        double[] loads = new double[N];
        double total = 0;
        for (int i = 0; i < N; i++) {
            loads[i] = 1 + r.nextInt(5);
            total += loads[i];
        }
        double[] caps = new double[M];
        for (int j = 0; j < M; j++) {
            // between 55 % and 85 % of the total load: two sites are always needed and capacities bind
            caps[j] = Math.ceil(total * (0.55 + 0.3 * r.nextDouble()));
        }
        return new Instance(cost, loads, caps);
    }

    /** Cheapest feasible assignment to exactly the open sites' set (each point to one open site), +∞ if none. */
    static double best(Instance in, int a, int b) {
        return best(in, a, b, new double[N * M]);
    }

    /** As above; also lowers withPair[i·M + j] to the cost of every feasible assignment that sends i to j. */
    static double best(Instance in, int a, int b, double[] withPair) {
        int[] open = {a, b};
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << N); mask++) {
            double[] used = new double[2];
            double c = 0;
            for (int i = 0; i < N; i++) {
                int s = (mask >> i) & 1;
                used[s] += in.loads()[i];
                c += in.cost()[i * M + open[s]];
            }
            if (used[0] <= in.caps()[a] && used[1] <= in.caps()[b]) {
                best = Math.min(best, c);
                for (int i = 0; i < N; i++) {
                    int k = i * M + open[(mask >> i) & 1];
                    withPair[k] = Math.min(withPair[k], c);
                }
            }
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void bound_and_reductions_agree_with_brute_force(long seed) {
        Instance in = random(seed);
        double opt = Double.POSITIVE_INFINITY;
        double[] bestWith = new double[M];
        double[] bestWithout = new double[M];
        java.util.Arrays.fill(bestWith, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(bestWithout, Double.POSITIVE_INFINITY);
        double[] withPair = new double[N * M];
        java.util.Arrays.fill(withPair, Double.POSITIVE_INFINITY);
        for (int a = 0; a < M; a++) {
            for (int b = a + 1; b < M; b++) {
                double c = best(in, a, b, withPair);
                opt = Math.min(opt, c);
                for (int j = 0; j < M; j++) {
                    if (j == a || j == b) {
                        bestWith[j] = Math.min(bestWith[j], c);
                    } else {
                        bestWithout[j] = Math.min(bestWithout[j], c);
                    }
                }
            }
        }
        assertTrue(Double.isFinite(opt), "instance " + seed + " must be feasible");
        CostMatrix mx = matrix(in);
        Eligibility e = new Eligibility(mx, SolveOptions.defaults());
        for (double slack : new double[] {0, 2, 6}) {
            double upper = opt + slack;
            CapacitatedLagrangian cl = new CapacitatedLagrangian(in.cost(), N, in.loads(), in.caps(), e, P, true);
            MedianHeuristic.Lagrange lr = cl.run(upper, System.nanoTime() + 5_000_000_000L);
            for (int k = 0; k < N * M; k++) {
                if (cl.pairsFixed()[k]) {
                    assertTrue(withPair[k] >= upper - 1e-9, "pair " + k / M + "->" + k % M + " fixed to 0 but a "
                        + "solution with it costs " + withPair[k] + " < " + upper + " (seed " + seed + ")");
                }
            }
            assertTrue(lr.bound() <= opt + 1e-9, "bound " + lr.bound() + " > optimum " + opt + " (seed " + seed + ")");
            for (int j = 0; j < M; j++) {
                if (lr.neverOpen()[j]) {
                    assertTrue(bestWith[j] >= upper - 1e-9, "site " + j + " fixed closed but a solution with it costs "
                        + bestWith[j] + " < " + upper + " (seed " + seed + ")");
                }
                if (lr.alwaysOpen()[j]) {
                    assertTrue(bestWithout[j] >= upper - 1e-9, "site " + j + " fixed open but a solution without it "
                        + "costs " + bestWithout[j] + " < " + upper + " (seed " + seed + ")");
                }
            }
        }
        SitingResult r = CapacitatedPMedian.fromCostMatrix(mx, P, in.loads(), in.caps())
            .solve(SolveOptions.defaults().withTimeLimitSeconds(30));
        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(opt, r.objective(), 1e-9, "seed " + seed);
        assertEquals(opt, r.bestBound(), 1e-9);
    }

    /** The pair test above must have something to check: at the optimum as upper bound it fixes pairs. */
    @org.junit.jupiter.api.Test
    void pair_fixing_is_not_vacuous() {
        int fixed = 0;
        for (long seed = 1; seed <= 8; seed++) {
            Instance in = random(seed);
            double opt = Double.POSITIVE_INFINITY;
            for (int a = 0; a < M; a++) {
                for (int b = a + 1; b < M; b++) {
                    opt = Math.min(opt, best(in, a, b));
                }
            }
            Eligibility e = new Eligibility(matrix(in), SolveOptions.defaults());
            CapacitatedLagrangian cl = new CapacitatedLagrangian(in.cost(), N, in.loads(), in.caps(), e, P, true);
            cl.run(opt, System.nanoTime() + 5_000_000_000L);
            for (boolean f : cl.pairsFixed()) {
                fixed += f ? 1 : 0;
            }
        }
        assertTrue(fixed >= 20, "only " + fixed + " of " + 8 * N * M + " pairs fixed over 8 seeds");
    }

    static CostMatrix matrix(Instance in) {
        List<String> d = new ArrayList<>();
        double[] w = new double[N];
        for (int i = 0; i < N; i++) {
            d.add("d" + i);
            w[i] = 1;
        }
        List<String> s = new ArrayList<>();
        for (int j = 0; j < M; j++) {
            s.add("s" + j);
        }
        double[][] rows = new double[N][M];
        for (int i = 0; i < N; i++) {
            System.arraycopy(in.cost(), i * M, rows[i], 0, M);
        }
        return CostMatrix.ofIds(d, w, s, rows);
    }
}
