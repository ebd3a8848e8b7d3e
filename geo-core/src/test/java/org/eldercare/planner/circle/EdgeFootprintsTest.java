package org.eldercare.planner.circle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.RoadGraph;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;

/** Shared footprints of whole edges: the cells of the edge's own segments, cached per graph, safe to share. */
class EdgeFootprintsTest {
    static final MetricProjection GK = MetricProjection.forLongitude(117.2);

    /** Ten edges of a few vertices each around (117.2°, 28.2°), one of them 2 km long with a bend. */
    static RoadGraph graph() {
        GraphBuilder b = new GraphBuilder("footprints");
        for (int i = 0; i < 11; i++) {
            b.addNode(117.2 + 0.0011 * i, 28.2 + 0.0003 * (i % 3), i);
        }
        for (int i = 0; i < 10; i++) {
            double[] mid = i == 4
                ? new double[] {117.2 + 0.0011 * i + 0.01, 28.21, 117.2 + 0.0011 * i + 0.012, 28.2}
                : new double[] {117.2 + 0.0011 * i + 0.0005, 28.2 + 0.0002 * ((i + 1) % 2)};
            b.addEdge(i, i, i + 1, 150, 150, 150, mid);
        }
        return b.build();
    }

    @Test
    void footprint_is_the_cells_of_the_edges_segments_in_the_projection() {
        RoadGraph g = graph();
        EdgeFootprints fps = EdgeFootprints.of(g, GK, 50, 10);
        assertSame(fps, EdgeFootprints.of(g, GK, 50, 10));
        assertNotSame(fps, EdgeFootprints.of(g, GK, 50, 12.5));
        GeometryFactory gf = new GeometryFactory();
        double[] xy = new double[2];
        for (int e = 0; e < g.edgeCount(); e++) {
            BandRaster direct = new BandRaster();
            double[][] v = new double[g.edgeVertexCount(e)][];
            for (int i = 0; i < v.length; i++) {
                GK.toMetric(g.edgeVertexLon(e, i), g.edgeVertexLat(e, i), xy);
                v[i] = xy.clone();
            }
            for (int i = 1; i < v.length; i++) {
                // every segment as a full capsule: the union the footprint must equal
                direct.add(v[i - 1][0], v[i - 1][1], v[i][0], v[i][1], 0);
            }
            BandRaster viaFootprint = new BandRaster();
            viaFootprint.addFootprint(fps.get(g, e), 0);
            double a = direct.polygons(1, 50, 10, 99.9, gf)[0].getArea();
            assertEquals(a, viaFootprint.polygons(1, 50, 10, 99.9, gf)[0].getArea(), 1e-6, "edge " + e);
            assertEquals(0, direct.polygons(1, 50, 10, 99.9, gf)[0]
                .symDifference(viaFootprint.polygons(1, 50, 10, 99.9, gf)[0]).getArea(), 1e-6, "edge " + e);
            assertSame(fps.get(g, e), fps.get(g, e));
        }
    }

    @Test
    void threads_computing_the_same_table_get_the_same_footprints() throws Exception {
        RoadGraph g = graph();
        EdgeFootprints shared = EdgeFootprints.of(g, GK, 40, 8);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[][]>> all = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                all.add(pool.submit(() -> {
                    long[][] out = new long[g.edgeCount()][];
                    for (int e = g.edgeCount() - 1; e >= 0; e--) {
                        out[e] = shared.get(g, e);
                    }
                    return out;
                }));
            }
            long[][] first = all.get(0).get();
            for (Future<long[][]> f : all) {
                long[][] got = f.get();
                for (int e = 0; e < g.edgeCount(); e++) {
                    assertArrayEquals(first[e], got[e]);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
