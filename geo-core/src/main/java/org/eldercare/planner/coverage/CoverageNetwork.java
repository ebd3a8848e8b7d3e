package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.planner.circle.CircleMode;
import org.eldercare.planner.circle.ServiceArea;
import org.eldercare.planner.circle.ServiceAreaCalculator;
import org.eldercare.planner.circle.ServiceAreaParams;
import org.eldercare.planner.circle.ServiceAreaResult;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.AdminUnitIndex;
import org.eldercare.planner.model.DemandPoint;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.NearestSources;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.SnapReport;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelGraphs;
import org.eldercare.planner.network.TravelProfile;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The facility-independent, expensive part of a coverage analysis, built once per PlanningData and reused: the walking
 * {@link RoadGraph}, a {@link Snapper}, the snapped demand points, a point-in-polygon index of the admin units, and two
 * caches filled on demand: facility snaps (by id and position) and per-kind nearest-facility times (by kind and the
 * exact list of facilities of that kind). A what-if that adds, moves or removes one facility therefore recomputes one
 * multi-source search (the changed kind) and nothing else.
 *
 * <p>Thread-safe: the graph, snapper and index are immutable, the caches are concurrent, and each search uses its own
 * {@link GraphSearch}. The caches hold at most {@value #MAX_CACHED_KIND_RESULTS} per-kind results (cleared when full).
 */
public final class CoverageNetwork {
    /** Default maximum distance from a point to the road network, metres. */
    public static final double DEFAULT_MAX_SNAP_METERS = 300;
    static final int MAX_CACHED_KIND_RESULTS = 256;
    /** At most this many facility circles are cached for clipping spatial gaps. */
    static final int MAX_CACHED_CIRCLES = 20_000;

    private final RoadGraph graph;
    private final Snapper snapper;
    private final List<DemandPoint> demandPoints;
    private final List<AdminUnit> adminUnits;
    private final List<Snap> demandSnaps; // null entries for unsnapped points
    private final SnapReport demandReport;
    private final AdminUnitIndex unitIndex;
    private final Map<String, Optional<Snap>> facilitySnaps = new ConcurrentHashMap<>();
    private final Map<String, KindAccess> kindCache = new ConcurrentHashMap<>();
    private final Map<String, Object> gapCache = new ConcurrentHashMap<>();
    private final Map<String, KindCircles.Circle> circleCache = new ConcurrentHashMap<>();

    /**
     * @param data          the planning data whose demand points and admin units this network serves
     * @param graph         a walking graph (built with {@link TravelProfile#walk}); costs in seconds
     * @param maxSnapMeters maximum distance from a demand point or facility to the network, (0, 100000] m
     * @throws IllegalArgumentException when data or graph is missing, the graph is not a walking graph, or
     *                                  maxSnapMeters is out of range
     */
    public CoverageNetwork(PlanningData data, RoadGraph graph, double maxSnapMeters) {
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        if (graph == null) {
            throw new IllegalArgumentException("graph is required");
        }
        TravelProfile tp = graph.profile().orElseThrow(() -> new IllegalArgumentException(
            "graph must be a walking graph with a travel profile, was " + graph.profileName()));
        if (tp.mode() != TravelProfile.Mode.WALK) {
            throw new IllegalArgumentException("graph must be a walking graph, was " + graph.profileName());
        }
        this.graph = graph;
        this.snapper = new Snapper(graph, maxSnapMeters);
        this.demandPoints = data.demandPoints();
        this.adminUnits = data.adminUnits();
        this.demandReport = snapper.snapAll(demandPoints.stream().map(DemandPoint::id).toList(),
            demandPoints.stream().map(DemandPoint::location).toList());
        List<Snap> snaps = new ArrayList<>();
        for (int i = 0; i < demandPoints.size(); i++) {
            snaps.add(null);
        }
        for (SnapReport.Snapped s : demandReport.snapped()) {
            snaps.set(s.index(), s.snap());
        }
        this.demandSnaps = snaps;
        this.unitIndex = new AdminUnitIndex(adminUnits);
    }

    /**
     * Builds the walking graph from {@code data.roads()} at {@code walkSpeedMps} (default steps factor and crossing
     * penalty of {@link TravelProfile#walk(double)}, through {@link TravelGraphs}) and the network on it. A
     * {@code planning.PlanningSession} keeps its graphs instead and shares them between networks.
     */
    public static CoverageNetwork build(PlanningData data, double walkSpeedMps, double maxSnapMeters) {
        if (data == null) {
            throw new IllegalArgumentException("data is required");
        }
        return new CoverageNetwork(data, new TravelGraphs(data.roads()).walk(walkSpeedMps), maxSnapMeters);
    }

    public RoadGraph graph() {
        return graph;
    }

    /** Walking speed the graph's costs assume, m/s. */
    public double walkSpeedMps() {
        return graph.profile().orElseThrow().walkSpeedMps();
    }

    public double maxSnapMeters() {
        return snapper.maxSnapMeters();
    }

    /** Snapping outcome of the demand points (every point is in exactly one list). */
    public SnapReport demandSnapReport() {
        return demandReport;
    }

    /** True when this network was built for exactly these demand points and admin units. */
    boolean serves(PlanningData data) {
        return data.demandPoints().equals(demandPoints) && data.adminUnits().equals(adminUnits);
    }

    /** Snap of demand point {@code index}, or empty when it is too far from the network. */
    Optional<Snap> demandSnap(int index) {
        return Optional.ofNullable(demandSnaps.get(index));
    }

    /** Snap of a facility (cached by id and position), or empty when too far from the network. */
    Optional<Snap> facilitySnap(Facility f) {
        Point p = f.location();
        return facilitySnaps.computeIfAbsent(f.id() + "@" + p.getX() + "," + p.getY(),
            k -> snapper.snap(p.getX(), p.getY()));
    }

    /**
     * The deepest admin unit whose boundary contains {@code p} (community/village before township/street before county
     * before city; among equals the first in input order), or empty.
     */
    Optional<AdminUnit> locate(Point p) {
        return unitIndex.locate(p);
    }

    /**
     * Units of the community/village or township/street tier whose boundary intersects {@code g} (WGS84), through the
     * index.
     */
    List<AdminUnit> lowerTierUnitsIntersecting(org.locationtech.jts.geom.Geometry g) {
        return unitIndex.intersecting(g, AdminLevel.TOWNSHIP.tier());
    }

    /**
     * The service area of one kind's snapped facilities at {@code minutes}, as their circles from the {@code circle}
     * package ({@link ServiceAreaCalculator}, {@link CircleMode#PER_FACILITY}, default buffer, this network's snap
     * distance, WGS84), indexed for clipping spatial gaps. Each facility's circle is cached by kind, minutes, id and
     * position ({@value #MAX_CACHED_CIRCLES} at most, cleared when full), so a what-if computes only the circles of
     * the facilities it adds or moves.
     */
    KindCircles kindCircles(FacilityKind kind, List<Facility> facilities, double minutes) {
        List<KindCircles.Circle> circles = new ArrayList<>(facilities.size());
        List<Facility> missing = new ArrayList<>();
        List<String> missingKeys = new ArrayList<>();
        for (Facility f : facilities) {
            String key = kind.id() + '|' + minutes + '|' + f.id() + '@' + f.location().getX() + ','
                + f.location().getY();
            KindCircles.Circle c = circleCache.get(key);
            if (c == null) {
                missing.add(f);
                missingKeys.add(key);
            } else {
                circles.add(c);
            }
        }
        if (!missing.isEmpty()) {
            ServiceAreaParams params = ServiceAreaParams.defaults(walkSpeedMps()).withBreaksMinutes(List.of(minutes))
                .withMode(CircleMode.PER_FACILITY).withMaxSnapMeters(maxSnapMeters());
            Map<String, org.locationtech.jts.geom.Geometry> byId = new java.util.HashMap<>();
            for (ServiceArea a : ServiceAreaCalculator.compute(graph, missing, params).areas()) {
                byId.put(a.id(), a.area());
            }
            if (circleCache.size() + missing.size() > MAX_CACHED_CIRCLES) {
                circleCache.clear();
            }
            for (int i = 0; i < missing.size(); i++) {
                KindCircles.Circle c = KindCircles.Circle.of(byId.getOrDefault(missing.get(i).id(),
                    org.eldercare.planner.model.Geometries.WGS84.createPolygon()));
                KindCircles.Circle raced = circleCache.putIfAbsent(missingKeys.get(i), c);
                circles.add(raced == null ? c : raced);
            }
        }
        return new KindCircles(circles);
    }

    /**
     * Cache of spatial-gap clusters by their member demand points and parameters (a what-if changes few clusters).
     * Cleared when it holds more than 20 000 entries.
     */
    @SuppressWarnings("unchecked")
    <T> T cachedGap(String key, java.util.function.Supplier<T> make) {
        Object v = gapCache.get(key);
        if (v == null) {
            if (gapCache.size() > 20_000) {
                gapCache.clear();
            }
            v = make.get();
            gapCache.put(key, v);
        }
        return (T) v;
    }

    /**
     * Seconds from every demand point to the nearest of {@code facilities} (all snapped, one kind), within
     * {@code budgetSeconds}: ONE multi-source search ({@link GraphSearch#nearestSources}). Cached by kind, budget and
     * the exact facility list.
     */
    KindAccess kindAccess(FacilityKind kind, List<Facility> facilities, List<Snap> snaps, double budgetSeconds) {
        StringBuilder key = new StringBuilder(kind.id()).append('|').append(budgetSeconds);
        for (Facility f : facilities) {
            key.append('|').append(f.id()).append('@').append(f.location().getX()).append(',')
                .append(f.location().getY());
        }
        String k = key.toString();
        KindAccess cached = kindCache.get(k);
        if (cached != null) {
            return cached;
        }
        if (kindCache.size() >= MAX_CACHED_KIND_RESULTS) {
            kindCache.clear();
        }
        double[] seconds = new double[demandPoints.size()];
        int[] source = new int[demandPoints.size()];
        if (snaps.isEmpty()) {
            java.util.Arrays.fill(seconds, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(source, -1);
        } else {
            NearestSources ns = new GraphSearch(graph).nearestSources(snaps, budgetSeconds);
            for (int i = 0; i < seconds.length; i++) {
                Snap s = demandSnaps.get(i);
                seconds[i] = s == null ? Double.POSITIVE_INFINITY : ns.costTo(s);
                source[i] = s == null ? -1 : ns.sourceTo(s);
            }
        }
        List<String> ids = facilities.stream().map(Facility::id).toList();
        KindAccess ka = new KindAccess(seconds, source, ids);
        kindCache.put(k, ka);
        return ka;
    }

    /** Per demand point: seconds to the nearest facility of one kind and that facility's id. Not exposed. */
    static final class KindAccess {
        private final double[] seconds;
        private final int[] source;
        private final List<String> facilityIds;

        KindAccess(double[] seconds, int[] source, List<String> facilityIds) {
            this.seconds = seconds;
            this.source = source;
            this.facilityIds = List.copyOf(facilityIds);
        }

        double seconds(int demandIndex) {
            return seconds[demandIndex];
        }

        Optional<String> facilityId(int demandIndex) {
            int s = source[demandIndex];
            return s < 0 ? Optional.empty() : Optional.of(facilityIds.get(s));
        }
    }
}
