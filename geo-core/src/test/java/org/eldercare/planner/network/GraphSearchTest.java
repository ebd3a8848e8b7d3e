package org.eldercare.planner.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed times on {@link HandDrawnGraphs#ring()} (walking 1 m/s, so seconds = metres). */
class GraphSearchTest {
    static final double TOL = 0.05; // seconds: ellipsoid vs drawn metres differ < 1 cm per 400 m

    /** A search on a fresh ring from one node. */
    private static GraphSearch ringSearchFrom(int node, double budget) {
        GraphSearch s = new GraphSearch(HandDrawnGraphs.ring());
        s.runFromNodes(new int[] {node}, budget);
        return s;
    }

    /** Costs of nodes A, B, C, D, E (0..4) in that order. */
    private static void assertCosts(GraphSearch s, double... expected) {
        for (int v = 0; v < expected.length; v++) {
            assertEquals(expected[v], s.cost(v), TOL, "node " + v);
        }
    }

    @Test
    void ring_times_from_a_node() {
        GraphSearch s = ringSearchFrom(0, Double.POSITIVE_INFINITY);
        // A=0; B=400 (A→B); D=400 (A→D); C=800 either way round
        // E is only reachable against the one-way spur E→B: never
        assertCosts(s, 0, 400, 800, 400, Double.POSITIVE_INFINITY);
        assertEquals(-1, s.source(4));
        assertEquals(4, s.reachedCount());
    }

    @Test
    void one_way_spur_is_usable_in_its_direction() {
        GraphSearch s = ringSearchFrom(4, Double.POSITIVE_INFINITY);
        // E→B 400, then B→A 400 = 800, B→C 400 = 800, D = 1200
        assertCosts(s, 800, 400, 800, 1200, 0);
    }

    @Test
    void start_on_a_partial_edge() {
        RoadGraph g = HandDrawnGraphs.ring();
        double[] p = HandDrawnGraphs.lonLat(100, 10); // 10 m north of AB, 100 m from A
        Snap snap = new Snapper(g, 50).snap(p[0], p[1]).orElseThrow();
        assertEquals(0, snap.edge());
        assertEquals(0.25, snap.fraction(), 1e-4);
        assertEquals(10, snap.distanceMeters(), 0.05);
        assertEquals(100, snap.offsetFromStartMeters(), 0.05);
        assertEquals(300, snap.offsetToEndMeters(), 0.05);
        GraphSearch s = new GraphSearch(g);
        s.runFromSnaps(List.of(snap), Double.POSITIVE_INFINITY);
        // A = 100 (back along AB), B = 300, D = 100 + 400 = 500, C = min(300 + 400, 500 + 400) = 700
        assertEquals(100, s.cost(0), TOL);
        assertEquals(300, s.cost(1), TOL);
        assertEquals(700, s.cost(2), TOL);
        assertEquals(500, s.cost(3), TOL);
        // a point at 350 m along AB: 250 m along the edge from the start
        Snap q = new Snapper(g, 50).snap(HandDrawnGraphs.lonLat(350, -5)[0], HandDrawnGraphs.lonLat(350, -5)[1])
            .orElseThrow();
        assertEquals(250, s.costTo(q), TOL);
        // the middle of CD (200,400): via B,C = 300+400+200 = 900, via A,D = 100+400+200 = 700
        double[] m = HandDrawnGraphs.lonLat(200, 400);
        assertEquals(700, s.costTo(new Snapper(g, 50).snap(m[0], m[1]).orElseThrow()), TOL);
    }

    @Test
    void bounded_search_stops_at_the_budget_and_reports_relaxations() {
        GraphSearch s = ringSearchFrom(0, 399);
        assertEquals(1, s.reachedCount()); // B and D lie at 400 s
        assertEquals(2, s.lastRelaxations()); // A's two arcs scanned
        s.runFromNodes(new int[] {0}, 400.1);
        assertEquals(3, s.reachedCount());
        assertThrows(IllegalArgumentException.class, () -> s.runFromNodes(new int[] {0}, -1));
        assertThrows(IllegalArgumentException.class, () -> s.runFromNodes(new int[] {7}, 1));
    }

    @Test
    void partial_pieces_at_the_budget() {
        RoadGraph g = HandDrawnGraphs.ring();
        GraphSearch s = new GraphSearch(g);
        s.runFromNodes(new int[] {0}, 900);
        double[] reached = new double[g.edgeCount()];
        s.forEachReachedPiece(600, (e, a, b, src) -> reached[e] += (b - a) * g.edgeLengthMeters(e));
        // 600 s: AB and DA whole (400 m each), BC and CD 200 m each, spur none
        assertEquals(400, reached[0], 0.05);
        assertEquals(200, reached[1], 0.05);
        assertEquals(200, reached[2], 0.05);
        assertEquals(400, reached[3], 0.05);
        assertEquals(0, reached[4], 0.0);
        assertThrows(IllegalArgumentException.class, () -> s.forEachReachedPiece(901, (e, a, b, src) -> { }));
    }

    @Test
    void split_pieces_meet_at_equal_time() {
        RoadGraph g = HandDrawnGraphs.ring();
        GraphSearch s = new GraphSearch(g);
        // starts A (0) and B (1): on AB they meet at 200 m; on the far side, C is 400 from B and D 400 from A,
        // so CD is split in the middle too
        s.runFromNodes(new int[] {0, 1}, 1000);
        double[][] len = new double[2][g.edgeCount()];
        s.forEachReachedPiece(1000, (e, a, b, src) -> len[src][e] += (b - a) * g.edgeLengthMeters(e));
        assertEquals(200, len[0][0], 0.05);
        assertEquals(200, len[1][0], 0.05);
        assertEquals(200, len[0][2], 0.05);
        assertEquals(200, len[1][2], 0.05);
        assertEquals(400, len[1][1], 0.05);
        assertEquals(400, len[0][3], 0.05);
    }

    /**
     * An edge reached from both ends by one start: two pieces while a gap is left between them, one piece once they
     * overlap. Nodes 0 and 1 are joined by a 100 s edge and a 1 000 s one (costs = lengths); start at node 0.
     */
    @Test
    void an_edge_reached_from_both_ends_by_one_start_is_one_piece_once_they_meet() {
        GraphBuilder b = new GraphBuilder("two-ways");
        b.addNode(117, 28, 0);
        b.addNode(117.001, 28, 1);
        b.addEdge(0, 0, 1, 100, 100, 100, new double[0]);
        int longEdge = b.addEdge(1, 0, 1, 1000, 1000, 1000, new double[0]);
        RoadGraph g = b.build();
        GraphSearch s = new GraphSearch(g);
        s.runFromNodes(new int[] {0}, 600);
        List<double[]> pieces = new java.util.ArrayList<>();
        // 500 s: 500 m from node 0, 400 m from node 1 (reached at 100 s): [0, 0.5] and [0.6, 1]
        s.forEachReachedPiece(500, (e, a, z, src) -> {
            if (e == longEdge) {
                pieces.add(new double[] {a, z, src});
            }
        });
        assertEquals(2, pieces.size());
        assertEquals(0, pieces.get(0)[0], 1e-12);
        assertEquals(0.5, pieces.get(0)[1], 1e-12);
        assertEquals(0.6, pieces.get(1)[0], 1e-12);
        assertEquals(1, pieces.get(1)[1], 1e-12);
        // 600 s: [0, 0.6] and [0.5, 1] overlap: the whole edge, once
        pieces.clear();
        s.forEachReachedPiece(600, (e, a, z, src) -> {
            if (e == longEdge) {
                pieces.add(new double[] {a, z, src});
            }
        });
        assertEquals(1, pieces.size());
        assertEquals(0, pieces.get(0)[0], 0.0);
        assertEquals(1, pieces.get(0)[1], 0.0);
        assertEquals(0, pieces.get(0)[2], 0.0);
    }

    /** Exact ties go to the start listed first, whatever the heap order: path 0 -1- 1 -1- 2. */
    @Test
    void exact_ties_go_to_the_lower_start_index() {
        GraphBuilder b = new GraphBuilder("ties");
        for (int i = 0; i < 3; i++) {
            b.addNode(117 + i * 0.001, 28, i);
        }
        b.addEdge(0, 0, 1, 1, 1, 1, new double[0]);
        b.addEdge(1, 1, 2, 1, 1, 1, new double[0]);
        RoadGraph g = b.build();
        GraphSearch s = new GraphSearch(g);
        s.runFromNodes(new int[] {0, 2}, 10);
        assertEquals(0, s.source(1));
        s.runFromNodes(new int[] {2, 0}, 10);
        assertEquals(0, s.source(1)); // index 0 is now node 2
        assertEquals(1, s.cost(1), 0.0);
    }

    @Test
    void nearest_sources_and_cost_matrix() {
        RoadGraph g = HandDrawnGraphs.ring();
        Snap atA = Snap.atNodeOf(g, 0, true);
        Snap atC = Snap.atNodeOf(g, 1, false);
        NearestSources ns = new GraphSearch(g).nearestSources(List.of(atA, atC), Double.POSITIVE_INFINITY);
        // B and D are 400 m from both A and C (a near-tie decided by millimetres): cost 400 either way
        assertEquals(400, ns.cost(1), TOL);
        assertEquals(400, ns.cost(3), TOL);
        assertEquals(0, ns.source(0));
        assertEquals(1, ns.source(2));
        double[][] m = new GraphSearch(g).costMatrix(List.of(atA, atC), List.of(atA, atC), Double.POSITIVE_INFINITY);
        assertEquals(0, m[0][0], TOL);
        assertEquals(800, m[0][1], TOL);
        assertEquals(800, m[1][0], TOL);
        assertTrue(ns.relaxations() > 0);
    }
}
