package org.eldercare.planner.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceArea;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.OsmGraphBuilder;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;

/**
 * Our service circles against an independent reference (issue 18), not a test; the peer-engine comparison is
 * {@link CircleGraphHopperBench}. The reference checks our polygon rule itself, so it uses the same definition
 * (buffer of reached pieces) through a separate, plain implementation written for this comparison only: its own OSM XML reading (StAX), one graph edge per OSM way
 * segment (no edge compression), its own brute-force snapping to the nearest segment, textbook Dijkstra with
 * {@link PriorityQueue} and lazy deletion over OSM node ids, and a polygon made by buffering every reached segment
 * piece separately (JTS, 8 segments per quadrant) and taking their plain {@link CascadedPolygonUnion}. It shares
 * with ours only the way and node filters ({@link TravelProfile#accepts}, {@link TravelProfile#blocksPassage}) and the
 * walking profile: 0.76 m/s, steps ×2, no crossing penalty (the matched profile; the reference knows no crossing
 * nodes). The rules of issue 18 are re-implemented here in their plain form: {@code area=yes} outlines that touch no
 * other accepted way are skipped; a blocked node is reached but never left; snapping skips segments in pieces (not
 * joined through blocked nodes) of fewer than {@link Snapper#CIRCLE_MIN_COMPONENT_NODES} junctions (way ends and
 * nodes of two or more ways) when another segment lies within 300 m.
 *
 * <p>Reports, for the same seeded points as {@link CirclePolygonBench}: travel-time agreement at every graph node
 * (our node = OSM junction; share within 1 s), and per point area ratio ours/reference and IoU of the 15-min (and
 * 5-min) polygons, listing every point with IoU below 0.5.
 *
 * <p>Usage: {@code java -cp ... CircleReferenceBench [osm-file] [points]} (defaults Haidian, 30).
 */
public final class CircleReferenceBench {
    private CircleReferenceBench() {}

    private static final double SPEED = TravelProfile.ELDERLY_MEAN_WALK_MPS;
    private static final double BUFFER = ServiceAreaParams.DEFAULT_BUFFER_METERS;

    /** The reference network: OSM nodes used by accepted ways, one arc pair per way segment. */
    static final class Ref {
        final Map<Long, Integer> index = new HashMap<>();
        final List<double[]> lonLat = new ArrayList<>();
        final List<int[]> adj = new ArrayList<>(); // per node: neighbours reachable by one segment
        final Map<Long, Double> seconds = new HashMap<>(); // (from << 32 | to) -> seconds, per allowed direction
        final List<int[]> segs = new ArrayList<>(); // a, b (node indices)
        final Set<Integer> blocked = new HashSet<>(); // nodes walking may not pass (reached, never left)
        boolean[] islandSeg; // per segment: in a piece of fewer than Snapper.CIRCLE_MIN_COMPONENT_NODES junctions

        boolean allowed(int a, int b) {
            return seconds.containsKey(((long) a << 32) | b);
        }

        double seconds(int a, int b) {
            return seconds.get(((long) a << 32) | b);
        }

        int node(long id, Map<Long, double[]> coords) {
            Integer i = index.get(id);
            if (i == null) {
                i = lonLat.size();
                index.put(id, i);
                lonLat.add(coords.get(id));
                adj.add(new int[0]);
            }
            return i;
        }
    }

    static Ref read(Path osm, TravelProfile profile) throws Exception {
        Map<Long, double[]> coords = new HashMap<>();
        List<long[]> wayRefs = new ArrayList<>();
        List<Map<String, String>> wayTags = new ArrayList<>();
        Set<Long> blockedIds = new HashSet<>();
        XMLInputFactory f = XMLInputFactory.newInstance();
        try (InputStream in = Files.newInputStream(osm)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            List<Long> refs = null;
            Map<String, String> tags = null;
            Map<String, String> nodeTags = null;
            long nodeId = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName();
                    if (name.equals("node")) {
                        nodeId = Long.parseLong(r.getAttributeValue(null, "id"));
                        coords.put(nodeId, new double[] {
                            Double.parseDouble(r.getAttributeValue(null, "lon")),
                            Double.parseDouble(r.getAttributeValue(null, "lat"))});
                        nodeTags = new HashMap<>();
                    } else if (name.equals("tag") && nodeTags != null) {
                        nodeTags.put(r.getAttributeValue(null, "k"), r.getAttributeValue(null, "v"));
                    } else if (name.equals("way")) {
                        refs = new ArrayList<>();
                        tags = new HashMap<>();
                    } else if (name.equals("nd") && refs != null) {
                        refs.add(Long.parseLong(r.getAttributeValue(null, "ref")));
                    } else if (name.equals("tag") && tags != null) {
                        tags.put(r.getAttributeValue(null, "k"), r.getAttributeValue(null, "v"));
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("node")) {
                    if (profile.blocksPassage(nodeTags)) {
                        blockedIds.add(nodeId);
                    }
                    nodeTags = null;
                } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("way")) {
                    wayRefs.add(refs.stream().mapToLong(Long::longValue).toArray());
                    wayTags.add(tags);
                    refs = null;
                    tags = null;
                }
            }
        }
        // how many accepted ways use each node, and way ends: junctions are ends and nodes of two or more ways
        Map<Long, Integer> waysAt = new HashMap<>();
        Set<Long> ends = new HashSet<>();
        for (int w = 0; w < wayRefs.size(); w++) {
            if (profile.accepts(wayTags.get(w))) {
                long[] rs = wayRefs.get(w);
                for (long id : Arrays.stream(rs).distinct().toArray()) {
                    waysAt.merge(id, 1, Integer::sum);
                }
                ends.add(rs[0]);
                ends.add(rs[rs.length - 1]);
            }
        }
        Ref g = new Ref();
        for (int w = 0; w < wayRefs.size(); w++) {
            Map<String, String> tags = wayTags.get(w);
            if (!profile.accepts(tags)) {
                continue;
            }
            long[] rs = wayRefs.get(w);
            // an area outline touching no other accepted way adds no route (as OsmGraphBuilder decides)
            if ("yes".equals(tags.get("area")) && Arrays.stream(rs).allMatch(id -> waysAt.get(id) == 1)) {
                continue;
            }
            for (int i = 0; i + 1 < rs.length; i++) {
                double[] p = coords.get(rs[i]);
                double[] q = coords.get(rs[i + 1]);
                if (p == null || q == null || rs[i] == rs[i + 1]) {
                    continue;
                }
                double len = Geodesy.haversineMeters(p[0], p[1], q[0], q[1]);
                double fwd = profile.forwardSeconds(tags, len);
                double bwd = profile.backwardSeconds(tags, len);
                int a = g.node(rs[i], coords);
                int b = g.node(rs[i + 1], coords);
                g.segs.add(new int[] {a, b});
                if (fwd >= 0) {
                    link(g, a, b, fwd);
                }
                if (bwd >= 0) {
                    link(g, b, a, bwd);
                }
            }
        }
        for (long id : blockedIds) {
            Integer i = g.index.get(id);
            if (i != null) {
                g.blocked.add(i);
            }
        }
        // pieces: union-find over segments, not through blocked nodes; size = junctions (+1 per extra piece a
        // blocked node ends, as our graph copies it)
        int n = g.lonLat.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int[] sg : g.segs) {
            if (!g.blocked.contains(sg[0]) && !g.blocked.contains(sg[1])) {
                parent[root(parent, sg[0])] = root(parent, sg[1]);
            }
        }
        Map<Integer, Integer> junctions = new HashMap<>();
        for (Map.Entry<Long, Integer> en : g.index.entrySet()) {
            long id = en.getKey();
            if (ends.contains(id) || waysAt.getOrDefault(id, 0) >= 2 || blockedIds.contains(id)) {
                junctions.merge(root(parent, en.getValue()), 1, Integer::sum);
            }
        }
        g.islandSeg = new boolean[g.segs.size()];
        for (int s = 0; s < g.segs.size(); s++) {
            int[] sg = g.segs.get(s);
            int a = g.blocked.contains(sg[0]) ? sg[1] : sg[0];
            g.islandSeg[s] = junctions.getOrDefault(root(parent, a), 0) < Snapper.CIRCLE_MIN_COMPONENT_NODES;
        }
        return g;
    }

    private static int root(int[] parent, int x) {
        while (parent[x] != x) {
            x = parent[x] = parent[parent[x]];
        }
        return x;
    }

    private static void link(Ref g, int a, int b, double s) {
        Double old = g.seconds.get(((long) a << 32) | b);
        if (old == null) {
            int[] o = g.adj.get(a);
            int[] nw = Arrays.copyOf(o, o.length + 1);
            nw[o.length] = b;
            g.adj.set(a, nw);
        }
        if (old == null || s < old) { // two ways over the same node pair: the faster
            g.seconds.put(((long) a << 32) | b, s);
        }
    }

    /** Plain Dijkstra from a point: nearest segment by brute force, entering at both ends. */
    static double[] dijkstra(Ref g, double lon, double lat, double budget, int[] snapSeg, double[] snapT) {
        double kx = Math.cos(Math.toRadians(lat)) * 111_195;
        double ky = 111_195;
        snapSeg[0] = nearestSeg(g, lon, lat, kx, ky, true, snapT);
        if (snapSeg[0] < 0) {
            snapSeg[0] = nearestSeg(g, lon, lat, kx, ky, false, snapT);
        }
        return search(g, snapSeg[0], snapT[0], budget);
    }

    /** Brute-force nearest segment (skipping island segments when asked) within the 300 m snap distance. */
    private static int nearestSeg(Ref g, double lon, double lat, double kx, double ky, boolean mainland,
                                  double[] snapT) {
        double best = 300;
        int bestSeg = -1;
        for (int s = 0; s < g.segs.size(); s++) {
            if (mainland && g.islandSeg[s]) {
                continue;
            }
            double[] a = g.lonLat.get(g.segs.get(s)[0]);
            double[] b = g.lonLat.get(g.segs.get(s)[1]);
            double ax = (a[0] - lon) * kx;
            double ay = (a[1] - lat) * ky;
            double bx = (b[0] - lon) * kx;
            double by = (b[1] - lat) * ky;
            double dx = bx - ax;
            double dy = by - ay;
            double l2 = dx * dx + dy * dy;
            double t = l2 == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / l2));
            double px = ax + t * dx;
            double py = ay + t * dy;
            double d = Math.sqrt(px * px + py * py);
            if (d < best) {
                best = d;
                bestSeg = s;
                snapT[0] = t;
            }
        }
        return bestSeg;
    }

    private static double[] search(Ref g, int snapSeg, double t, double budget) {
        int n = g.lonLat.size();
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        PriorityQueue<double[]> pq = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
        int[] sg = g.segs.get(snapSeg);
        if (g.allowed(sg[1], sg[0])) {
            double c = t * g.seconds(sg[1], sg[0]);
            pq.add(new double[] {c, sg[0]});
        }
        if (g.allowed(sg[0], sg[1])) {
            double c = (1 - t) * g.seconds(sg[0], sg[1]);
            pq.add(new double[] {c, sg[1]});
        }
        while (!pq.isEmpty()) {
            double[] top = pq.poll();
            int u = (int) top[1];
            if (top[0] > budget || dist[u] <= top[0]) {
                continue;
            }
            dist[u] = top[0];
            if (g.blocked.contains(u)) {
                continue; // reached, but not passed
            }
            for (int v : g.adj.get(u)) {
                double nd = top[0] + g.seconds(u, v);
                if (nd <= budget && nd < dist[v]) {
                    pq.add(new double[] {nd, v});
                }
            }
        }
        return dist;
    }

    /** Union of per-piece buffers of every segment part reached within the budget. */
    static Geometry polygon(Ref g, double[] dist, double budget, int snapSeg, double snapT, MetricProjection proj,
                            GeometryFactory gf) {
        List<Geometry> parts = new ArrayList<>();
        double[] xy = new double[2];
        for (int s = 0; s < g.segs.size(); s++) {
            int a = g.segs.get(s)[0];
            int b = g.segs.get(s)[1];
            double[] pa = g.lonLat.get(a);
            double[] pb = g.lonLat.get(b);
            Coordinate ca = metric(pa[0], pa[1], proj, xy);
            Coordinate cb = metric(pb[0], pb[1], proj, xy);
            if (s == snapSeg) {
                // the start: the snapped point, and the parts of its segment walkable from it within the budget
                Coordinate cp = lerp(ca, cb, snapT);
                parts.add(gf.createPoint(cp).buffer(BUFFER, 8));
                if (g.allowed(b, a) && snapT > 0) {
                    double f = Math.min(1, budget / (snapT * g.seconds(b, a)));
                    parts.add(gf.createLineString(new Coordinate[] {cp, lerp(cp, ca, f)}).buffer(BUFFER, 8));
                }
                if (g.allowed(a, b) && snapT < 1) {
                    double f = Math.min(1, budget / ((1 - snapT) * g.seconds(a, b)));
                    parts.add(gf.createLineString(new Coordinate[] {cp, lerp(cp, cb, f)}).buffer(BUFFER, 8));
                }
            }
            if (dist[a] <= budget && g.allowed(a, b) && !g.blocked.contains(a)) {
                double frac = Math.min(1, (budget - dist[a]) / g.seconds(a, b));
                parts.add(gf.createLineString(new Coordinate[] {ca, lerp(ca, cb, frac)}).buffer(BUFFER, 8));
            }
            if (dist[b] <= budget && g.allowed(b, a) && !g.blocked.contains(b)) {
                double frac = Math.min(1, (budget - dist[b]) / g.seconds(b, a));
                parts.add(gf.createLineString(new Coordinate[] {cb, lerp(cb, ca, frac)}).buffer(BUFFER, 8));
            }
        }
        return CascadedPolygonUnion.union(parts);
    }

    private static Coordinate lerp(Coordinate a, Coordinate b, double t) {
        return new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
    }

    private static Coordinate metric(double lon, double lat, MetricProjection proj, double[] xy) {
        proj.toMetric(lon, lat, xy);
        return new Coordinate(xy[0], xy[1]);
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path osm = CirclePolygonBench.osmArg(args);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        TravelProfile walk = TravelProfile.walk(SPEED, TravelProfile.DEFAULT_STEPS_FACTOR, 0);
        RoadGraph ours = OsmGraphBuilder.fromOsmXml(osm, walk);
        Ref ref = read(osm, walk);
        System.out.printf("ours: %d nodes, %d edges; reference: %d nodes, %d segments%n", ours.nodeCount(),
            ours.edgeCount(), ref.lonLat.size(), ref.segs.size());
        List<Facility> fs = CirclePolygonBench.points(ours, count);
        ServiceAreaParams p = ServiceAreaParams.defaults(SPEED).withMode(CircleMode.PER_FACILITY);
        ServiceAreaResult r = ServiceAreaCalculator.compute(ours, fs, p);
        MetricProjection proj = MetricProjection.forGeometry(Geometries.WGS84.createMultiPoint(
            fs.stream().map(Facility::location).toArray(Point[]::new)));
        GeometryFactory gf = new GeometryFactory();
        GraphSearch search = new GraphSearch(ours);
        Snapper snapper = new Snapper(ours, p.maxSnapMeters(), Snapper.CIRCLE_MIN_COMPONENT_NODES);
        long nodes = 0;
        long within1 = 0;
        List<String> off = new ArrayList<>();
        double[] ratio15 = new double[fs.size()];
        double[] iou15 = new double[fs.size()];
        double[] iou5 = new double[fs.size()];
        for (int i = 0; i < fs.size(); i++) {
            Facility f = fs.get(i);
            Snap snap = snapper.snap(f.location().getX(), f.location().getY()).orElseThrow();
            search.runFromSnaps(List.of(snap), 900);
            int[] seg = new int[1];
            double[] t = new double[1];
            double[] dist = dijkstra(ref, f.location().getX(), f.location().getY(), 900, seg, t);
            Map<Long, Double> ourMin = new HashMap<>(); // copies of a blocked node: one OSM node, least time
            for (int v = 0; v < ours.nodeCount(); v++) {
                ourMin.merge(ours.nodeExternalId(v), search.cost(v), Math::min);
            }
            Set<Long> seen = new HashSet<>();
            for (int v = 0; v < ours.nodeCount(); v++) {
                if (!seen.add(ours.nodeExternalId(v))) {
                    continue;
                }
                double a = ourMin.get(ours.nodeExternalId(v));
                Integer rv = ref.index.get(ours.nodeExternalId(v));
                double b = rv == null ? Double.POSITIVE_INFINITY : dist[rv];
                if (a > 900 && b > 900) {
                    continue;
                }
                nodes++;
                if (Math.abs(a - b) <= 1 || (Double.isInfinite(a) && b > 899) || (Double.isInfinite(b) && a > 899)) {
                    within1++;
                } else if (off.size() < 40) {
                    off.add(String.format("%s node %d: ours %.1f s, reference %.1f s", f.id(), ours.nodeExternalId(v),
                        a, b));
                }
            }
            List<ServiceArea> bands = r.listAreas(f.id());
            for (int k : new int[] {0, 2}) {
                double budget = bands.get(k).minutes() * 60;
                double[] dk = dijkstra(ref, f.location().getX(), f.location().getY(), budget, seg, t);
                Geometry refPoly = polygon(ref, dk, budget, seg[0], t[0], proj, gf);
                Geometry ourPoly = proj.toMetric(bands.get(k).area());
                double inter = ourPoly.intersection(refPoly).getArea();
                double union = ourPoly.getArea() + refPoly.getArea() - inter;
                double iou = union > 0 ? inter / union : 1;
                if (k == 2) {
                    ratio15[i] = ourPoly.getArea() / refPoly.getArea();
                    iou15[i] = iou;
                } else {
                    iou5[i] = iou;
                }
                if (iou < 0.5) {
                    System.out.printf("LOW IoU %s %.0f min: %.3f (ours %.0f m², reference %.0f m², snap %.1f m)%n",
                        f.id(), bands.get(k).minutes(), iou, ourPoly.getArea(), refPoly.getArea(),
                        snap.distanceMeters());
                }
            }
        }
        System.out.printf("nodes compared (reached by either within 900 s): %d; within 1 s: %d (%.2f %%)%n", nodes,
            within1, 100.0 * within1 / nodes);
        off.forEach(System.out::println);
        System.out.printf("15 min area ratio ours/reference: %s%n", quantiles(ratio15));
        System.out.printf("15 min IoU: %s%n", quantiles(iou15));
        System.out.printf(" 5 min IoU: %s%n", quantiles(iou5));
    }

    private static String quantiles(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("min %.3f, p10 %.3f, median %.3f, p90 %.3f, max %.3f", s[0], s[(int) (0.1 * (s.length - 1))],
            s[(s.length - 1) / 2], s[(int) Math.ceil(0.9 * (s.length - 1))], s[s.length - 1]);
    }
}
