package org.eldercare.planner.circle;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.network.RoadGraph;

/**
 * The grid cells of each whole graph edge, computed once per graph, projection, buffer and cell size and shared by
 * every later service-area computation on that graph (issue 18: a fully reached edge is most of a circle's pieces,
 * and stamping its capsules segment by segment was most of the polygon time). An edge's footprint is the set of
 * cells whose centre lies within the buffer of its polyline, vertices projected exactly ({@link MetricProjection}),
 * on the grid of absolute cell indices (cell i covers [i c, (i + 1) c) metres), stored as row runs
 * ({@link BandRaster#footprint}); stamping it is one word operation per row instead of a disc and a rectangle
 * per segment.
 *
 * <p>For the partial pieces at a band's edge the table also keeps, per edge such a piece was cut from, its vertices'
 * distances along it and each segment's own footprint ({@link #segments}), so that a piece costs word operations
 * for the segments it covers whole and a drawn capsule only where it is cut.
 *
 * <p>Footprints are computed on first use, edge by edge, so a computation pays only for the edges it reaches; the
 * table is safe for concurrent use (two threads may compute the same edge, with the same result). Memory: about
 * (edge extent + 2 buffer) / cell longs per edge used, ≈ 15 longs for a 30 m edge at 50 m / 10 m; a segment entry
 * (only for edges of more than one segment that a piece was cut from) about three times its edge's footprint. The
 * graphs are held weakly: a graph no longer used elsewhere takes its footprints with it.
 */
final class EdgeFootprints {
    private static final Map<RoadGraph, Map<String, EdgeFootprints>> CACHE = new WeakHashMap<>();
    private static final ThreadLocal<BandRaster> SCRATCH = ThreadLocal.withInitial(BandRaster::new);

    private final MetricProjection proj;
    private final double buffer;
    private final double cell;
    private final AtomicReferenceArray<long[]> table;
    private final AtomicReferenceArray<Segments> segmentTable;

    private EdgeFootprints(int edges, MetricProjection proj, double buffer, double cell) {
        this.proj = proj;
        this.buffer = buffer;
        this.cell = cell;
        this.table = new AtomicReferenceArray<>(edges);
        this.segmentTable = new AtomicReferenceArray<>(edges);
    }

    /**
     * What a partial piece of an edge needs: the distance of each vertex along the edge ({@code cumMeters[i]},
     * great-circle metres as the search measures the edge's length, {@code cumMeters[0] = 0}) and the footprint of
     * each segment i → i + 1 on its own ({@code footprints[i]}, both end discs included, vertices projected exactly;
     * for a one-segment edge the edge's footprint). A piece then stamps the segments it covers whole from these and
     * draws only the one or two segments its ends cut.
     */
    record Segments(double[] cumMeters, long[][] footprints) {}

    /** The shared footprints of {@code graph} in {@code proj} for this buffer and cell size (metres). */
    static EdgeFootprints of(RoadGraph graph, MetricProjection proj, double buffer, double cell) {
        String key = proj.epsg() + "/" + Double.doubleToLongBits(buffer) + "/" + Double.doubleToLongBits(cell);
        Map<String, EdgeFootprints> byKey;
        synchronized (CACHE) {
            byKey = CACHE.computeIfAbsent(graph, g -> new ConcurrentHashMap<>());
        }
        return byKey.computeIfAbsent(key, k -> new EdgeFootprints(graph.edgeCount(), proj, buffer, cell));
    }

    /**
     * The footprint of edge {@code e} of {@code graph} (the graph this table was made for); never null, without runs
     * (length 2) when no cell centre lies within the buffer of the edge.
     */
    long[] get(RoadGraph graph, int e) {
        long[] fp = table.get(e);
        if (fp == null) {
            fp = compute(graph, e);
            table.set(e, fp);
        }
        return fp;
    }

    /** The vertex distances and segment footprints of edge {@code e} of {@code graph}, computed on first use. */
    Segments segments(RoadGraph graph, int e) {
        Segments s = segmentTable.get(e);
        if (s == null) {
            s = computeSegments(graph, e);
            segmentTable.set(e, s);
        }
        return s;
    }

    private Segments computeSegments(RoadGraph g, int e) {
        int n = g.edgeVertexCount(e);
        double[] cum = new double[n];
        for (int i = 1; i < n; i++) {
            cum[i] = cum[i - 1] + Geodesy.haversineMeters(g.edgeVertexLon(e, i - 1), g.edgeVertexLat(e, i - 1),
                g.edgeVertexLon(e, i), g.edgeVertexLat(e, i));
        }
        long[][] fps = new long[n - 1][];
        if (n == 2) {
            fps[0] = get(g, e);
        } else {
            BandRaster r = SCRATCH.get();
            double[] a = new double[2];
            double[] b = new double[2];
            proj.toMetric(g.edgeVertexLon(e, 0), g.edgeVertexLat(e, 0), a);
            for (int i = 1; i < n; i++) {
                proj.toMetric(g.edgeVertexLon(e, i), g.edgeVertexLat(e, i), b);
                r.clear();
                r.add(a[0], a[1], b[0], b[1], 0);
                long[] fp = r.footprint(buffer, cell);
                fps[i - 1] = fp != null ? fp : EMPTY;
                a[0] = b[0];
                a[1] = b[1];
            }
            r.clear();
        }
        return new Segments(cum, fps);
    }

    private long[] compute(RoadGraph g, int e) {
        BandRaster r = SCRATCH.get();
        r.clear();
        double[] a = new double[2];
        double[] b = new double[2];
        int n = g.edgeVertexCount(e);
        proj.toMetric(g.edgeVertexLon(e, 0), g.edgeVertexLat(e, 0), a);
        double px = Double.NaN;
        double py = Double.NaN;
        for (int i = 1; i < n; i++) {
            proj.toMetric(g.edgeVertexLon(e, i), g.edgeVertexLat(e, i), b);
            if (i == 1) {
                r.add(a[0], a[1], b[0], b[1], 0, true, i == n - 1);
            } else {
                r.addContinued(px, py, a[0], a[1], b[0], b[1], 0, i == n - 1);
            }
            px = a[0];
            py = a[1];
            a[0] = b[0];
            a[1] = b[1];
        }
        long[] fp = r.footprint(buffer, cell);
        r.clear();
        return fp != null ? fp : EMPTY;
    }

    /** A footprint without cells (bounds that never widen a grid). */
    private static final long[] EMPTY = {
        ((long) Integer.MAX_VALUE << 32) | (Integer.MAX_VALUE & 0xffffffffL),
        ((long) Integer.MIN_VALUE << 32) | (Integer.MIN_VALUE & 0xffffffffL)};
}
