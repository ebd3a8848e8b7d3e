package org.eldercare.planner.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The grid polygon definition of {@link BandRaster}, with areas counted by hand (metric frame, 50 m buffer, 10 m
 * cells, so cell centres lie at 5 + 10 i):
 * <pre>
 *   D(0,400) ------------ C(400,400)
 *      |                      |
 *      |      courtyard       |
 *      |                      |
 *   A(0,0) -------------- B(400,0)
 * </pre>
 * Band 0 reaches 300 m along AB and along AD (partial edges), band 1 the whole ring.
 */
class BandRasterTest {
    static final GeometryFactory GF = new GeometryFactory();
    static final double B = 50;
    static final double CELL = 10;

    /**
     * Cells of one corner quadrant (centres (−a, −b), a, b ∈ {5, 15, 25, 35, 45}) within 50 m of the corner point:
     * a = 5: all 5; a = 15: b² ≤ 2275, all 5; a = 25: b ≤ 43.3, 4; a = 35: b ≤ 35.7, 4; a = 45: b ≤ 21.8, 2.
     */
    static final int QUADRANT = 5 + 5 + 4 + 4 + 2;

    private static Geometry[] ring() {
        BandRaster r = new BandRaster();
        r.add(0, 0, 300, 0, 0);
        r.add(0, 0, 0, 300, 0);
        r.add(300, 0, 400, 0, 1);
        r.add(400, 0, 400, 400, 1);
        r.add(400, 400, 0, 400, 1);
        r.add(0, 300, 0, 400, 1);
        return r.polygons(2, B, CELL, CELL * CELL, GF);
    }

    @Test
    void ring_around_a_courtyard_has_the_hand_counted_area_and_one_hole() {
        Geometry whole = ring()[1];
        assertTrue(whole.isValid());
        Polygon p = (Polygon) whole;
        assertEquals(1, p.getNumInteriorRing());
        // hole: centres 55 .. 345 on both axes (farther than 50 m from every side): 30 x 30 cells
        assertEquals(90_000, GF.createPolygon(p.getInteriorRingN(0).getCoordinates()).getArea(), 1e-6);
        // outer: centres −45 .. 445, 50 x 50 cells, less 25 − QUADRANT = 5 cells beyond 50 m at each corner
        int outer = 50 * 50 - 4 * (25 - QUADRANT);
        assertEquals((outer - 900) * CELL * CELL, whole.getArea(), 1e-6);
        assertEquals(158_000, whole.getArea(), 1e-6);
        // the exact buffer: 500² less four corners of 50² (1 − π/4), less the 300² courtyard = 157 854 m²
        double exact = 500 * 500 - 4 * 2500 * (1 - Math.PI / 4) - 300 * 300;
        assertEquals(exact, whole.getArea(), exact * 0.01);
        // the courtyard's centre is outside, a point 45 m inside the courtyard from AB inside
        assertTrue(!whole.contains(GF.createPoint(new org.locationtech.jts.geom.Coordinate(200, 200))));
        assertTrue(whole.contains(GF.createPoint(new org.locationtech.jts.geom.Coordinate(200, 44))));
    }

    @Test
    void partial_edges_band_is_an_l_of_two_capsules_and_nested_in_the_ring() {
        Geometry[] bands = ring();
        Geometry inner = bands[0];
        assertTrue(inner.isValid());
        // each capsule (segment 300 m, buffer 50): 30 x 10 cells beside the segment + two half discs of
        // 2 x QUADRANT = 380 cells; both capsules share the cells around A: 25 (x, y > 0) + 3 x QUADRANT (the other
        // quadrants, where one of the two needs the disc around A) = 85; union 380 + 380 − 85 = 675 cells
        int capsule = 30 * 10 + 2 * 2 * QUADRANT;
        assertEquals(380, capsule);
        assertEquals((2 * capsule - (25 + 3 * QUADRANT)) * CELL * CELL, inner.getArea(), 1e-6);
        // exact: 2 (300 x 100 + π 50²) less the overlap 50² + 3 π 50² / 4 = 67 317.5 m²
        double exact = 2 * (300 * 100 + Math.PI * 2500) - (2500 + 3 * Math.PI * 2500 / 4);
        assertEquals(exact, inner.getArea(), exact * 0.01);
        // nested exactly: the same cells in the same frame
        assertEquals(0, inner.difference(bands[1]).getArea(), 1e-9);
    }

    @Test
    void cells_touching_at_a_corner_are_two_valid_polygons_and_small_holes_follow_the_minimum() {
        BandRaster r = new BandRaster();
        // buffer 4 m around two points: only the cells centred (5, 5) and (15, 15)
        r.add(5, 5, 5, 5, 0);
        r.add(15, 15, 15, 15, 0);
        Geometry g = r.polygons(1, 4, CELL, CELL * CELL, GF)[0];
        assertTrue(g instanceof MultiPolygon, g.toString());
        assertEquals(2, g.getNumGeometries());
        assertTrue(g.isValid());
        assertEquals(200, g.getArea(), 1e-9);
        // a ring of 8 cells around an empty one: a one-cell hole kept at minimum 100 m², filled at 200 m²
        BandRaster ringOf8 = new BandRaster();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (i != 1 || j != 1) {
                    ringOf8.add(5 + 10 * i, 5 + 10 * j, 5 + 10 * i, 5 + 10 * j, 0);
                }
            }
        }
        Polygon kept = (Polygon) ringOf8.polygons(1, 4, CELL, CELL * CELL, GF)[0];
        assertEquals(1, kept.getNumInteriorRing());
        assertEquals(800, kept.getArea(), 1e-9);
        Polygon filled = (Polygon) ringOf8.polygons(1, 4, CELL, 2 * CELL * CELL, GF)[0];
        assertEquals(0, filled.getNumInteriorRing());
        assertEquals(900, filled.getArea(), 1e-9);
    }

    /** Random polylines of up to 12 segments (sharp turns, lengths up to 1.5 km: rows of several 64-cell words). */
    private static List<double[][]> randomPolylines(Random rnd) {
        List<double[][]> lines = new ArrayList<>();
        int count = 1 + rnd.nextInt(4);
        for (int l = 0; l < count; l++) {
            int nv = 2 + rnd.nextInt(12);
            double[][] v = new double[nv][];
            v[0] = new double[] {-300 + 1800 * rnd.nextDouble(), -300 + 1800 * rnd.nextDouble()};
            for (int i = 1; i < nv; i++) {
                double len = rnd.nextInt(4) == 0 ? 1500 * rnd.nextDouble() : 60 * rnd.nextDouble();
                double ang = 2 * Math.PI * rnd.nextDouble();
                v[i] = new double[] {v[i - 1][0] + len * Math.cos(ang), v[i - 1][1] + len * Math.sin(ang)};
            }
            lines.add(v);
        }
        return lines;
    }

    /** Adds a polyline as the service-area calculator does: end discs, wedges at inner vertices. */
    private static void addPolyline(BandRaster r, double[][] v, int band) {
        for (int i = 1; i < v.length; i++) {
            if (i == 1) {
                r.add(v[0][0], v[0][1], v[1][0], v[1][1], band, true, v.length == 2);
            } else {
                r.addContinued(v[i - 2][0], v[i - 2][1], v[i - 1][0], v[i - 1][1], v[i][0], v[i][1], band,
                    i == v.length - 1);
            }
        }
    }

    private static double segmentDistance(double px, double py, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - a[0]) * dx + (py - a[1]) * dy) / len2));
        return Math.hypot(px - a[0] - t * dx, py - a[1] - t * dy);
    }

    /**
     * The definition checked cell by cell against brute force: a cell belongs to band k's polygon exactly when its
     * centre lies within B of a polyline of band ≤ k (wedges at inner vertices included), with every enclosed gap
     * kept as a hole; the area is the count of those cells × c². Also: a polyline added by its footprint gives the
     * same polygons as its segments.
     */
    @Test
    void random_polylines_match_a_brute_force_cell_oracle_and_their_footprints() {
        Random rnd = new Random(18);
        for (int trial = 0; trial < 12; trial++) {
            List<double[][]> lines = randomPolylines(rnd);
            int[] band = new int[lines.size()];
            BandRaster direct = new BandRaster();
            BandRaster viaFootprint = new BandRaster();
            BandRaster scratch = new BandRaster();
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < lines.size(); l++) {
                band[l] = rnd.nextInt(3);
                addPolyline(direct, lines.get(l), band[l]);
                scratch.clear();
                addPolyline(scratch, lines.get(l), 0);
                long[] fp = scratch.footprint(B, CELL);
                if (l % 2 == 0) {
                    viaFootprint.addFootprint(fp, band[l]);
                } else {
                    addPolyline(viaFootprint, lines.get(l), band[l]);
                }
                for (double[] p : lines.get(l)) {
                    minX = Math.min(minX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxX = Math.max(maxX, p[0]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
            Geometry[] got = direct.polygons(3, B, CELL, CELL * CELL * 0.999, GF);
            Geometry[] fromFootprints = viaFootprint.polygons(3, B, CELL, CELL * CELL * 0.999, GF);
            for (int k = 0; k < 3; k++) {
                assertTrue(got[k].isValid(), "trial " + trial + " band " + k);
                IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(got[k]);
                int count = 0;
                int mismatches = 0;
                for (long i = (long) Math.floor((minX - B) / CELL) - 1; i * CELL < maxX + B + CELL; i++) {
                    for (long j = (long) Math.floor((minY - B) / CELL) - 1; j * CELL < maxY + B + CELL; j++) {
                        double cx = (i + 0.5) * CELL;
                        double cy = (j + 0.5) * CELL;
                        boolean oracle = false;
                        for (int l = 0; l < lines.size() && !oracle; l++) {
                            double[][] v = lines.get(l);
                            for (int s = 1; s < v.length && band[l] <= k && !oracle; s++) {
                                oracle = segmentDistance(cx, cy, v[s - 1], v[s]) <= B;
                            }
                        }
                        if (oracle) {
                            count++;
                        }
                        if (oracle != (in.locate(new Coordinate(cx, cy)) == Location.INTERIOR)) {
                            mismatches++;
                        }
                    }
                }
                assertEquals(0, mismatches, "trial " + trial + " band " + k);
                assertEquals(count * CELL * CELL, got[k].getArea(), 1e-6, "trial " + trial + " band " + k);
                assertEquals(got[k].getArea(), fromFootprints[k].getArea(), 1e-6);
                assertEquals(0, got[k].symDifference(fromFootprints[k]).getArea(), 1e-6);
            }
        }
    }
}
