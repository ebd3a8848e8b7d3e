package org.eldercare.planner.circle;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.SnapReport;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Computes service areas (the 15-minute elderly-service circle, 一刻钟居家养老服务圈): for each facility the area
 * reachable within each time band along the road network.
 *
 * <p>Method: each facility is snapped to the nearest edge (within {@link ServiceAreaParams#maxSnapMeters()}; farther
 * ones are reported in {@link ServiceAreaResult#unsnapped()} and get no area), avoiding islands of fewer than
 * {@link Snapper#CIRCLE_MIN_COMPONENT_NODES} nodes when a larger piece lies within that distance. A Dijkstra search from the snapped
 * position (partial edge) runs to the largest band; for each band the reached road pieces are collected, including
 * the partial edge at the boundary (the share of the edge the remaining time allows) and the pieces around the start.
 * The band polygon is the set of places within {@link ServiceAreaParams#bufferMeters()} B of those pieces in a metric
 * projection ({@link MetricProjection}, Gauss-Krüger zone of the facilities, in its affine expansion at each start:
 * {@link LocalFrame}), drawn on a grid of B/5 cells
 * ({@link BandRaster}: a cell is inside when its centre is within B of a reached piece; rings follow cell edges).
 * Each cell keeps the smallest band that reaches it, so bands are nested exactly (10-min ⊇ 5-min). Enclosed cells
 * farther than B from all reached road stay holes; unreached roads (one-way against travel, excluded motorways,
 * beyond the budget) leave no area except where they lie within B of a reached piece. The full definition, with
 * its tolerances, is in docs/network-and-circles.md ("Service-area polygon definition").
 *
 * <p>Modes ({@link CircleMode}): per facility; dissolved per kind (one multi-source search per kind: the union of the
 * kind's reach); split (one multi-source search per kind, each road piece assigned to its nearest facility, edges
 * shared by two facilities cut at the point of equal time; buffers are made disjoint by giving an overlap to the
 * facility listed first, using the largest band's polygons so that bands stay nested).
 *
 * <p>Times come from the graph's profile (seconds per arc); {@link ServiceArea#speedMps()} reports its walking
 * speed. Without a graph ({@link #euclidean}) circles of radius speed × time × detour factor are drawn and marked
 * approximate. Inputs are copied; the calculator is immutable and {@link #compute()} may be called repeatedly.
 */
public final class ServiceAreaCalculator {
    /** Grid cell side as a share of the buffer: 50 m buffer, 10 m cells. */
    static final double CELL_PER_BUFFER = 0.2;
    /**
     * Holes smaller than this many cells are filled. One: every enclosed cell whose centre is farther than the buffer
     * from all reached road is a place no reached road serves, so any hole the grid can show is kept.
     */
    static final int MIN_HOLE_CELLS = 1;

    private final RoadGraph graph;
    private final List<Facility> facilities;
    private final ServiceAreaParams params;

    /**
     * @param graph      road graph whose arc costs are seconds (built with a {@link TravelProfile}), or null to draw
     *                   approximate Euclidean circles
     * @param facilities facilities to compute areas for (WGS84 locations); ids unique
     * @param params     bands, mode, buffer, snap distance, fallback speed
     * @throws IllegalArgumentException for null params/facilities, duplicate ids, or a graph without a travel profile
     */
    public ServiceAreaCalculator(RoadGraph graph, List<Facility> facilities, ServiceAreaParams params) {
        if (facilities == null || params == null) {
            throw new IllegalArgumentException("facilities and params are required");
        }
        if (graph != null && graph.profile().isEmpty()) {
            throw new IllegalArgumentException("graph: arc costs must be seconds of a travel profile; '"
                + graph.profileName() + "' has none");
        }
        this.facilities = List.copyOf(facilities);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Facility f : this.facilities) {
            if (!ids.add(f.id())) {
                throw new IllegalArgumentException("facilities: duplicate id '" + f.id() + "'");
            }
        }
        this.graph = graph;
        this.params = params;
    }

    /** Shortcut for {@code new ServiceAreaCalculator(graph, facilities, params).compute()}. */
    public static ServiceAreaResult compute(RoadGraph graph, List<Facility> facilities, ServiceAreaParams params) {
        return new ServiceAreaCalculator(graph, facilities, params).compute();
    }

    /** Approximate Euclidean circles (no network): shortcut for a calculator without graph. */
    public static ServiceAreaResult euclidean(List<Facility> facilities, ServiceAreaParams params) {
        return new ServiceAreaCalculator(null, facilities, params).compute();
    }

    /** Computes all areas. */
    public ServiceAreaResult compute() {
        if (facilities.isEmpty()) {
            return new ServiceAreaResult(List.of(), List.of(), params.mode(), graph == null ? 0 : params.bufferMeters(),
                graph == null, 0, 0, 0, 0);
        }
        MetricProjection proj = MetricProjection.forGeometry(Geometries.WGS84.createMultiPoint(
            facilities.stream().map(Facility::location).toArray(Point[]::new)));
        GeometryFactory metric = new GeometryFactory(new PrecisionModel(), proj.epsg());
        return graph == null ? computeEuclidean(proj, metric) : computeNetwork(proj, metric);
    }

    /** A group of facilities searched together (one facility, or one kind). */
    private record Group(FacilityKind kind, List<Facility> members, List<Snap> snaps) {}

    private List<Group> groups(List<Facility> fs, List<Snap> snaps) {
        List<Group> out = new ArrayList<>();
        if (params.mode() == CircleMode.PER_FACILITY) {
            for (int i = 0; i < fs.size(); i++) {
                out.add(new Group(fs.get(i).kind(), List.of(fs.get(i)), snaps == null ? List.of() : List.of(snaps.get(i))));
            }
            return out;
        }
        Map<FacilityKind, List<Integer>> byKind = new LinkedHashMap<>();
        for (int i = 0; i < fs.size(); i++) {
            byKind.computeIfAbsent(fs.get(i).kind(), k -> new ArrayList<>()).add(i);
        }
        for (var en : byKind.entrySet()) {
            List<Facility> m = en.getValue().stream().map(fs::get).toList();
            List<Snap> s = snaps == null ? List.of() : en.getValue().stream().map(snaps::get).toList();
            out.add(new Group(en.getKey(), m, s));
        }
        return out;
    }

    private ServiceAreaResult computeNetwork(MetricProjection proj, GeometryFactory metric) {
        Snapper snapper = new Snapper(graph, params.maxSnapMeters(), Snapper.CIRCLE_MIN_COMPONENT_NODES);
        SnapReport report = snapper.snapAll(facilities.stream().map(Facility::id).toList(),
            facilities.stream().map(Facility::location).toList());
        List<Facility> placed = new ArrayList<>();
        List<Snap> snaps = new ArrayList<>();
        for (SnapReport.Snapped s : report.snapped()) {
            placed.add(facilities.get(s.index()));
            snaps.add(s.snap());
        }
        TravelProfile profile = graph.profile().orElseThrow();
        double speed = profile.mode() == TravelProfile.Mode.WALK ? profile.walkSpeedMps() : Double.NaN;
        List<Double> breaks = params.breaksMinutes();
        int nb = breaks.size();
        double maxBudget = breaks.get(nb - 1) * 60;
        double[] budgets = new double[nb];
        for (int k = 0; k < nb; k++) {
            budgets[k] = breaks.get(k) * 60;
        }
        GraphSearch search = new GraphSearch(graph);
        long searchNanos = 0;
        long polyNanos = 0;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        boolean cpu = mx.isCurrentThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
        long searchCpu = 0;
        long polyCpu = 0;
        List<ServiceArea> out = new ArrayList<>();
        double[] xy = new double[2];
        List<BandRaster> rasters = new ArrayList<>();
        // edges already added whole in an inner band of the current group: an outer band reaches them again, and the
        // raster keeps the smallest band anyway, so they are not stamped twice
        int[] wholeIn = new int[graph.edgeCount()];
        int[] run = {0};
        double cell = params.bufferMeters() * CELL_PER_BUFFER;
        boolean perFacility = params.mode() == CircleMode.PER_FACILITY;
        Pieces pieces = new Pieces(EdgeFootprints.of(graph, proj, params.bufferMeters(), cell));
        for (Group grp : groups(placed, snaps)) {
            run[0]++;
            pieces.run = run[0];
            long c0 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            search.runFromSnaps(grp.snaps(), maxBudget);
            long t1 = System.nanoTime();
            long c1 = cpu ? mx.getCurrentThreadCpuTime() : 0;
            searchNanos += t1 - t0;
            searchCpu += c1 - c0;
            // one raster per nearest start (compact, aligned to the same grid), each in its start's local frame;
            // DISSOLVE and SPLIT combine them on one grid (or, when too wide, with JTS)
            int groups = grp.members().size();
            int labels = params.mode() == CircleMode.SPLIT ? groups : 1;
            Geometry[][] raw = new Geometry[labels][nb];
            double[][] area = new double[labels][nb];
            double[][] length = new double[labels][nb];
            while (rasters.size() < groups) {
                rasters.add(new BandRaster());
            }
            LocalFrame[] frames = new LocalFrame[groups];
            for (int s = 0; s < groups; s++) {
                rasters.get(s).clear();
                Snap sn = grp.snaps().get(s);
                frames[s] = new LocalFrame(proj, sn.lon(), sn.lat());
                frames[s].toMetric(sn.lon(), sn.lat(), xy);
                rasters.get(s).add(xy[0], xy[1], xy[0], xy[1], 0);
            }
            search.forEachReachedPiece(budgets, (edge, from, to, src, band) -> {
                length[labels == 1 ? 0 : src][band] += (to - from) * graph.edgeLengthMeters(edge);
                if (wholeIn[edge] == run[0]) {
                    return;
                }
                if (from == 0 && to == 1) {
                    wholeIn[edge] = run[0];
                }
                pieces.add(edge, from, to, frames[src], rasters.get(src), band, src);
            });
            // dissolve and split draw all starts on one grid when it is small enough; else per start, then JTS
            double buffer = params.bufferMeters();
            boolean oneGrid = groups > 1 && switch (params.mode()) {
                case DISSOLVE -> dissolveOnOneGrid(rasters, groups, buffer, cell, nb, minHoleM2(), metric, raw[0]);
                case SPLIT -> splitOnOneGrid(rasters, groups, buffer, cell, nb, minHoleM2(), metric, raw, area);
                default -> false;
            };
            if (!oneGrid) {
                Geometry[][] perSource = new Geometry[groups][];
                for (int s = 0; s < groups; s++) {
                    // per facility the polygon goes straight to WGS84 through the start's frame; merged modes stay
                    // metric for their JTS union/difference and are converted after it
                    perSource[s] = perFacility
                        ? rasters.get(s).polygons(nb, buffer, cell, minHoleM2(), Geometries.WGS84, frames[s], area[0])
                        : rasters.get(s).polygons(nb, buffer, cell, minHoleM2(), metric);
                }
                for (int k = 0; k < nb; k++) {
                    if (labels == groups) {
                        for (int l = 0; l < labels; l++) {
                            raw[l][k] = perSource[l][k];
                        }
                    } else {
                        List<Geometry> all = new ArrayList<>();
                        for (int s = 0; s < groups; s++) {
                            all.add(perSource[s][k]);
                        }
                        raw[0][k] = groups == 1 ? all.get(0) : OverlayNGRobust.union(all);
                    }
                }
                if (params.mode() == CircleMode.SPLIT) {
                    split(raw, nb);
                }
            }
            if (!perFacility) {
                for (int l = 0; l < labels; l++) {
                    for (int k = 0; k < nb; k++) {
                        area[l][k] = raw[l][k].getArea();
                        raw[l][k] = proj.toWgs84(raw[l][k]);
                    }
                }
            }
            polyNanos += System.nanoTime() - t1;
            polyCpu += cpu ? mx.getCurrentThreadCpuTime() - c1 : 0;
            for (int l = 0; l < labels; l++) {
                List<Facility> who = labels == 1 ? grp.members() : List.of(grp.members().get(l));
                String id = params.mode() == CircleMode.DISSOLVE ? grp.kind().id() : who.get(0).id();
                for (int k = 0; k < nb; k++) {
                    out.add(new ServiceArea(id, who.stream().map(Facility::id).toList(), grp.kind(), breaks.get(k),
                        speed, raw[l][k], area[l][k], length[l][k], false));
                }
            }
        }
        return new ServiceAreaResult(out, report.unsnapped(), params.mode(), params.bufferMeters(), false,
            searchNanos / 1e6, polyNanos / 1e6, cpu ? searchCpu / 1e6 : Double.NaN, cpu ? polyCpu / 1e6 : Double.NaN);
    }

    /**
     * Largest grid (cells) on which a kind's dissolved circles are drawn at once (3 bit planes of 64 M cells are
     * 24 MB, a county of 80 km × 80 km at 10 m cells), and largest mask of split mode's cells already taken (8 MB).
     * Kinds spread wider are drawn per start and unioned or differenced with JTS.
     */
    static final long MAX_DISSOLVE_CELLS = 64_000_000L;

    /**
     * Dissolve on one grid: when the starts' common grid is at most {@link #MAX_DISSOLVE_CELLS} cells, moves every
     * start's pieces into the first raster and writes its polygons (metric) to {@code out}; then true. All rasters
     * are aligned to the same absolute grid, so these are the union of their cells. Else nothing is moved.
     */
    private static boolean dissolveOnOneGrid(List<BandRaster> rasters, int groups, double buffer, double cell, int nb,
                                             double minHoleM2, GeometryFactory metric, Geometry[] out) {
        long[] b = commonBounds(rasters, groups, buffer, cell);
        if ((double) (b[2] - b[0]) * (b[3] - b[1]) > MAX_DISSOLVE_CELLS) {
            return false;
        }
        for (int s = 1; s < groups; s++) {
            rasters.get(0).absorb(rasters.get(s));
        }
        System.arraycopy(rasters.get(0).polygons(nb, buffer, cell, minHoleM2, metric), 0, out, 0, nb);
        return true;
    }

    /**
     * Split on one mask: when the starts' common grid is at most {@link #MAX_DISSOLVE_CELLS} cells, writes each
     * start's cells less those of the starts before it (metric polygons, {@code raw[s]}, and their areas) and
     * returns true; else does nothing.
     */
    private static boolean splitOnOneGrid(List<BandRaster> rasters, int groups, double buffer, double cell, int nb,
                                          double minHoleM2, GeometryFactory metric, Geometry[][] raw,
                                          double[][] area) {
        long[] b = commonBounds(rasters, groups, buffer, cell);
        if (BandRaster.Taken.cells(b[0], b[1], b[2], b[3]) > MAX_DISSOLVE_CELLS) {
            return false;
        }
        BandRaster.Taken taken = new BandRaster.Taken(b[0], b[1], b[2], b[3]);
        for (int s = 0; s < groups; s++) {
            System.arraycopy(rasters.get(s).splitPolygons(nb, buffer, cell, minHoleM2, metric, area[s], taken), 0,
                raw[s], 0, nb);
        }
        return true;
    }

    /** The grid bounds (absolute cells {min i, min j, max i + 1, max j + 1}) of the first {@code groups} rasters. */
    private static long[] commonBounds(List<BandRaster> rasters, int groups, double buffer, double cell) {
        long[] out = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE};
        for (int s = 0; s < groups; s++) {
            long[] b = rasters.get(s).bounds(buffer, cell);
            out[0] = Math.min(out[0], b[0]);
            out[1] = Math.min(out[1], b[1]);
            out[2] = Math.max(out[2], b[2]);
            out[3] = Math.max(out[3], b[3]);
        }
        return out;
    }

    /** Minimum area of a hole (m²): enclosed unreached cells of smaller total area are filled. */
    private double minHoleM2() {
        double c = params.bufferMeters() * CELL_PER_BUFFER;
        return MIN_HOLE_CELLS * c * c * 0.999;
    }

    /**
     * Turns reached pieces into raster stamps. A whole edge is its shared footprint. A partial piece
     * {@code [from, to]} (fractions of the edge's length, as the search measures it: great-circle lengths) is cut
     * at those distances along the edge's vertices ({@link EdgeFootprints.Segments}): the segments it covers whole
     * are their shared footprints, the one or two it cuts are drawn as capsules in the start's frame. Reuses its
     * arrays.
     */
    private final class Pieces {
        private final EdgeFootprints footprints;
        private final double[] a = new double[2];
        private final double[] b = new double[2];
        /** Per graph node: the group run, source and smallest band whose raster already holds the node's disc. */
        private final int[] discRun = new int[graph.nodeCount()];
        private final int[] discSource = new int[graph.nodeCount()];
        private final int[] discBand = new int[graph.nodeCount()];
        int run;

        Pieces(EdgeFootprints footprints) {
            this.footprints = footprints;
        }

        /**
         * Whether the disc at graph node {@code v} must still be stamped into source {@code src}'s raster with band
         * {@code band} (then it is marked as stamped): not when it is there already with a band no larger. Pieces
         * come edge by edge, each edge's bands in increasing order, so a disc stamped for a later band of one edge
         * is stamped again for a smaller band of the next.
         */
        private boolean claimDisc(int v, int src, int band) {
            if (discRun[v] == run && discSource[v] == src && discBand[v] <= band) {
                return false;
            }
            discRun[v] = run;
            discSource[v] = src;
            discBand[v] = band;
            return true;
        }

        void add(int e, double from, double to, LocalFrame frame, BandRaster raster, int band, int src) {
            boolean capStart = from > 0 || claimDisc(graph.edgeFrom(e), src, band);
            boolean capEnd = to < 1 || claimDisc(graph.edgeTo(e), src, band);
            if (from == 0 && to == 1) {
                // the whole edge, end discs included: its shared footprint
                raster.addFootprint(footprints.get(graph, e), band);
                return;
            }
            if (graph.edgeVertexCount(e) == 2) {
                // one straight segment: the fractions are shares of it, no vertex distances to look up
                double lon0 = graph.edgeVertexLon(e, 0);
                double lat0 = graph.edgeVertexLat(e, 0);
                double dlon = graph.edgeVertexLon(e, 1) - lon0;
                double dlat = graph.edgeVertexLat(e, 1) - lat0;
                frame.toMetric(lon0 + from * dlon, lat0 + from * dlat, a);
                frame.toMetric(lon0 + to * dlon, lat0 + to * dlat, b);
                raster.add(a[0], a[1], b[0], b[1], band, capStart, capEnd);
                return;
            }
            EdgeFootprints.Segments sg = footprints.segments(graph, e);
            double[] cum = sg.cumMeters();
            long[][] segFp = sg.footprints();
            int last = cum.length - 2;
            double total = cum[last + 1];
            if (total == 0) {
                at(e, cum, 0, 0, frame, a);
                raster.add(a[0], a[1], a[0], a[1], band);
                return;
            }
            double d0 = from * total;
            double d1 = to * total;
            int t = 0;
            while (t < last && cum[t + 1] <= d0) {
                t++;
            }
            // segments the piece covers whole come from their shared footprints (end discs included); a segment cut
            // by an end of the piece is drawn as a capsule, with the disc at a vertex only where the piece's previous
            // segment (whole, or drawn with that disc) does not already hold it
            for (int first = t; t <= last; t++) {
                double s0 = Math.max(d0, cum[t]);
                double s1 = Math.min(d1, cum[t + 1]);
                if (d0 <= cum[t] && d1 >= cum[t + 1]) {
                    raster.addFootprint(segFp[t], band);
                } else {
                    boolean nextWhole = t < last && d1 >= cum[t + 2];
                    boolean c0 = s0 > cum[t] || (t == first && (t > 0 || capStart));
                    boolean c1 = s1 < cum[t + 1] || (t == last ? capEnd : !nextWhole);
                    at(e, cum, t, s0, frame, a);
                    at(e, cum, t, s1, frame, b);
                    raster.add(a[0], a[1], b[0], b[1], band, c0, c1);
                }
                if (cum[t + 1] >= d1) {
                    break;
                }
            }
        }

        /** The metric point at distance {@code d} along the edge, on its segment {@code t} (vertices t, t + 1). */
        private void at(int e, double[] cum, int t, double d, LocalFrame frame, double[] xy) {
            double segLen = cum[t + 1] - cum[t];
            double f = segLen > 0 ? Math.max(0, Math.min(1, (d - cum[t]) / segLen)) : 0;
            double lon0 = graph.edgeVertexLon(e, t);
            double lat0 = graph.edgeVertexLat(e, t);
            frame.toMetric(lon0 + f * (graph.edgeVertexLon(e, t + 1) - lon0),
                lat0 + f * (graph.edgeVertexLat(e, t + 1) - lat0), xy);
        }
    }

    private ServiceAreaResult computeEuclidean(MetricProjection proj, GeometryFactory metric) {
        long t0 = System.nanoTime();
        List<Double> breaks = params.breaksMinutes();
        int nb = breaks.size();
        double speed = params.fallbackSpeedMps();
        List<ServiceArea> out = new ArrayList<>();
        double[] xy = new double[2];
        for (Group grp : groups(facilities, null)) {
            int labels = params.mode() == CircleMode.SPLIT ? grp.members().size() : 1;
            Geometry[][] raw = new Geometry[labels][nb];
            for (int k = 0; k < nb; k++) {
                double radius = speed * breaks.get(k) * 60 * params.detourFactor();
                List<Geometry> all = new ArrayList<>();
                for (int l = 0; l < grp.members().size(); l++) {
                    Point p = grp.members().get(l).location();
                    proj.toMetric(p.getX(), p.getY(), xy);
                    Geometry c = metric.createPoint(new Coordinate(xy[0], xy[1])).buffer(radius, 16);
                    if (labels == 1) {
                        all.add(c);
                    } else {
                        raw[l][k] = c;
                    }
                }
                if (labels == 1) {
                    raw[0][k] = metric.buildGeometry(all).union();
                }
            }
            if (params.mode() == CircleMode.SPLIT) {
                split(raw, nb);
            }
            for (int l = 0; l < labels; l++) {
                List<Facility> who = labels == 1 ? grp.members() : List.of(grp.members().get(l));
                String id = params.mode() == CircleMode.DISSOLVE ? grp.kind().id() : who.get(0).id();
                for (int k = 0; k < nb; k++) {
                    out.add(new ServiceArea(id, who.stream().map(Facility::id).toList(), grp.kind(), breaks.get(k),
                        speed, proj.toWgs84(raw[l][k]), raw[l][k].getArea(), Double.NaN, true));
                }
            }
        }
        return new ServiceAreaResult(out, List.of(), params.mode(), 0, true, 0, (System.nanoTime() - t0) / 1e6, 0,
            Double.NaN);
    }

    /**
     * Split mode: each facility keeps only what no earlier facility (in group order) already covers, band by band;
     * {@code raw[l][k]} is facility l's band k (nested in k), replaced in place.
     */
    private static void split(Geometry[][] raw, int nb) {
        Geometry taken = null;
        for (Geometry[] bands : raw) {
            Geometry before = taken;
            for (int k = 0; k < nb; k++) {
                if (before != null) {
                    bands[k] = bands[k].difference(before);
                }
            }
            taken = before == null ? bands[nb - 1] : bands[nb - 1].union(before);
        }
    }
}
