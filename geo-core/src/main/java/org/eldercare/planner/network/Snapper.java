package org.eldercare.planner.network;

import org.eldercare.planner.crs.Geodesy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Places points (facilities, demand points, district centroids) on the nearest edge of a {@link RoadGraph} within a
 * maximum snap distance, with the projected position and the distances along the edge to both ends (partial edges).
 * Points with no edge within the distance are reported as {@link SnapProblem}s, never dropped.
 *
 * <p>Index: a JTS {@link STRtree} of edge envelopes (WGS84 degrees), built once per graph on first use and shared
 * by every snapper on that graph (graphs are immutable; the cache holds them weakly). Candidates are
 * compared in a local equirectangular frame around the query point (spherical, within about 0.3 % of the ellipsoid:
 * only decides which edge is nearest and whether it lies within the snap distance); the reported distance and offsets
 * along the edge with great-circle segment lengths, consistent with the graph's edge lengths. The snapper is
 * immutable after construction and safe to share between threads.
 */
public final class Snapper {
    /** Metres per degree of latitude on the mean Earth sphere. */
    private static final double M_PER_DEG = Math.PI * Geodesy.MEAN_RADIUS_M / 180;

    /**
     * Pieces of fewer nodes count as islands for {@link #Snapper(RoadGraph, double, int)} in the service circles:
     * 10. In the Haidian extract the walk graph has one piece of 952 nodes and 26 of 2–15 nodes (lone bus platforms,
     * footbridges without their stairs, clipped compounds); 10 keeps the two pieces of 14 and 15 nodes.
     */
    public static final int CIRCLE_MIN_COMPONENT_NODES = 10;

    /**
     * Per graph (held weakly, like the graph's circle footprints): its edge index and its islands per minimum piece
     * size, built on first use and shared by every later snapper on that graph, so that a what-if on a county graph
     * (200 000 edges, ≈ 50 ms to index) does not index it again. Neither refers back to the graph.
     */
    private static final Map<RoadGraph, Shared> SHARED = new WeakHashMap<>();

    private static final class Shared {
        final STRtree tree;
        final Map<Integer, boolean[]> islands = new ConcurrentHashMap<>();

        Shared(RoadGraph graph) {
            tree = new STRtree();
            for (int e = 0; e < graph.edgeCount(); e++) {
                if (graph.edgeForwardArc(e) < 0 && graph.edgeBackwardArc(e) < 0) {
                    continue;
                }
                Envelope env = new Envelope();
                for (int i = 0; i < graph.edgeVertexCount(e); i++) {
                    env.expandToInclude(graph.edgeVertexLon(e, i), graph.edgeVertexLat(e, i));
                }
                tree.insert(env, e);
            }
            tree.build();
        }
    }

    private static Shared shared(RoadGraph graph) {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(graph, Shared::new);
        }
    }

    private final RoadGraph g;
    private final double maxSnapMeters;
    private final STRtree tree;
    /** Per edge: true when it lies in a connected piece of fewer than {@code minComponentNodes} nodes. */
    private final boolean[] island;

    /**
     * @param graph         the graph to snap to (only edges with at least one usable direction are candidates)
     * @param maxSnapMeters maximum distance from a point to the network, in (0, 100000] metres
     */
    public Snapper(RoadGraph graph, double maxSnapMeters) {
        this(graph, maxSnapMeters, 1);
    }

    /**
     * A snapper that avoids small islands: a point goes to the nearest edge of a connected piece (edges taken as
     * undirected) of at least {@code minComponentNodes} nodes when one lies within the snap distance, else to the
     * nearest edge at all. An island is e.g. a footbridge whose stairs are not mapped, or a bus platform drawn as a
     * lone way: a facility snapped there would reach only the island (issue 18; GraphHopper removes such
     * subnetworks before snapping, below 200 nodes by default).
     *
     * @param minComponentNodes pieces with fewer nodes are islands; 1 = none
     */
    public Snapper(RoadGraph graph, double maxSnapMeters, int minComponentNodes) {
        if (graph == null) {
            throw new IllegalArgumentException("graph is required");
        }
        if (!(maxSnapMeters > 0 && maxSnapMeters <= 100_000)) {
            throw new IllegalArgumentException("maxSnapMeters must be in (0, 100000] m, was " + maxSnapMeters);
        }
        if (minComponentNodes < 1) {
            throw new IllegalArgumentException("minComponentNodes must be >= 1, was " + minComponentNodes);
        }
        this.g = graph;
        this.maxSnapMeters = maxSnapMeters;
        Shared sh = shared(graph);
        this.tree = sh.tree;
        this.island = minComponentNodes <= 1 ? null
            : sh.islands.computeIfAbsent(minComponentNodes, m -> islands(graph, m));
    }

    /** Edges in connected pieces (undirected) of fewer than {@code min} nodes (shared: never modified). */
    private static boolean[] islands(RoadGraph g, int min) {
        if (min <= 1) {
            return null;
        }
        int n = g.nodeCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < g.edgeCount(); e++) {
            int a = root(parent, g.edgeFrom(e));
            int b = root(parent, g.edgeTo(e));
            if (a != b) {
                parent[a] = b;
            }
        }
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[root(parent, i)]++;
        }
        boolean[] out = new boolean[g.edgeCount()];
        for (int e = 0; e < g.edgeCount(); e++) {
            out[e] = size[root(parent, g.edgeFrom(e))] < min;
        }
        return out;
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    public double maxSnapMeters() {
        return maxSnapMeters;
    }

    /** The nearest position on the network within {@link #maxSnapMeters()}, or empty. */
    public Optional<Snap> snap(double lon, double lat) {
        return nearest(lon, lat, maxSnapMeters);
    }

    private Optional<Snap> nearest(double lon, double lat, double radius) {
        double kx = M_PER_DEG * Math.cos(Math.toRadians(lat));
        double ky = M_PER_DEG;
        Envelope q = new Envelope(lon - radius / kx, lon + radius / kx, lat - radius / ky, lat + radius / ky);
        @SuppressWarnings("unchecked")
        List<Object> hits = tree.query(q);
        int[] seg = new int[1];
        double[] t = new double[1];
        int e = nearestEdge(hits, lon, lat, kx, ky, radius, false, seg, t);
        if (island != null && e >= 0 && island[e]) {
            int mainland = nearestEdge(hits, lon, lat, kx, ky, radius, true, seg, t);
            if (mainland < 0) {
                e = nearestEdge(hits, lon, lat, kx, ky, radius, false, seg, t);
            } else {
                e = mainland;
            }
        }
        if (e < 0) {
            return Optional.empty();
        }
        return Optional.of(snapOnto(e, seg[0], t[0], lon, lat));
    }

    /** The nearest candidate edge within {@code radius} (optionally islands skipped), its segment and parameter. */
    private int nearestEdge(List<Object> hits, double lon, double lat, double kx, double ky, double radius,
                            boolean skipIslands, int[] segOut, double[] tOut) {
        double bestD2 = radius * radius;
        int bestEdge = -1;
        int bestSeg = -1;
        double bestT = 0;
        for (Object o : hits) {
            int e = (Integer) o;
            if (skipIslands && island[e]) {
                continue;
            }
            int nv = g.edgeVertexCount(e);
            double ax = (g.edgeVertexLon(e, 0) - lon) * kx;
            double ay = (g.edgeVertexLat(e, 0) - lat) * ky;
            for (int i = 1; i < nv; i++) {
                double bx = (g.edgeVertexLon(e, i) - lon) * kx;
                double by = (g.edgeVertexLat(e, i) - lat) * ky;
                double dx = bx - ax;
                double dy = by - ay;
                double l2 = dx * dx + dy * dy;
                double t = l2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2)) : 0;
                double px = ax + t * dx;
                double py = ay + t * dy;
                double d2 = px * px + py * py;
                if (d2 < bestD2 || (d2 == bestD2 && bestEdge >= 0 && e < bestEdge)) {
                    bestD2 = d2;
                    bestEdge = e;
                    bestSeg = i - 1;
                    bestT = t;
                }
                ax = bx;
                ay = by;
            }
        }
        segOut[0] = bestSeg;
        tOut[0] = bestT;
        return bestEdge;
    }

    private Snap snapOnto(int e, int bestSeg, double bestT, double lon, double lat) {
        double before = 0;
        for (int i = 0; i < bestSeg; i++) {
            before += Geodesy.haversineMeters(g.edgeVertexLon(e, i), g.edgeVertexLat(e, i), g.edgeVertexLon(e, i + 1),
                g.edgeVertexLat(e, i + 1));
        }
        double x0 = g.edgeVertexLon(e, bestSeg);
        double y0 = g.edgeVertexLat(e, bestSeg);
        double x1 = g.edgeVertexLon(e, bestSeg + 1);
        double y1 = g.edgeVertexLat(e, bestSeg + 1);
        double plon = x0 + bestT * (x1 - x0);
        double plat = y0 + bestT * (y1 - y0);
        double along = before + Geodesy.haversineMeters(x0, y0, plon, plat);
        double len = g.edgeLengthMeters(e);
        along = Math.min(along, len);
        double fraction = len > 0 ? along / len : 0;
        // the local frame picked the edge; the reported distance is the great-circle one, like the edge lengths
        double dist = Geodesy.haversineMeters(lon, lat, plon, plat);
        return new Snap(e, fraction, plon, plat, dist, along, len - along);
    }

    /**
     * Snaps every point; points without an edge within {@link #maxSnapMeters()} become problems carrying the
     * distance to the nearest edge within 20× that distance ({@code +Infinity} if none).
     *
     * @param ids    one id per point (same order)
     * @param points WGS84 points
     */
    public SnapReport snapAll(List<String> ids, List<Point> points) {
        if (ids.size() != points.size()) {
            throw new IllegalArgumentException("ids and points must have the same size, were " + ids.size() + " and "
                + points.size());
        }
        List<SnapReport.Snapped> ok = new ArrayList<>();
        List<SnapProblem> problems = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            Optional<Snap> s = snap(p.getX(), p.getY());
            if (s.isPresent()) {
                ok.add(new SnapReport.Snapped(ids.get(i), i, s.get()));
            } else {
                double near = nearest(p.getX(), p.getY(), maxSnapMeters * 20).map(Snap::distanceMeters)
                    .orElse(Double.POSITIVE_INFINITY);
                problems.add(new SnapProblem(ids.get(i), i, p.getX(), p.getY(), near, String.format(
                    java.util.Locale.ROOT, "no road within %.0f m (nearest: %s)", maxSnapMeters,
                    Double.isInfinite(near) ? "none within " + Math.round(maxSnapMeters * 20) + " m"
                        : Math.round(near) + " m")));
            }
        }
        return new SnapReport(ok, problems);
    }
}
