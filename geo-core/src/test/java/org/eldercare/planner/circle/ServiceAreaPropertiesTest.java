package org.eldercare.planner.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.HandDrawnGraphs;
import org.eldercare.planner.network.NearestSources;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.SnapReport;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelProfile;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of service areas over seeded random networks: a 12 × 12 grid, 150 m spacing, nodes jittered by up to
 * ±20 m, 15 % of edges removed, 10 % one-way, walking 1 m/s; facilities at random positions; bands 3, 6, 9 minutes
 * (so the reach ends inside the grid) and the default 50 m buffer.
 */
class ServiceAreaPropertiesTest {
    static final int N = 12;
    static final double SPACING = 150;
    static final double BUFFER = ServiceAreaParams.DEFAULT_BUFFER_METERS;
    static final double HALF_CELL_DIAGONAL = BUFFER * ServiceAreaCalculator.CELL_PER_BUFFER * Math.sqrt(0.5);
    static final GeometryFactory GF = new GeometryFactory();

    /** A random network; {@code xy} receives the drawn metre coordinates of each node. */
    static RoadGraph randomGrid(long seed, double[][] xy) {
        Random rnd = new Random(seed);
        GraphBuilder b = new GraphBuilder(TravelProfile.walk(1.0));
        HandDrawnGraphs.RoadGraphDraft d = new HandDrawnGraphs.RoadGraphDraft(b);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double x = i * SPACING + (rnd.nextDouble() * 40 - 20);
                double y = j * SPACING + (rnd.nextDouble() * 40 - 20);
                xy[i * N + j] = new double[] {x, y};
                d.node(x, y);
            }
        }
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                int v = i * N + j;
                for (int[] nb : new int[][] {{i + 1, j}, {i, j + 1}}) {
                    if (nb[0] >= N || nb[1] >= N || rnd.nextDouble() < 0.15) {
                        continue;
                    }
                    int w = nb[0] * N + nb[1];
                    boolean oneWay = rnd.nextDouble() < 0.10;
                    if (oneWay && rnd.nextBoolean()) {
                        d.edge(w, v, 1.0, true);
                    } else {
                        d.edge(v, w, 1.0, oneWay);
                    }
                }
            }
        }
        return b.build();
    }

    static List<Facility> randomFacilities(long seed, int count) {
        Random rnd = new Random(seed * 31 + 7);
        List<Facility> fs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] ll = HandDrawnGraphs.lonLat(200 + rnd.nextDouble() * 1250, 200 + rnd.nextDouble() * 1250);
            fs.add(Facility.of("f" + k, "f" + k, FacilityKind.DAY_CARE_CENTRE, Geometries.point(ll[0], ll[1])));
        }
        return fs;
    }

    static ServiceAreaParams params(CircleMode mode) {
        return ServiceAreaParams.defaults(1.0).withMode(mode).withBreaksMinutes(List.of(3.0, 6.0, 9.0))
            .withMaxSnapMeters(200);
    }

    static Point pointOf(RoadGraph g, int v) {
        return Geometries.point(g.nodeLon(v), g.nodeLat(v));
    }

    /** Metric point of a node (drawn frame, metres). */
    static Coordinate metric(RoadGraph g, int v) {
        double[] out = new double[2];
        HandDrawnGraphs.GK.toMetric(g.nodeLon(v), g.nodeLat(v), out);
        return new Coordinate(out[0], out[1]);
    }

    /**
     * The reached network at a budget, computed here by the plain formula (not the library's piece enumeration):
     * from a reached end u with cost d(u), an arc of cost c covers the share min(1, (budget − d(u)) / c) of the edge.
     * Straight edges only (as drawn). Pieces of the start edge are added from the snap.
     */
    static Geometry reachedLines(RoadGraph g, GraphSearch s, Snap start, double budget) {
        List<LineString> lines = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            Coordinate a = metric(g, g.edgeFrom(e));
            Coordinate b = metric(g, g.edgeTo(e));
            int fa = g.edgeForwardArc(e);
            int ba = g.edgeBackwardArc(e);
            double du = s.cost(g.edgeFrom(e));
            double dv = s.cost(g.edgeTo(e));
            if (fa >= 0 && du <= budget) {
                double t = Math.min(1, (budget - du) / g.arcCost(fa));
                lines.add(GF.createLineString(new Coordinate[] {a, lerp(a, b, t)}));
            }
            if (ba >= 0 && dv <= budget) {
                double t = Math.min(1, (budget - dv) / g.arcCost(ba));
                lines.add(GF.createLineString(new Coordinate[] {b, lerp(b, a, t)}));
            }
            if (e == start.edge()) {
                Coordinate p = lerp(a, b, start.fraction());
                if (fa >= 0) {
                    double t = Math.min(1 - start.fraction(), budget / g.arcCost(fa));
                    lines.add(GF.createLineString(new Coordinate[] {p, lerp(a, b, start.fraction() + t)}));
                }
                if (ba >= 0) {
                    double t = Math.min(start.fraction(), budget / g.arcCost(ba));
                    lines.add(GF.createLineString(new Coordinate[] {p, lerp(a, b, start.fraction() - t)}));
                }
            }
        }
        return GF.buildGeometry(lines);
    }

    static Coordinate lerp(Coordinate a, Coordinate b, double t) {
        return new Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void reached_nodes_inside_unreached_outside_bands_nested(long seed) {
        double[][] xy = new double[N * N][];
        RoadGraph g = randomGrid(seed, xy);
        List<Facility> fs = randomFacilities(seed, 3);
        ServiceAreaResult r = ServiceAreaCalculator.compute(g, fs, params(CircleMode.PER_FACILITY));
        Snapper snapper = new Snapper(g, 200);
        GraphSearch s = new GraphSearch(g);
        int checkedInside = 0;
        for (Facility f : fs) {
            List<ServiceArea> bands = r.listAreas(f.id());
            assertEquals(3, bands.size());
            Snap snap = snapper.snap(f.location().getX(), f.location().getY()).orElseThrow();
            s.runFromSnaps(List.of(snap), Double.POSITIVE_INFINITY);
            for (int k = 0; k < 3; k++) {
                ServiceArea band = bands.get(k);
                double budget = band.minutes() * 60;
                Geometry reached = reachedLines(g, s, snap, budget);
                Geometry areaMetric = HandDrawnGraphs.GK.toMetric(band.area());
                for (int v = 0; v < g.nodeCount(); v++) {
                    if (s.cost(v) <= budget) {
                        assertTrue(band.area().contains(pointOf(g, v)), "seed " + seed + " node " + v + " cost "
                            + s.cost(v) + " outside the " + band.minutes() + "-min area of " + f.id());
                        checkedInside++;
                    } else if (areaMetric.contains(GF.createPoint(metric(g, v)))) {
                        // tolerance: an unreached node may only lie inside within the buffer width of reached road,
                        // plus half a grid cell's diagonal (cells count when their centre is within the buffer)
                        double dist = reached.distance(GF.createPoint(metric(g, v)));
                        assertTrue(dist <= BUFFER + HALF_CELL_DIAGONAL + 0.01, "seed " + seed + " unreached node " + v + " inside the "
                            + band.minutes() + "-min area, " + dist + " m from reached road");
                    }
                }
                if (k > 0) {
                    assertEquals(0, ServiceAreaCalculatorTest.outsideM2(bands.get(k - 1).area(), band.area()),
                        ServiceAreaCalculatorTest.NEST_TOLERANCE_M2);
                }
            }
        }
        assertTrue(checkedInside > 20, "too few reached nodes to say anything: " + checkedInside);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void enclosed_blocks_stay_holes(long seed) {
        double[][] xy = new double[N * N][];
        RoadGraph g = randomGrid(seed, xy);
        // default bands 5/10/15 min: the 15-min area reaches corners up to 900 s away
        ServiceAreaResult r = ServiceAreaCalculator.compute(g, randomFacilities(seed, 1),
            ServiceAreaParams.defaults(1.0).withMaxSnapMeters(200));
        ServiceArea outer = r.areas().get(2);
        Geometry areaMetric = HandDrawnGraphs.GK.toMetric(outer.area());
        GraphSearch s = new GraphSearch(g);
        int holes = 0;
        // a block whose four sides exist and whose corners are all reached well inside the budget, so that all four
        // sides are covered whatever their direction: its centre is ≥ 55 m from every side, so outside the polygon
        Facility f = randomFacilities(seed, 1).get(0);
        Snap start = new Snapper(g, 200).snap(f.location().getX(), f.location().getY()).orElseThrow();
        s.runFromSnaps(List.of(start), Double.POSITIVE_INFINITY);
        for (int i = 0; i + 1 < N; i++) {
            for (int j = 0; j + 1 < N; j++) {
                int[] c = {i * N + j, (i + 1) * N + j, (i + 1) * N + j + 1, i * N + j + 1};
                boolean intact = true;
                for (int q = 0; q < 4 && intact; q++) {
                    intact = edgeBetween(g, c[q], c[(q + 1) % 4]) >= 0 && s.cost(c[q]) + 250 <= 900;
                }
                if (!intact) {
                    continue;
                }
                double cx = (xy[c[0]][0] + xy[c[1]][0] + xy[c[2]][0] + xy[c[3]][0]) / 4;
                double cy = (xy[c[0]][1] + xy[c[1]][1] + xy[c[2]][1] + xy[c[3]][1]) / 4;
                double[] ll = HandDrawnGraphs.lonLat(cx, cy);
                double[] m = new double[2];
                HandDrawnGraphs.GK.toMetric(ll[0], ll[1], m);
                assertFalse(areaMetric.contains(GF.createPoint(new Coordinate(m[0], m[1]))),
                    "seed " + seed + " block " + i + "," + j + " filled in");
                holes++;
            }
        }
        assertTrue(holes > 0, "seed " + seed + ": no intact reached block to check");
    }

    static int edgeBetween(RoadGraph g, int a, int b) {
        for (int e = 0; e < g.edgeCount(); e++) {
            if ((g.edgeFrom(e) == a && g.edgeTo(e) == b) || (g.edgeFrom(e) == b && g.edgeTo(e) == a)) {
                return e;
            }
        }
        return -1;
    }

    /**
     * A kind's dissolved circle (one grid for all its starts) is the union of its facilities' own circles, band by
     * band: same cells, so the same area and nothing in one that is not in the other.
     */
    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43})
    void dissolved_circles_are_the_union_of_the_facilities_circles(long seed) {
        double[][] xy = new double[N * N][];
        RoadGraph g = randomGrid(seed, xy);
        List<Facility> fs = randomFacilities(seed, 6);
        ServiceAreaResult per = ServiceAreaCalculator.compute(g, fs, params(CircleMode.PER_FACILITY));
        ServiceAreaResult dissolved = ServiceAreaCalculator.compute(g, fs, params(CircleMode.DISSOLVE));
        for (double minutes : List.of(3.0, 6.0, 9.0)) {
            List<Geometry> own = per.areas().stream().filter(a -> a.minutes() == minutes).map(ServiceArea::area)
                .toList();
            Geometry union = org.locationtech.jts.operation.overlayng.OverlayNGRobust.union(own);
            List<ServiceArea> one = dissolved.areas().stream().filter(a -> a.minutes() == minutes).toList();
            assertEquals(1, one.size());
            Geometry d = one.get(0).area();
            assertTrue(d.isValid(), "seed " + seed + ", " + minutes + " min");
            // the same cell corners, mapped back through each start's affine frame per facility and through the
            // projection when dissolved: they differ by millimetres along the boundary (slivers of 1-2 m² at most, a cell is
            // 100 m²), never by a cell
            Geometry diff = HandDrawnGraphs.GK.toMetric(union.symDifference(d));
            for (int i = 0; i < diff.getNumGeometries(); i++) {
                assertTrue(diff.getGeometryN(i).getArea() < 20, "seed " + seed + ", " + minutes + " min: a piece of "
                    + diff.getGeometryN(i).getArea() + " m² differs");
            }
            double metricArea = HandDrawnGraphs.GK.toMetric(d).getArea();
            assertEquals(HandDrawnGraphs.GK.toMetric(union).getArea(), metricArea, 50, "seed " + seed);
            assertEquals(Math.round(metricArea / 100) * 100, one.get(0).areaM2(), 50, "seed " + seed);
        }
    }

    /**
     * Split circles: disjoint, nested band by band, each inside its facility's own circle, the largest bands
     * together the dissolved circle (all up to slivers of the two ways back to WGS84; a cell is 100 m²).
     */
    @ParameterizedTest
    @ValueSource(longs = {51, 52, 53})
    void split_circles_partition_the_dissolved_circle(long seed) {
        double[][] xy = new double[N * N][];
        RoadGraph g = randomGrid(seed, xy);
        List<Facility> fs = randomFacilities(seed, 6);
        ServiceAreaResult per = ServiceAreaCalculator.compute(g, fs, params(CircleMode.PER_FACILITY));
        ServiceAreaResult split = ServiceAreaCalculator.compute(g, fs, params(CircleMode.SPLIT));
        ServiceAreaResult dissolved = ServiceAreaCalculator.compute(g, fs, params(CircleMode.DISSOLVE));
        List<Double> bands = List.of(3.0, 6.0, 9.0);
        for (int b = 0; b < bands.size(); b++) {
            double minutes = bands.get(b);
            List<ServiceArea> parts = split.areas().stream().filter(a -> a.minutes() == minutes).toList();
            assertEquals(fs.size(), parts.size());
            for (int i = 0; i < parts.size(); i++) {
                ServiceArea p = parts.get(i);
                assertTrue(p.area().isValid(), "seed " + seed + " " + p.id());
                assertSliversOnly(p.area().difference(ownArea(per, p.id(), minutes)), "outside its own circle");
                if (b + 1 < bands.size()) {
                    assertSliversOnly(p.area().difference(ownArea(split, p.id(), bands.get(b + 1))), "not nested");
                }
                for (int j = i + 1; j < parts.size(); j++) {
                    assertSliversOnly(p.area().intersection(parts.get(j).area()), "overlap");
                }
                assertEquals(HandDrawnGraphs.GK.toMetric(p.area()).getArea(), p.areaM2(), 1, "seed " + seed);
            }
            Geometry union = org.locationtech.jts.operation.overlayng.OverlayNGRobust.union(
                parts.stream().map(ServiceArea::area).toList());
            Geometry whole = dissolved.areas().stream().filter(a -> a.minutes() == minutes).findFirst().orElseThrow()
                .area();
            // a place keeps the first facility whose largest band reaches it, so only the largest bands add up to
            // the dissolved circle; inner split bands lie inside the dissolved ones
            assertSliversOnly(b + 1 == bands.size() ? union.symDifference(whole) : union.difference(whole),
                "union against the dissolved circle");
        }
    }

    private static Geometry ownArea(ServiceAreaResult r, String id, double minutes) {
        return r.areas().stream().filter(a -> a.id().equals(id) && a.minutes() == minutes).findFirst().orElseThrow()
            .area();
    }

    /** Every piece of {@code g} (WGS84) is below 20 m² in the drawn frame: slivers, not cells (100 m²). */
    private static void assertSliversOnly(Geometry g, String what) {
        Geometry m = HandDrawnGraphs.GK.toMetric(g);
        for (int i = 0; i < m.getNumGeometries(); i++) {
            assertTrue(m.getGeometryN(i).getArea() < 20, what + ": a piece of " + m.getGeometryN(i).getArea() + " m²");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void multi_source_nearest_equals_min_over_single_sources(long seed) {
        double[][] xy = new double[N * N][];
        RoadGraph g = randomGrid(seed, xy);
        List<Facility> fs = randomFacilities(seed, 5);
        Snapper snapper = new Snapper(g, 200);
        List<Snap> snaps = fs.stream().map(f -> snapper.snap(f.location().getX(), f.location().getY()).orElseThrow())
            .toList();
        GraphSearch s = new GraphSearch(g);
        NearestSources ns = s.nearestSources(snaps, Double.POSITIVE_INFINITY);
        double[][] single = new double[snaps.size()][g.nodeCount()];
        for (int k = 0; k < snaps.size(); k++) {
            s.runFromSnaps(List.of(snaps.get(k)), Double.POSITIVE_INFINITY);
            for (int v = 0; v < g.nodeCount(); v++) {
                single[k][v] = s.cost(v);
            }
        }
        for (int v = 0; v < g.nodeCount(); v++) {
            double min = Double.POSITIVE_INFINITY;
            for (double[] row : single) {
                min = Math.min(min, row[v]);
            }
            assertEquals(min, ns.cost(v), 1e-9, "node " + v);
            if (Double.isFinite(min)) {
                assertEquals(min, single[ns.source(v)][v], 1e-9, "node " + v + " labelled with a farther source");
            } else {
                assertEquals(-1, ns.source(v));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33})
    void snapping_reports_every_far_point_and_finds_the_nearest_edge(long seed) {
        double[][] xy = new double[N * N][];
        RoadGraph g = randomGrid(seed, xy);
        Random rnd = new Random(seed);
        double max = 30;
        Snapper snapper = new Snapper(g, max);
        List<String> ids = new ArrayList<>();
        List<Point> pts = new ArrayList<>();
        List<Coordinate> metricPts = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            double x = -100 + rnd.nextDouble() * (N * SPACING + 100);
            double y = -100 + rnd.nextDouble() * (N * SPACING + 100);
            double[] ll = HandDrawnGraphs.lonLat(x, y);
            ids.add("p" + k);
            pts.add(Geometries.point(ll[0], ll[1]));
            double[] m = new double[2];
            HandDrawnGraphs.GK.toMetric(ll[0], ll[1], m);
            metricPts.add(new Coordinate(m[0], m[1]));
        }
        // brute force: distance from each point to every edge line in the metric frame
        List<LineString> edges = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            edges.add(GF.createLineString(new Coordinate[] {metric(g, g.edgeFrom(e)), metric(g, g.edgeTo(e))}));
        }
        SnapReport rep = snapper.snapAll(ids, pts);
        assertEquals(200, rep.snapped().size() + rep.unsnapped().size());
        int far = 0;
        for (int k = 0; k < 200; k++) {
            Point p = GF.createPoint(metricPts.get(k));
            double best = edges.stream().mapToDouble(l -> l.distance(p)).min().orElseThrow();
            final int kk = k;
            var snapped = rep.snapped().stream().filter(sp -> sp.index() == kk).findFirst();
            // 0.5 % + 1 cm: the snapper compares candidates on a sphere
            if (best > max * 1.005 + 0.01) {
                assertTrue(snapped.isEmpty(), "point " + k + " at " + best + " m was snapped");
                far++;
            } else if (best < max * 0.995 - 0.01) {
                assertTrue(snapped.isPresent(), "point " + k + " at " + best + " m was not snapped");
                // the graph measures on the sphere, the brute force in Gauss-Krüger metres: 0.5 % apart at most
                assertEquals(best, snapped.get().snap().distanceMeters(), best * 0.005 + 0.01);
            }
        }
        assertTrue(far > 10, "the sample should hold far points: " + far);
        assertEquals(far, rep.unsnapped().stream().filter(u -> u.nearestEdgeMeters() > max).count(), 3);
    }
}
