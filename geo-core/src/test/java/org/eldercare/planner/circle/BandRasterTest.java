package org.eldercare.planner.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
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
}
