package org.eldercare.planner.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Island-aware snapping (issue 18), drawn by hand in metres: a "mainland" street along y = 0 from x = 0 to 900 m made
 * of nine 100 m ways (10 graph nodes), and a lone 40 m "platform" way from (400, 15) to (440, 15) (2 nodes). The
 * point (420, 10) lies 5 m from the platform and 10 m from the street.
 */
class SnapperIslandTest {
    private static RoadGraph graph() {
        OsmGraphBuilder b = new OsmGraphBuilder(TravelProfile.walk(1.0));
        for (int i = 0; i <= 9; i++) {
            double[] ll = HandDrawnGraphs.lonLat(100 * i, 0);
            b.node(i + 1, ll[0], ll[1], Map.of());
        }
        double[] p = HandDrawnGraphs.lonLat(400, 15);
        double[] q = HandDrawnGraphs.lonLat(440, 15);
        b.node(101, p[0], p[1], Map.of());
        b.node(102, q[0], q[1], Map.of());
        for (int i = 1; i <= 9; i++) {
            b.way(i, new long[] {i, i + 1}, Map.of("highway", "residential"));
        }
        b.way(100, new long[] {101, 102}, Map.of("highway", "platform"));
        b.end();
        return b.graph();
    }

    @Test
    void a_point_next_to_a_small_island_goes_to_the_mainland_within_the_snap_distance() {
        RoadGraph g = graph();
        double[] pt = HandDrawnGraphs.lonLat(420, 10);
        Snap plain = new Snapper(g, 300).snap(pt[0], pt[1]).orElseThrow();
        assertEquals(100, g.edgeOriginalId(plain.edge()));
        assertEquals(5, plain.distanceMeters(), 0.01);
        Snap aware = new Snapper(g, 300, Snapper.CIRCLE_MIN_COMPONENT_NODES).snap(pt[0], pt[1]).orElseThrow();
        assertEquals(5, g.edgeOriginalId(aware.edge())); // the way from x = 400 to 500
        assertEquals(10, aware.distanceMeters(), 0.01);
        assertEquals(20, aware.offsetFromStartMeters(), 0.01);
        // the mainland beyond the snap distance (8 m): the island is better than nothing
        Snap fallback = new Snapper(g, 8, Snapper.CIRCLE_MIN_COMPONENT_NODES).snap(pt[0], pt[1]).orElseThrow();
        assertEquals(100, g.edgeOriginalId(fallback.edge()));
        // an island of 2 nodes is mainland when the minimum is 2
        assertEquals(100, g.edgeOriginalId(new Snapper(g, 300, 2).snap(pt[0], pt[1]).orElseThrow().edge()));
    }
}
