package org.eldercare.planner.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eldercare.planner.crs.Geodesy;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.GraphSearch;
import org.eldercare.planner.network.HandDrawnGraphs;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.Snap;
import org.eldercare.planner.network.Snapper;
import org.eldercare.planner.network.TravelProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Circles on edges of many vertices, cell by cell against the definition: a cell (10 m, absolute grid of the
 * Gauss-Krüger frame) is in band k exactly when its centre lies within the 50 m buffer of the road reached within
 * band k's time, the reached road computed here from the search's node costs (an arc of cost c from a node reached
 * at d covers the first (budget − d) / c of the edge's great-circle length, cut along its vertices). Partial pieces
 * of curved edges are where the stamping takes its shortcuts (segments covered whole from shared footprints,
 * capsules only where a piece is cut, discs only where no neighbour has one), so they are checked on seeded random
 * zigzag networks whose 1.5-, 3- and 4.5-minute reaches end inside edges.
 */
class ServiceAreaCurvedEdgesTest {
    static final double BUFFER = 50;
    static final double CELL = BUFFER * ServiceAreaCalculator.CELL_PER_BUFFER;
    /** Cells whose centre lies this close to the buffer's edge are left out (cm-level frame differences). */
    static final double AMBIGUOUS_M = 0.05;
    static final GeometryFactory GF = new GeometryFactory();

    /** A 5 × 5 lattice of nodes 200 m apart, each edge a zigzag of 3–9 vertices (some duplicated), 1 m/s. */
    static RoadGraph zigzag(long seed) {
        Random rnd = new Random(seed);
        GraphBuilder b = new GraphBuilder(TravelProfile.walk(1.0));
        int n = 5;
        double[][] xy = new double[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                xy[i * n + j] = new double[] {i * 200.0, j * 200.0};
                HandDrawnGraphs.node(b, i * 200.0, j * 200.0, i * n + j);
            }
        }
        int id = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int[] nb : new int[][] {{i + 1, j}, {i, j + 1}}) {
                    if (nb[0] >= n || nb[1] >= n || rnd.nextDouble() < 0.1) {
                        continue;
                    }
                    int u = i * n + j;
                    int v = nb[0] * n + nb[1];
                    int k = 1 + rnd.nextInt(7);
                    double[] mid = new double[2 * k];
                    double[] prev = HandDrawnGraphs.lonLat(xy[u][0], xy[u][1]);
                    double len = 0;
                    for (int m = 0; m < k; m++) {
                        double t = (m + 1.0) / (k + 1);
                        double x = xy[u][0] + t * (xy[v][0] - xy[u][0]) + (rnd.nextDouble() * 120 - 60);
                        double y = xy[u][1] + t * (xy[v][1] - xy[u][1]) + (rnd.nextDouble() * 120 - 60);
                        double[] ll = m > 0 && rnd.nextDouble() < 0.1
                            ? new double[] {mid[2 * m - 2], mid[2 * m - 1]} // a repeated vertex: zero-length segment
                            : HandDrawnGraphs.lonLat(x, y);
                        mid[2 * m] = ll[0];
                        mid[2 * m + 1] = ll[1];
                        len += Geodesy.haversineMeters(prev[0], prev[1], ll[0], ll[1]);
                        prev = ll;
                    }
                    double[] end = HandDrawnGraphs.lonLat(xy[v][0], xy[v][1]);
                    len += Geodesy.haversineMeters(prev[0], prev[1], end[0], end[1]);
                    boolean oneWay = rnd.nextDouble() < 0.15;
                    b.addEdge(id++, u, v, len, len, oneWay ? -1 : len, mid);
                }
            }
        }
        return b.build();
    }

    /** The metric polyline of edge e between distances s0 ≤ s1 (great-circle metres along its vertices). */
    static LineString piece(RoadGraph g, int e, double s0, double s1) {
        int n = g.edgeVertexCount(e);
        double[] cum = new double[n];
        for (int i = 1; i < n; i++) {
            cum[i] = cum[i - 1] + Geodesy.haversineMeters(g.edgeVertexLon(e, i - 1), g.edgeVertexLat(e, i - 1),
                g.edgeVertexLon(e, i), g.edgeVertexLat(e, i));
        }
        List<Coordinate> cs = new ArrayList<>();
        cs.add(pointAt(g, e, cum, s0));
        for (int i = 0; i < n; i++) {
            if (cum[i] > s0 && cum[i] < s1) {
                cs.add(metric(g.edgeVertexLon(e, i), g.edgeVertexLat(e, i)));
            }
        }
        cs.add(pointAt(g, e, cum, s1));
        return GF.createLineString(cs.toArray(Coordinate[]::new));
    }

    static Coordinate pointAt(RoadGraph g, int e, double[] cum, double s) {
        int i = 1;
        while (i < cum.length - 1 && cum[i] < s) {
            i++;
        }
        double seg = cum[i] - cum[i - 1];
        double t = seg > 0 ? Math.max(0, Math.min(1, (s - cum[i - 1]) / seg)) : 0;
        double lon = g.edgeVertexLon(e, i - 1) + t * (g.edgeVertexLon(e, i) - g.edgeVertexLon(e, i - 1));
        double lat = g.edgeVertexLat(e, i - 1) + t * (g.edgeVertexLat(e, i) - g.edgeVertexLat(e, i - 1));
        return metric(lon, lat);
    }

    static Coordinate metric(double lon, double lat) {
        double[] xy = new double[2];
        HandDrawnGraphs.GK.toMetric(lon, lat, xy);
        return new Coordinate(xy[0], xy[1]);
    }

    /** The road reached within {@code budget} seconds, by the plain formula from the search's node costs. */
    static Geometry reached(RoadGraph g, GraphSearch s, Snap start, double budget) {
        List<Geometry> lines = new ArrayList<>();
        for (int e = 0; e < g.edgeCount(); e++) {
            double len = g.edgeLengthMeters(e);
            int fa = g.edgeForwardArc(e);
            int ba = g.edgeBackwardArc(e);
            double du = s.cost(g.edgeFrom(e));
            double dv = s.cost(g.edgeTo(e));
            if (fa >= 0 && du <= budget) {
                lines.add(piece(g, e, 0, len * Math.min(1, (budget - du) / g.arcCost(fa))));
            }
            if (ba >= 0 && dv <= budget) {
                lines.add(piece(g, e, len * (1 - Math.min(1, (budget - dv) / g.arcCost(ba))), len));
            }
            if (e == start.edge()) {
                double f = start.fraction();
                if (fa >= 0) {
                    lines.add(piece(g, e, f * len, len * Math.min(1, f + budget / g.arcCost(fa))));
                }
                if (ba >= 0) {
                    lines.add(piece(g, e, len * Math.max(0, f - budget / g.arcCost(ba)), f * len));
                }
            }
        }
        return GF.buildGeometry(lines);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void every_cell_is_in_its_band_exactly_when_its_centre_is_within_the_buffer_of_reached_road(long seed) {
        RoadGraph g = zigzag(seed);
        Random rnd = new Random(seed * 17 + 3);
        List<Facility> fs = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            double[] ll = HandDrawnGraphs.lonLat(150 + rnd.nextDouble() * 500, 150 + rnd.nextDouble() * 500);
            fs.add(Facility.of("f" + f, "f" + f, FacilityKind.DAY_CARE_CENTRE, Geometries.point(ll[0], ll[1])));
        }
        ServiceAreaParams p = ServiceAreaParams.defaults(1.0).withMode(CircleMode.PER_FACILITY)
            .withBreaksMinutes(List.of(1.5, 3.0, 4.5)).withBufferMeters(BUFFER).withMaxSnapMeters(300);
        ServiceAreaResult r = ServiceAreaCalculator.compute(g, fs, p);
        Snapper snapper = new Snapper(g, 300, Snapper.CIRCLE_MIN_COMPONENT_NODES);
        GraphSearch s = new GraphSearch(g);
        int checked = 0;
        int partialCut = 0;
        for (Facility fac : fs) {
            Snap snap = snapper.snap(fac.location().getX(), fac.location().getY()).orElseThrow();
            s.runFromSnaps(List.of(snap), Double.POSITIVE_INFINITY);
            List<ServiceArea> bands = r.listAreas(fac.id());
            assertEquals(3, bands.size());
            for (int k = 0; k < 3; k++) {
                double budget = bands.get(k).minutes() * 60;
                Geometry road = reached(g, s, snap, budget);
                PreparedGeometry area = PreparedGeometryFactory.prepare(
                    HandDrawnGraphs.GK.toMetric(bands.get(k).area()));
                Envelope env = road.getEnvelopeInternal();
                env.expandBy(BUFFER + 2 * CELL);
                for (long i = (long) Math.floor(env.getMinX() / CELL); i * CELL < env.getMaxX(); i++) {
                    for (long j = (long) Math.floor(env.getMinY() / CELL); j * CELL < env.getMaxY(); j++) {
                        Coordinate c = new Coordinate((i + 0.5) * CELL, (j + 0.5) * CELL);
                        double d = road.distance(GF.createPoint(c));
                        if (Math.abs(d - BUFFER) < AMBIGUOUS_M) {
                            continue;
                        }
                        assertEquals(d <= BUFFER, area.contains(GF.createPoint(c)), "seed " + seed + ", " + fac.id()
                            + ", " + bands.get(k).minutes() + " min, cell centre " + c + " at " + d
                            + " m from reached road");
                        checked++;
                    }
                }
                for (int e = 0; e < g.edgeCount(); e++) {
                    int fa = g.edgeForwardArc(e);
                    int ba = g.edgeBackwardArc(e);
                    double du = s.cost(g.edgeFrom(e));
                    double dv = s.cost(g.edgeTo(e));
                    if (g.edgeVertexCount(e) > 3 && (fa >= 0 && du <= budget && budget - du < g.arcCost(fa)
                        || ba >= 0 && dv <= budget && budget - dv < g.arcCost(ba))) {
                        partialCut++;
                    }
                }
            }
        }
        assertTrue(checked > 5000, "cells checked: " + checked);
        assertTrue(partialCut >= 10, "curved edges cut by a band's end: " + partialCut);
    }
}
