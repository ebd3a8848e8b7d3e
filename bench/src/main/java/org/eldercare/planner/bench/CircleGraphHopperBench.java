package org.eldercare.planner.bench;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.isochrone.algorithm.ContourBuilder;
import com.graphhopper.isochrone.algorithm.JTSTriangulator;
import com.graphhopper.isochrone.algorithm.ShortestPathTree;
import com.graphhopper.isochrone.algorithm.Triangulator;
import com.graphhopper.routing.querygraph.QueryGraph;
import com.graphhopper.routing.ev.Subnetwork;
import com.graphhopper.routing.util.DefaultSnapFilter;
import com.graphhopper.routing.util.EdgeFilter;
import com.graphhopper.routing.util.TraversalMode;
import com.graphhopper.routing.weighting.Weighting;
import com.graphhopper.storage.NodeAccess;
import com.graphhopper.storage.index.Snap;
import com.graphhopper.util.CustomModel;
import com.graphhopper.util.PMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.OsmGraphBuilder;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelProfile;

import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

/**
 * Node-by-node reach against GraphHopper 11 (peer engine, public API, bench module only), not a test. Both read the
 * same OSM file; GraphHopper's foot access (its own way filter) with a custom model capping every speed at 0.76 m/s
 * (2.736 km/h) and priority 0 where foot access is false; ours walks at 0.76 m/s without crossing penalty. For the
 * seeded points of {@link CirclePolygonBench}, each is snapped by each engine; GraphHopper's
 * {@link ShortestPathTree} with a 900 s time limit gives the time of every reached node, matched to our junction
 * nodes by coordinates (1e-6°). Reports the share of nodes reached by either whose times agree within 1 s, and lists
 * (up to 200) the nodes both reach with times more than 1 s apart.
 *
 * <p>Also reports the agreement after removing each point's start offset (the median time difference over nodes
 * both reach: the two engines snap the same point to slightly different positions), and the nodes only one engine
 * reaches (way filter).
 *
 * <p>Usage: {@code java -cp ... CircleGraphHopperBench [osm-file] [points] [our steps factor]}.
 */
public final class CircleGraphHopperBench {
    private CircleGraphHopperBench() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        Path osm = CirclePolygonBench.osmArg(args);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        double stepsFactor = args.length > 2 ? Double.parseDouble(args[2]) : TravelProfile.DEFAULT_STEPS_FACTOR;
        double speed = TravelProfile.ELDERLY_MEAN_WALK_MPS;
        RoadGraph ours = OsmGraphBuilder.fromOsmXml(osm, TravelProfile.walk(speed, stepsFactor, 0));
        Path dir = Files.createTempDirectory("gh-circle");
        GraphHopper gh = new GraphHopper();
        gh.setOSMFile(osm.toString());
        gh.setGraphHopperLocation(dir.toString());
        gh.setEncodedValuesString("foot_access, foot_priority, foot_average_speed");
        CustomModel cm = new CustomModel();
        cm.addToPriority(If("!foot_access", MULTIPLY, "0"));
        cm.addToSpeed(If("true", LIMIT, String.valueOf(speed * 3.6)));
        Profile profile = new Profile("foot").setCustomModel(cm);
        gh.setProfiles(profile);
        long t0 = System.nanoTime();
        gh.importOrLoad();
        System.out.printf("GraphHopper import %.0f ms: %d nodes, %d edges; ours %d nodes, %d edges%n",
            (System.nanoTime() - t0) / 1e6, gh.getBaseGraph().getNodes(), gh.getBaseGraph().getEdges(),
            ours.nodeCount(), ours.edgeCount());
        Weighting w = gh.createWeighting(profile, new PMap());
        EdgeFilter snapFilter = new DefaultSnapFilter(w,
            gh.getEncodingManager().getBooleanEncodedValue(Subnetwork.key(profile.getName())));
        // our nodes by coordinates; copies of one OSM node (a node walking may not pass is split into one copy per
        // piece, see OsmGraphBuilder) count as one node with the least time of the copies
        Map<Long, Integer> byCoord = new HashMap<>();
        int[] canon = new int[ours.nodeCount()];
        for (int v = 0; v < ours.nodeCount(); v++) {
            final int node = v;
            canon[v] = byCoord.computeIfAbsent(key(ours.nodeLat(v), ours.nodeLon(v)), k -> node);
        }
        double[] ourCost = new double[ours.nodeCount()];
        List<Facility> fs = CirclePolygonBench.points(ours, count);
        Snapper snapper = new Snapper(ours, 300, Snapper.CIRCLE_MIN_COMPONENT_NODES);
        GraphSearch search = new GraphSearch(ours);
        ServiceAreaResult circles = ServiceAreaCalculator.compute(ours, fs,
            ServiceAreaParams.defaults(speed).withMode(CircleMode.PER_FACILITY));
        MetricProjection proj = MetricProjection.forGeometry(Geometries.WGS84.createMultiPoint(
            fs.stream().map(Facility::location).toArray(Point[]::new)));
        JTSTriangulator triangulator = new JTSTriangulator(gh.getRouterConfig());
        List<double[]> polyStats = new ArrayList<>(); // area ratio 15, IoU 15, IoU 5
        long compared = 0;
        long agree = 0;
        long agreeShifted = 0;
        long onlyOurs = 0;
        long onlyPeer = 0;
        List<String> off = new ArrayList<>();
        List<String> perPoint = new ArrayList<>();
        for (Facility f : fs) {
            double lon = f.location().getX();
            double lat = f.location().getY();
            org.eldercare.planner.network.Snap mySnap = snapper.snap(lon, lat).orElseThrow();
            search.runFromSnaps(List.of(mySnap), 900);
            java.util.Arrays.fill(ourCost, Double.POSITIVE_INFINITY);
            for (int v = 0; v < ours.nodeCount(); v++) {
                ourCost[canon[v]] = Math.min(ourCost[canon[v]], search.cost(v));
            }
            // as GraphHopper's own endpoints snap: onto edges the profile can use, outside removed subnetworks
            Snap snap = gh.getLocationIndex().findClosest(lat, lon, snapFilter);
            if (!snap.isValid()) {
                System.out.println(f.id() + ": GraphHopper found no edge");
                continue;
            }
            QueryGraph qg = QueryGraph.create(gh.getBaseGraph(), snap);
            ShortestPathTree spt = new ShortestPathTree(qg, qg.wrapWeighting(w), false, TraversalMode.NODE_BASED);
            spt.setTimeLimit(900_000);
            Map<Integer, Double> ghTime = new HashMap<>();
            NodeAccess na = qg.getNodeAccess();
            spt.search(snap.getClosestNode(), l -> {
                Integer v = byCoord.get(key(na.getLat(l.node), na.getLon(l.node)));
                if (v != null) {
                    ghTime.merge(v, l.time / 1000.0, Math::min);
                }
            });
            // the start offset: median of (peer - ours) over nodes both reach (different snap positions shift all)
            List<Double> diffs = new ArrayList<>();
            for (int v = 0; v < ours.nodeCount(); v++) {
                double b = ghTime.getOrDefault(v, Double.POSITIVE_INFINITY);
                if (canon[v] == v && ourCost[v] <= 900 && b <= 900) {
                    diffs.add(b - ourCost[v]);
                }
            }
            diffs.sort(null);
            double shift = diffs.isEmpty() ? 0 : diffs.get(diffs.size() / 2);
            // GraphHopper's isochrone polygons as its /isochrone endpoint builds them: a tree searched beyond the
            // limit (limit + max(14 %, 200 s)), a triangulation of the reached nodes, contours at 5 and 15 min
            ShortestPathTree tree = new ShortestPathTree(qg, qg.wrapWeighting(w), false, TraversalMode.NODE_BASED);
            tree.setTimeLimit(900_000 + Math.max(900_000 * 0.14, 200_000));
            Triangulator.Result tri;
            try {
                tri = triangulator.triangulate(snap, qg, tree, l -> l.time, 0);
            } catch (IllegalArgumentException e) {
                System.out.printf("%s: no GraphHopper polygon (%s)%n", f.id(), e.getMessage());
                tri = null;
            }
            ContourBuilder contours = tri == null ? null : new ContourBuilder(tri.triangulation);
            double[] st = new double[3];
            for (int k = tri == null ? 3 : 0; k < 3; k += 2) {
                double minutes = circles.listAreas(f.id()).get(k).minutes();
                Geometry peer = proj.toMetric(contours.computeIsoline(minutes * 60_000, tri.seedEdges));
                Geometry mine = proj.toMetric(circles.listAreas(f.id()).get(k).area());
                double inter = mine.intersection(peer).getArea();
                double iou = inter / (mine.getArea() + peer.getArea() - inter);
                if (k == 2) {
                    st[0] = mine.getArea() / peer.getArea();
                    st[1] = iou;
                } else {
                    st[2] = iou;
                }
                if (iou < 0.5) {
                    // where they differ: the larger part of each side's surplus, as area and centre (WGS84)
                    Geometry peerOnly = peer.difference(mine);
                    Geometry oursOnly = mine.difference(peer);
                    System.out.printf("LOW IoU %s %.0f min: %.3f (ours %.0f m², GraphHopper %.0f m²; only GraphHopper "
                        + "%s, only ours %s)%n", f.id(), minutes, iou, mine.getArea(), peer.getArea(),
                        where(peerOnly, proj), where(oursOnly, proj));
                }
            }
            if (tri != null) {
                polyStats.add(st);
            }
            int pCompared = 0;
            int pAgree = 0;
            int pOnlyPeer = 0;
            int pOnlyOurs = 0;
            String peerOnlyExample = "";
            for (int v = 0; v < ours.nodeCount(); v++) {
                double a = ourCost[v];
                double b = ghTime.getOrDefault(v, Double.POSITIVE_INFINITY);
                if (canon[v] != v || (a > 900 && b > 900)) {
                    continue;
                }
                pCompared++;
                if (Math.abs(a - b) <= 1 || (Double.isInfinite(a) && b > 899) || (Double.isInfinite(b) && a > 899)) {
                    pAgree++;
                }
                if (Double.isInfinite(a) && b < 899) {
                    pOnlyPeer++;
                    if (peerOnlyExample.isEmpty()) {
                        peerOnlyExample = String.format(", e.g. node %d (%.6f, %.6f) GraphHopper %.1f s",
                            ours.nodeExternalId(v), ours.nodeLon(v), ours.nodeLat(v), b);
                    }
                }
                if (Double.isInfinite(b) && a < 899) {
                    pOnlyOurs++;
                }
                compared++;
                if (Math.abs(a + shift - b) <= 1 || (Double.isInfinite(a) && b - shift > 899)
                    || (Double.isInfinite(b) && a + shift > 899)) {
                    agreeShifted++;
                }
                if (Double.isInfinite(a) && b < 899) {
                    onlyPeer++;
                }
                if (Double.isInfinite(b) && a < 899) {
                    onlyOurs++;
                }
                if (Math.abs(a - b) <= 1 || (Double.isInfinite(a) && b > 899) || (Double.isInfinite(b) && a > 899)) {
                    agree++;
                } else if (off.size() < 200 && !(Double.isInfinite(a) || Double.isInfinite(b))) {
                    off.add(String.format("%s node %d (%.6f, %.6f): ours %.1f s, GraphHopper %.1f s", f.id(),
                        ours.nodeExternalId(v), ours.nodeLon(v), ours.nodeLat(v), a, b));
                }
            }
            if (pAgree < pCompared) {
                perPoint.add(String.format("%s (%.6f, %.6f): %d nodes, %d within 1 s, only GraphHopper %d, only ours %d; "
                    + "ours snapped %.1f m onto way %d, GraphHopper %.1f m onto its edge %d (start offset %.1f s)%s", f.id(),
                    lon, lat, pCompared, pAgree, pOnlyPeer, pOnlyOurs, mySnap.distanceMeters(),
                    ours.edgeOriginalId(mySnap.edge()), snap.getQueryDistance(),
                    snap.getClosestEdge().getEdge(), shift, peerOnlyExample));
            }
        }
        perPoint.forEach(System.out::println);
        System.out.printf("nodes reached by either within 900 s: %d; within 1 s: %d (%.2f %%); within 1 s after the "
            + "per-point start offset: %d (%.2f %%); reached only by GraphHopper: %d, only by ours: %d%n", compared, agree,
            100.0 * agree / compared, agreeShifted, 100.0 * agreeShifted / compared, onlyPeer, onlyOurs);
        off.forEach(System.out::println);
        String[] names = {"15 min area ratio ours/GraphHopper", "15 min IoU", " 5 min IoU"};
        for (int c = 0; c < 3; c++) {
            double[] col = new double[polyStats.size()];
            for (int i = 0; i < col.length; i++) {
                col[i] = polyStats.get(i)[c];
            }
            java.util.Arrays.sort(col);
            System.out.printf("%s: min %.3f, p10 %.3f, median %.3f, p90 %.3f, max %.3f%n", names[c], col[0],
                col[(int) (0.1 * (col.length - 1))], col[(col.length - 1) / 2], col[(int) Math.ceil(0.9 * (col.length - 1))],
                col[col.length - 1]);
        }
        gh.close();
    }

    /** Area and centre (WGS84) of a metric geometry, e.g. "1200 m² around (116.31000, 40.00000)". */
    private static String where(Geometry metric, MetricProjection proj) {
        if (metric.isEmpty()) {
            return "0 m²";
        }
        Point c = proj.toWgs84(metric.getCentroid()).getCentroid();
        return String.format("%.0f m² around (%.5f, %.5f)", metric.getArea(), c.getX(), c.getY());
    }

    private static long key(double lat, double lon) {
        return Math.round(lat * 1e6) * 1_000_000_000L + Math.round(lon * 1e6);
    }
}
