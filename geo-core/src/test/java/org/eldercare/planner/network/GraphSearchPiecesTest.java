package org.eldercare.planner.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reached pieces of edges ({@link GraphSearch#forEachReachedPiece}) against the definition, on seeded random graphs
 * with one start and with several (snapped onto edges, so start edges and competing starts occur): a point at
 * fraction x of an edge is reached within budget T by the start of least cost over the ways in (from the from node
 * along the forward arc, from the to node along the backward arc, from a start on the edge), ties to the lower
 * start index. Checked at 400 points per edge, away from piece ends and ties; and the several-budget call reports
 * exactly what one call per budget reports, band by band.
 */
class GraphSearchPiecesTest {
    record Piece(int edge, double from, double to, int source, int band) {}

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void pieces_of_every_band_are_the_points_reached_within_its_budget(long seed) {
        Random rnd = new Random(seed);
        int n = 20 + rnd.nextInt(60);
        GraphBuilder b = new GraphBuilder("pieces " + seed);
        for (int i = 0; i < n; i++) {
            b.addNode(rnd.nextDouble(), rnd.nextDouble(), i);
        }
        int m = n + rnd.nextInt(2 * n);
        for (int e = 0; e < m; e++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(n);
            double fwd = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(6);
            double bwd = rnd.nextInt(4) == 0 ? -1 : fwd;
            b.addEdge(e, u, v, 100, fwd, bwd, new double[0]);
        }
        RoadGraph g = b.build();
        int starts = seed % 2 == 0 ? 1 : 2 + rnd.nextInt(3);
        List<Snap> snaps = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            int e = rnd.nextInt(m);
            snaps.add(new Snap(e, rnd.nextDouble(), 0, 0, 0, 0, 0));
        }
        double[] budgets = {2.5, 4, 7.25};
        GraphSearch s = new GraphSearch(g);
        s.runFromSnaps(snaps, budgets[2]);
        List<Piece> together = new ArrayList<>();
        s.forEachReachedPiece(budgets, (e, a, z, src, band) -> together.add(new Piece(e, a, z, src, band)));
        List<Piece> oneByOne = new ArrayList<>();
        for (int k = 0; k < budgets.length; k++) {
            int band = k;
            s.forEachReachedPiece(budgets[k], (e, a, z, src) -> oneByOne.add(new Piece(e, a, z, src, band)));
        }
        assertEquals(sorted(oneByOne), sorted(together), "seed " + seed);

        int checked = 0;
        for (int k = 0; k < budgets.length; k++) {
            for (int e = 0; e < m; e++) {
                List<Piece> mine = new ArrayList<>();
                for (Piece p : together) {
                    if (p.edge() == e && p.band() == k) {
                        mine.add(p);
                    }
                }
                for (int i = 0; i < 400; i++) {
                    double x = (i + 0.5) / 400;
                    double[] best = reference(g, s, snaps, e, x);
                    if (Math.abs(best[0] - budgets[k]) < 1e-6 || best[2] - best[0] < 1e-6) {
                        continue; // at a piece end or a tie between starts
                    }
                    int expected = best[0] <= budgets[k] ? (int) best[1] : -1;
                    int got = -1;
                    for (Piece p : mine) {
                        if (x >= p.from() && x <= p.to()) {
                            got = p.source();
                        }
                    }
                    if (Math.abs(x - nearestEnd(mine, x)) < 1e-6) {
                        continue;
                    }
                    assertEquals(expected, got, "seed " + seed + " band " + k + " edge " + e + " at " + x);
                    checked++;
                }
            }
        }
        assertTrue(checked > 10_000, "points checked: " + checked);
    }

    @Test
    void budgets_must_be_given_non_decreasing_and_within_the_searched_budget() {
        GraphBuilder b = new GraphBuilder("two nodes");
        b.addNode(0, 0, 1);
        b.addNode(0.001, 0, 2);
        b.addEdge(1, 0, 1, 100, 100, 100, new double[0]);
        GraphSearch s = new GraphSearch(b.build());
        s.runFromNodes(new int[] {0}, 60);
        BandPieceConsumer none = (e, x, y, src, band) -> { };
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
            () -> s.forEachReachedPiece(new double[0], none));
        assertTrue(empty.getMessage().contains("at least one"), empty.getMessage());
        IllegalArgumentException down = assertThrows(IllegalArgumentException.class,
            () -> s.forEachReachedPiece(new double[] {30, 20}, none));
        assertTrue(down.getMessage().startsWith("budgets[1]"), down.getMessage());
        IllegalArgumentException over = assertThrows(IllegalArgumentException.class,
            () -> s.forEachReachedPiece(new double[] {30, 61}, none));
        assertTrue(over.getMessage().contains("[0, 60.0]"), over.getMessage());
        double[] got = new double[2];
        s.forEachReachedPiece(new double[] {30, 60}, (e, x, y, src, band) -> got[band] += y - x);
        assertEquals(0.3, got[0], 1e-12);
        assertEquals(0.6, got[1], 1e-12);
    }

    /** {least cost, its start, the least cost of another start} at fraction x of edge e. */
    private static double[] reference(RoadGraph g, GraphSearch s, List<Snap> snaps, int e, double x) {
        int nStarts = snaps.size();
        double[] perStart = new double[nStarts];
        java.util.Arrays.fill(perStart, Double.POSITIVE_INFINITY);
        int fa = g.edgeForwardArc(e);
        int ba = g.edgeBackwardArc(e);
        int u = g.edgeFrom(e);
        int v = g.edgeTo(e);
        if (fa >= 0 && s.source(u) >= 0) {
            perStart[s.source(u)] = Math.min(perStart[s.source(u)], s.cost(u) + x * g.arcCost(fa));
        }
        if (ba >= 0 && s.source(v) >= 0) {
            perStart[s.source(v)] = Math.min(perStart[s.source(v)], s.cost(v) + (1 - x) * g.arcCost(ba));
        }
        for (int i = 0; i < nStarts; i++) {
            Snap sn = snaps.get(i);
            if (sn.edge() != e) {
                continue;
            }
            if (x >= sn.fraction() && fa >= 0) {
                perStart[i] = Math.min(perStart[i], (x - sn.fraction()) * g.arcCost(fa));
            }
            if (x <= sn.fraction() && ba >= 0) {
                perStart[i] = Math.min(perStart[i], (sn.fraction() - x) * g.arcCost(ba));
            }
        }
        double best = Double.POSITIVE_INFINITY;
        int who = -1;
        for (int i = 0; i < nStarts; i++) {
            if (perStart[i] < best) {
                best = perStart[i];
                who = i;
            }
        }
        double second = Double.POSITIVE_INFINITY;
        for (int i = 0; i < nStarts; i++) {
            if (i != who) {
                second = Math.min(second, perStart[i]);
            }
        }
        return new double[] {best, who, second};
    }

    private static double nearestEnd(List<Piece> pieces, double x) {
        double best = Double.POSITIVE_INFINITY;
        for (Piece p : pieces) {
            for (double end : new double[] {p.from(), p.to()}) {
                if (Math.abs(end - x) < Math.abs(best - x)) {
                    best = end;
                }
            }
        }
        return best;
    }

    private static List<Piece> sorted(List<Piece> ps) {
        List<Piece> out = new ArrayList<>(ps);
        out.sort(java.util.Comparator.comparingInt(Piece::band).thenComparingInt(Piece::edge)
            .thenComparingDouble(Piece::from));
        return out;
    }
}
