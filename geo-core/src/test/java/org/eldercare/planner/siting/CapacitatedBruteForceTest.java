package org.eldercare.planner.siting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacitated p-median solve against brute force on small instances laid out like OR-Library pmedcap1 (n = 10
 * customers with integer coordinates in 1..100 and demands in 1..20, every customer a candidate with the same
 * capacity Q, costs the floored Euclidean distances, unweighted sum; p = 3; Q chosen so that total demand / (p · Q)
 * is about 0.9 as in pmedcap1_01–10). The instance is written in the pmedcap file format and read back through
 * {@link OrLibrary#readPmedcap}; the brute force enumerates all C(10, 3) = 120 site sets and, for each, every
 * assignment of the 10 customers to its 3 sites (3^10, with the capacities checked), independently of the solver.
 */
class CapacitatedBruteForceTest {
    static final int N = 10;
    static final int P = 3;

    @TempDir
    Path dir;

    record Instance(int[] x, int[] y, int[] demand, int capacity) {
        double cost(int i, int j) {
            return Math.floor(Math.hypot(x[i] - x[j], y[i] - y[j]));
        }
    }

    static Instance random(long seed) {
        Random r = new Random(seed);
        int[] x = new int[N];
        int[] y = new int[N];
        int[] d = new int[N];
        int total = 0;
        for (int i = 0; i < N; i++) {
            x[i] = 1 + r.nextInt(100);
            y[i] = 1 + r.nextInt(100);
            d[i] = 1 + r.nextInt(20);
            total += d[i];
        }
        int q = (int) Math.ceil(total / (0.9 * P));
        for (int i = 0; i < N; i++) {
            q = Math.max(q, d[i]);
        }
        return new Instance(x, y, d, q);
    }

    /** Cheapest assignment of every customer to one of the sites a, b, c within capacity Q; +∞ if none. */
    static double bestAssignment(Instance in, int[] sites) {
        return search(in, sites, 0, new int[sites.length], 0, Double.POSITIVE_INFINITY);
    }

    private static double search(Instance in, int[] sites, int i, int[] used, double sofar, double best) {
        if (sofar >= best) {
            return best;
        }
        if (i == N) {
            return sofar;
        }
        for (int s = 0; s < sites.length; s++) {
            if (used[s] + in.demand()[i] <= in.capacity()) {
                used[s] += in.demand()[i];
                best = search(in, sites, i + 1, used, sofar + in.cost(i, sites[s]), best);
                used[s] -= in.demand()[i];
            }
        }
        return best;
    }

    /** Brute-force optimum: {capacitated optimum, uncapacitated optimum} over all C(N, 3) site sets. */
    static double[] bruteForce(Instance in) {
        double cap = Double.POSITIVE_INFINITY;
        double uncap = Double.POSITIVE_INFINITY;
        for (int a = 0; a < N; a++) {
            for (int b = a + 1; b < N; b++) {
                for (int c = b + 1; c < N; c++) {
                    int[] sites = {a, b, c};
                    cap = Math.min(cap, bestAssignment(in, sites));
                    double u = 0;
                    for (int i = 0; i < N; i++) {
                        u += Math.min(in.cost(i, a), Math.min(in.cost(i, b), in.cost(i, c)));
                    }
                    uncap = Math.min(uncap, u);
                }
            }
        }
        return new double[] {cap, uncap};
    }

    Path write(Instance in, long seed) throws IOException {
        StringBuilder sb = new StringBuilder(" 1 0\n " + N + " " + P + " " + in.capacity() + "\n");
        for (int i = 0; i < N; i++) {
            sb.append(' ').append(i + 1).append(' ').append(in.x()[i]).append(' ').append(in.y()[i]).append(' ')
                .append(in.demand()[i]).append('\n');
        }
        Path f = dir.resolve("brute" + seed + ".txt");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void solver_matches_brute_force_on_twenty_pmedcap_like_instances() throws IOException {
        int capacityBinds = 0;
        for (long seed = 1; seed <= 20; seed++) {
            Instance in = random(seed);
            double[] bf = bruteForce(in);
            assertTrue(Double.isFinite(bf[0]), "seed " + seed + " must be feasible");
            if (bf[0] > bf[1] + 1e-9) {
                capacityBinds++;
            }
            OrLibrary.PmedcapInstance inst = OrLibrary.readPmedcap(write(in, seed));
            SitingResult r = inst.model().solve(SolveOptions.defaults().withTimeLimitSeconds(30));
            assertEquals(SolveStatus.OPTIMAL, r.status(), "seed " + seed);
            assertEquals(bf[0], r.objective(), 1e-9, "seed " + seed);
            assertEquals(bf[0], r.bestBound(), 1e-9, "seed " + seed);
            assertEquals(0, r.gap(), 1e-12, "seed " + seed);
            assertTrue(r.proofStage() != ProofStage.NONE, "seed " + seed + ": a proven result names its stage");
        }
        // the capacities must matter, or this would only test the uncapacitated model
        assertTrue(capacityBinds >= 10, "capacity binds on only " + capacityBinds + " of 20 instances");
    }
}
