package org.eldercare.planner.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.model.RoadSegment;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

class NetworkBuildersTest {
    static LineString line(double[]... xy) {
        Coordinate[] cs = new Coordinate[xy.length];
        for (int i = 0; i < xy.length; i++) {
            double[] ll = HandDrawnGraphs.lonLat(xy[i][0], xy[i][1]);
            cs[i] = new Coordinate(ll[0], ll[1]);
        }
        return Geometries.WGS84.createLineString(cs);
    }

    /**
     * Noding at a shared interior vertex, no noding at a mere crossing:
     * <pre>
     *            c (100,100)
     *            |
     *   a(0,0) --x(100,0)-- b(200,0)      road 1: a–x–b (x is an interior vertex)
     *            |                        road 2: c–x–d (shares x) → x becomes a node, 4 edges
     *            d (100,-100)
     *   e(50,-50) ---------- f(150,-50)   road 3 crosses road 2 without a shared vertex: not connected
     *   g(0,50) -- h(0,150)               road 4: a motorway, rejected by the walk profile
     * </pre>
     */
    @Test
    void line_layer_is_noded_at_shared_vertices_only() {
        List<RoadSegment> roads = List.of(
            new RoadSegment("1", line(new double[] {0, 0}, new double[] {100, 0}, new double[] {200, 0}),
                Map.of("highway", "residential")),
            new RoadSegment("2", line(new double[] {100, 100}, new double[] {100, 0}, new double[] {100, -100}),
                Map.of("highway", "footway")),
            new RoadSegment("3", line(new double[] {50, -50}, new double[] {150, -50}), Map.of("highway", "path")),
            new RoadSegment("4", line(new double[] {0, 50}, new double[] {0, 150}), Map.of("highway", "motorway")));
        RoadGraph g = RoadSegmentGraphBuilder.build(roads, TravelProfile.walk(1.0));
        // nodes a, x, b, c, d, e, f = 7; edges a-x, x-b, c-x, x-d, e-f = 5
        assertEquals(7, g.nodeCount());
        assertEquals(5, g.edgeCount());
        assertEquals(100 * 4 + 100, g.totalLengthMeters(), 0.05);
        GraphSearch s = new GraphSearch(g);
        s.runFromSnaps(List.of(Snap.atNodeOf(g, 0, true)), Double.POSITIVE_INFINITY);
        // from a: x 100, b 200, c 200, d 200; e and f unreachable (crossing without a junction)
        assertEquals(5, s.reachedCount());
        assertEquals(0, g.edgeOriginalId(0));
        assertEquals(2, g.edgeOriginalId(4));
    }

    @Test
    void pgrouting_csv_problems_are_reported_all_at_once() {
        String csv = "id,source,target,cost,reverse_cost\n1,1,2,1,1\n2,x,3,1,1\n3,2,3,abc,1\n";
        ReadException e = assertThrows(ReadException.class,
            () -> PgRoutingEdgeReader.read(new BufferedReader(new StringReader(csv)), "t.csv", false));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("row 3") && e.getMessage().contains("row 4"), e.getMessage());
        ReadException missing = assertThrows(ReadException.class,
            () -> PgRoutingEdgeReader.read(new BufferedReader(new StringReader("id,a,b\n")), "t.csv", false));
        assertEquals(3, missing.problems().size()); // source, target, cost
    }

    @Test
    void builder_rejects_bad_edges_with_the_field_named() {
        GraphBuilder b = new GraphBuilder("t");
        b.addNode(117, 28, 1);
        var e = assertThrows(IllegalArgumentException.class, () -> b.addEdge(9, 0, 1, 1, 1, 1, new double[0]));
        assertTrue(e.getMessage().contains("node index"), e.getMessage());
        b.addNode(117.001, 28, 2);
        e = assertThrows(IllegalArgumentException.class, () -> b.addEdge(9, 0, 1, -1, 1, 1, new double[0]));
        assertTrue(e.getMessage().contains("lengthMeters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TravelProfile.walk(0));
        assertTrue(e.getMessage().contains("speedMps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Snapper(b.build(), 0));
        assertTrue(e.getMessage().contains("maxSnapMeters"), e.getMessage());
    }
}
