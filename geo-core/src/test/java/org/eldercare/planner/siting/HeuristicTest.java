package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The heuristic and its Lagrangian bound bracket the proven optimum on random Euclidean instances (fixed seeds), and
 * every method gives the same answer twice on the same input.
 */
class HeuristicTest {
    static CostMatrix random(long seed, int n) {
        Random rnd = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(1000);
            y[i] = rnd.nextInt(1000);
            w[i] = 1 + rnd.nextInt(20);
        }
        return SitingFixtures.flooredEuclidean(x, y, w, "n");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void heuristic_and_bound_bracket_the_optimum_and_repeat_exactly(long seed) {
        CostMatrix m = random(seed, 80);
        SolveOptions exact = SolveOptions.defaults().withMethod(SolveMethod.EXACT).withTimeLimitSeconds(120);
        SolveOptions heur = SolveOptions.defaults().withMethod(SolveMethod.HEURISTIC).withTimeLimitSeconds(10);
        SitingResult opt = PMedian.fromCostMatrix(m, 6).solve(exact);
        SitingResult h = PMedian.fromCostMatrix(m, 6).solve(heur);
        assertEquals(SolveStatus.OPTIMAL, opt.status());
        assertTrue(h.objective() >= opt.objective(), h.objective() + " < optimum " + opt.objective());
        assertTrue(h.bestBound() <= opt.objective() + 1e-9, "bound " + h.bestBound() + " > optimum " + opt.objective());
        assertEquals(Results.gapMin(h.objective(), h.bestBound()), h.gap(), 1e-12);
        // same input, same answer
        SitingResult h2 = PMedian.fromCostMatrix(m, 6).solve(heur);
        assertEquals(h.chosenSiteIds(), h2.chosenSiteIds());
        assertEquals(h.assignments(), h2.assignments());
        SitingResult opt2 = PMedian.fromCostMatrix(m, 6).solve(exact);
        assertEquals(opt.chosenSiteIds(), opt2.chosenSiteIds());
        assertEquals(opt.assignments(), opt2.assignments());
    }
}
