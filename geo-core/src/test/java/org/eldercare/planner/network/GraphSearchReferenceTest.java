package org.eldercare.planner.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link GraphSearch} against an independent reference on seeded random graphs: a Bellman-Ford fixpoint over the
 * arcs, which needs no priority queue and no per-node state layout. The expected label of a node is the
 * lexicographically smallest (cost, start index) over all paths from the starts (costs summed in path order, the
 * same double additions the search makes), unreached when that cost exceeds the budget. The graphs have small integer
 * and zero costs, so equal-cost ties between starts, zero-cost arcs and one-way arcs are frequent: the cases where a
 * queue or state-layout change could pick a different start or miss a re-label.
 */
class GraphSearchReferenceTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void multi_source_costs_and_sources_equal_the_bellman_ford_fixpoint(long seed) {
        Random rnd = new Random(seed);
        int n = 30 + rnd.nextInt(150);
        GraphBuilder b = new GraphBuilder("random " + seed);
        for (int i = 0; i < n; i++) {
            b.addNode(rnd.nextDouble(), rnd.nextDouble(), i);
        }
        int m = n + rnd.nextInt(3 * n);
        boolean fractional = seed % 2 == 0;
        for (int e = 0; e < m; e++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(n);
            double fwd = cost(rnd, fractional);
            double bwd = rnd.nextInt(4) == 0 ? -1 : cost(rnd, fractional); // a quarter one-way
            b.addEdge(e, u, v, Math.max(0, Math.max(fwd, bwd)), fwd, bwd, new double[0]);
        }
        RoadGraph g = b.build();
        int k = 1 + rnd.nextInt(6);
        int[] starts = new int[k];
        for (int i = 0; i < k; i++) {
            starts[i] = rnd.nextInt(n); // may repeat: the lower index must win
        }
        GraphSearch s = new GraphSearch(g);
        for (double budget : new double[] {Double.POSITIVE_INFINITY, 4, 9.5}) {
            double[] d = new double[n];
            int[] l = new int[n];
            reference(g, starts, d, l);
            s.runFromNodes(starts, budget);
            int reached = 0;
            for (int v = 0; v < n; v++) {
                boolean in = d[v] != Double.POSITIVE_INFINITY && d[v] <= budget;
                reached += in ? 1 : 0;
                assertEquals(in ? d[v] : Double.POSITIVE_INFINITY, s.cost(v), 0.0,
                    "seed " + seed + " budget " + budget + " node " + v);
                assertEquals(in ? l[v] : -1, s.source(v), "seed " + seed + " budget " + budget + " node " + v);
            }
            assertEquals(reached, s.reachedCount(), "seed " + seed + " budget " + budget);
            for (int i = 1; i < s.reachedCount(); i++) {
                assertEquals(true, s.cost(s.reachedNode(i - 1)) <= s.cost(s.reachedNode(i)),
                    "reached nodes in order of cost, seed " + seed);
            }
        }
        // the same search object again (work arrays reused) gives the same answer
        s.runFromNodes(starts, Double.POSITIVE_INFINITY);
        double[] d = new double[n];
        int[] l = new int[n];
        reference(g, starts, d, l);
        for (int v = 0; v < n; v++) {
            assertEquals(d[v], s.cost(v), 0.0);
        }
    }

    /** 0, 1, 2 or 3 (a zero in four), or a fractional cost in [0, 3) on even seeds. */
    private static double cost(Random rnd, boolean fractional) {
        return fractional && rnd.nextBoolean() ? rnd.nextInt(12) * 0.25 : rnd.nextInt(4);
    }

    /** Bellman-Ford on (cost, start index) pairs, relaxing every arc until nothing changes. */
    private static void reference(RoadGraph g, int[] starts, double[] d, int[] l) {
        java.util.Arrays.fill(d, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(l, Integer.MAX_VALUE);
        for (int i = starts.length - 1; i >= 0; i--) {
            d[starts[i]] = 0;
            l[starts[i]] = i; // descending loop: a repeated node keeps its lowest index
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int u = 0; u < g.nodeCount(); u++) {
                if (d[u] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                for (int a = g.firstArc(u); a < g.firstArc(u + 1); a++) {
                    int v = g.arcHead(a);
                    double nd = d[u] + g.arcCost(a);
                    if (nd < d[v] || (nd == d[v] && l[u] < l[v])) {
                        d[v] = nd;
                        l[v] = l[u];
                        changed = true;
                    }
                }
            }
        }
        for (int v = 0; v < d.length; v++) {
            if (d[v] == Double.POSITIVE_INFINITY) {
                l[v] = -1;
            }
        }
    }
}
