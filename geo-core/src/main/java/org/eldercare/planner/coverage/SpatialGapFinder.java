package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.PlanningData;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Spatial gaps: uncovered demand points (nearest service facility beyond the service minutes, or not on the network;
 * elderly &gt; 0) clustered by single linkage at {@code linkMeters} (two points closer than that join one cluster,
 * transitively), each cluster drawn as the union of discs of {@code bufferMeters} around its points. Distances and
 * discs are computed in the data's metric projection ({@link MetricProjection#forLonLat} at the centre of the demand
 * points), minus the service circles when given (a gap they would erase keeps its discs). Ranked by uncovered elderly, descending (ties: the cluster whose first point comes first in input order).
 * Package-private helper of {@link CoverageAnalysis}.
 */
final class SpatialGapFinder {
    private static final int DISC_QUADRANT_SEGMENTS = 8;

    private final PlanningData data;
    private final CoverageNetwork network;
    private final String[] pointUnit;
    private final double[] nearestMinutes;
    private final double serviceMinutes;
    private final Map<String, AdminUnit> byCode;
    private final Map<String, List<String>> ancestors;
    private final double linkMeters;
    private final double bufferMeters;
    private final List<KindCircles> circles;

    SpatialGapFinder(PlanningData data, CoverageNetwork network, String[] pointUnit, double[] nearestMinutes, double serviceMinutes,
            Map<String, AdminUnit> byCode, Map<String, List<String>> ancestors, double linkMeters,
            double bufferMeters, List<KindCircles> circles) {
        this.data = data;
        this.network = network;
        this.pointUnit = pointUnit;
        this.nearestMinutes = nearestMinutes;
        this.serviceMinutes = serviceMinutes;
        this.byCode = byCode;
        this.ancestors = ancestors;
        this.linkMeters = linkMeters;
        this.bufferMeters = bufferMeters;
        this.circles = List.copyOf(circles);
    }

    List<SpatialGap> find() {
        List<DemandPoint> pts = data.demandPoints();
        List<Integer> unc = new ArrayList<>();
        Envelope env = new Envelope();
        for (int i = 0; i < pts.size(); i++) {
            if (pts.get(i).elderly() > 0 && !(nearestMinutes[i] <= serviceMinutes + 1e-9)) {
                unc.add(i);
                env.expandToInclude(pts.get(i).location().getCoordinate());
            }
        }
        if (unc.isEmpty()) {
            return List.of();
        }
        MetricProjection proj = MetricProjection.forLonLat(env.centre().x, env.centre().y);
        GeometryFactory mf = new GeometryFactory();
        int n = unc.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] xy = new double[2];
        STRtree tree = new STRtree();
        for (int k = 0; k < n; k++) {
            DemandPoint p = pts.get(unc.get(k));
            proj.toMetric(p.location().getX(), p.location().getY(), xy);
            x[k] = xy[0];
            y[k] = xy[1];
            tree.insert(new Envelope(x[k], x[k], y[k], y[k]), k);
        }
        tree.build();
        int[] parent = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = k;
        }
        for (int k = 0; k < n; k++) {
            @SuppressWarnings("unchecked")
            List<Integer> near = tree.query(new Envelope(x[k] - linkMeters, x[k] + linkMeters, y[k] - linkMeters,
                y[k] + linkMeters));
            for (int j : near) {
                if (j > k && Math.hypot(x[j] - x[k], y[j] - y[k]) <= linkMeters) {
                    union(parent, k, j);
                }
            }
        }
        Map<Integer, List<Integer>> clusters = new java.util.LinkedHashMap<>();
        for (int k = 0; k < n; k++) {
            clusters.computeIfAbsent(find(parent, k), r -> new ArrayList<>()).add(k);
        }
        List<Draft> drafts = new ArrayList<>();
        for (List<Integer> members : clusters.values()) {
            StringBuilder key = new StringBuilder().append(proj.epsg()).append('|').append(linkMeters).append('|').append(bufferMeters);
            for (int k : members) {
                key.append('|').append(unc.get(k));
            }
            String k = key.toString();
            drafts.add(clip(k, network.cachedGap(k, () -> draft(members, unc, pts, x, y, proj, mf)), proj));
        }
        drafts.sort(Comparator.comparingDouble(Draft::e).reversed().thenComparingInt(Draft::first));
        List<SpatialGap> out = new ArrayList<>();
        for (int r = 0; r < drafts.size(); r++) {
            Draft d = drafts.get(r);
            out.add(new SpatialGap(r + 1, d.wgs(), d.area(), d.e(), d.a80(), d.dis(), d.ids(), d.codes()));
        }
        return out;
    }

    /** Polygon, sums and touched units of one cluster. */
    private record Draft(int first, Geometry wgs, double area, double e, double a80, double dis, List<String> ids,
            List<String> codes) {}

    private Draft draft(List<Integer> members, List<Integer> unc, List<DemandPoint> pts, double[] x, double[] y,
            MetricProjection proj, GeometryFactory mf) {
        List<Geometry> discs = new ArrayList<>();
        double e = 0;
        double a80 = 0;
        double dis = 0;
        List<String> ids = new ArrayList<>();
        Set<String> codes = new TreeSet<>();
        for (int k : members) {
            int i = unc.get(k);
            DemandPoint p = pts.get(i);
            discs.add(mf.createPoint(new Coordinate(x[k], y[k])).buffer(bufferMeters, DISC_QUADRANT_SEGMENTS));
            e += p.elderly();
            a80 += p.age80plus();
            dis += p.disabled();
            ids.add(p.id());
            if (pointUnit[i] != null) {
                addTiers(pointUnit[i], codes);
            }
        }
        Geometry metric = UnaryUnionOp.union(discs);
        Geometry wgs = proj.toWgs84(metric);
        for (AdminUnit u : network.lowerTierUnitsIntersecting(wgs)) {
            codes.add(u.code());
        }
        return new Draft(unc.get(members.get(0)), wgs, metric.getArea(), e, a80, dis, ids, List.copyOf(codes));
    }

    /**
     * The draft minus the service circles: the facility circles of the service kinds that intersect it, subtracted
     * one after another (OverlayNG, which clips each to the draft's envelope first); unchanged when none touches it
     * or they would erase it. Cached by the cluster and the ids of the circles that touch it, so a what-if recomputes
     * only the clusters its added or moved facilities' circles touch.
     */
    private Draft clip(String clusterKey, Draft d, MetricProjection proj) {
        List<Geometry> near = new ArrayList<>();
        StringBuilder key = new StringBuilder(clusterKey).append("|minus");
        for (KindCircles kc : circles) {
            for (KindCircles.Circle c : kc.intersecting(d.wgs())) {
                near.add(c.geometry());
                key.append('|').append(c.id());
            }
        }
        if (near.isEmpty()) {
            return d;
        }
        return network.cachedGap(key.toString(), () -> {
            Geometry rest = d.wgs();
            for (Geometry circle : near) {
                rest = OverlayNGRobust.overlay(rest, circle, OverlayNG.DIFFERENCE);
                if (rest.isEmpty()) {
                    return d;
                }
            }
            if (rest.getArea() <= 0) {
                return d;
            }
            return new Draft(d.first(), rest, proj.areaM2(rest), d.e(), d.a80(), d.dis(), d.ids(), d.codes());
        });
    }

    /** The unit and its township/street and community/village ancestors. */
    private void addTiers(String code, Set<String> codes) {
        for (String a : ancestors.getOrDefault(code, List.of())) {
            AdminUnit u = byCode.get(a);
            if (u.level().isCommunityTier() || u.level().isTownshipTier()) {
                codes.add(a);
            }
        }
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
