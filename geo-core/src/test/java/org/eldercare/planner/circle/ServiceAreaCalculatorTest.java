package org.eldercare.planner.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eldercare.planner.model.Facility;
import org.eldercare.planner.model.FacilityKind;
import org.eldercare.planner.model.Geometries;
import org.eldercare.planner.network.GraphBuilder;
import org.eldercare.planner.network.HandDrawnGraphs;
import org.eldercare.planner.network.RoadGraph;
import org.eldercare.planner.network.TravelProfile;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.junit.jupiter.api.Test;

/**
 * Service areas on the hand-drawn ring of {@link HandDrawnGraphs#ring()} (walking 1 m/s, so 1 s per metre):
 * <pre>
 *   D(0,400) ------------ C(400,400)
 *      |                      |
 *      |   hole 300 x 300     |
 *   A(0,0) -------------- B(400,0) <======= E(800,0)   one-way E → B
 *   facility "a" at A
 * </pre>
 * 5 min = 300 s: 300 m along AB and along AD (partial edges), 600 m in all.
 * 10 min = 600 s: AB and AD whole, 200 m up BC and along DC: 1200 m.
 * 15 min = 900 s: the whole ring, 1600 m (C at 800 s); the spur is one-way towards B, so none of it.
 */
class ServiceAreaCalculatorTest {
    static final RoadGraph RING = HandDrawnGraphs.ring();

    static Facility at(String id, FacilityKind kind, double x, double y) {
        double[] ll = HandDrawnGraphs.lonLat(x, y);
        return Facility.of(id, id, kind, Geometries.point(ll[0], ll[1]));
    }

    static boolean contains(Geometry area, double x, double y) {
        double[] ll = HandDrawnGraphs.lonLat(x, y);
        return area.contains(Geometries.point(ll[0], ll[1]));
    }

    static ServiceAreaParams params(CircleMode mode) {
        return ServiceAreaParams.defaults(1.0).withMode(mode);
    }

    @Test
    void bands_follow_the_network_with_partial_edges_and_a_hole() {
        ServiceAreaResult r = ServiceAreaCalculator.compute(RING, List.of(at("a", FacilityKind.DAY_CARE_CENTRE, 0, 0)),
            params(CircleMode.PER_FACILITY));
        assertEquals(3, r.areas().size());
        assertTrue(r.unsnapped().isEmpty());
        ServiceArea m5 = r.areas().get(0);
        ServiceArea m10 = r.areas().get(1);
        ServiceArea m15 = r.areas().get(2);
        assertEquals(List.of(5.0, 10.0, 15.0), List.of(m5.minutes(), m10.minutes(), m15.minutes()));
        assertEquals("a", m5.id());
        assertEquals(1.0, m5.speedMps());
        assertFalse(m5.approximate());
        assertEquals(600, m5.reachedLengthMeters(), 0.1);
        assertEquals(1200, m10.reachedLengthMeters(), 0.1);
        assertEquals(1600, m15.reachedLengthMeters(), 0.1);
        // 5 min: the piece along AB ends at (300,0); the 50 m buffer reaches (350,0)
        assertTrue(contains(m5.area(), 340, 0));
        assertFalse(contains(m5.area(), 360, 0));
        assertTrue(contains(m5.area(), 0, 340));
        assertFalse(contains(m5.area(), 0, 360));
        // 10 min: BC reached up to (400,200)
        assertTrue(contains(m10.area(), 400, 240));
        assertFalse(contains(m10.area(), 400, 260));
        // the one-way spur: B is reached at 400 s, 500 s are left, but E → B cannot be walked from B
        assertFalse(contains(m15.area(), 600, 0));
        assertTrue(contains(m15.area(), 440, 0)); // within the buffer of B
        // hole: the block inside the ring, 300 m x 300 m once the 50 m buffers are taken off
        assertFalse(contains(m15.area(), 200, 200));
        Polygon p = (Polygon) m15.area();
        assertEquals(1, p.getNumInteriorRing());
        double holeM2 = HandDrawnGraphs.GK.toMetric(Geometries.WGS84.createPolygon(p.getInteriorRingN(0).getCoordinates()))
            .getArea();
        // drawn on the graph's sphere, measured in Gauss-Krüger metres: 0.2–0.3 % apart per axis, so 0.5 % in area
        assertEquals(300 * 300, holeM2, 300 * 300 * 0.005);
        // area: 500 x 500 square with 4 corners rounded by a quarter of a 16-gon of radius 50
        // (16-gon area 8 * 50² * sin(π/8) = 7653.67; each corner loses 2500 - 7653.67/4 = 586.58), minus the hole
        assertEquals(250_000 - 4 * 586.58 - 90_000, m15.areaM2(), (250_000 - 4 * 586.58 - 90_000) * 0.005);
    }

    /**
     * Nesting up to floating-point noise: what of the inner band lies outside the outer one must be below
     * {@link #NEST_TOLERANCE_M2} in total (the bands are unions of the same grid cells in the metric frame, so nested
     * exactly there; where they share a boundary line, the inner band has corners on the outer band's straight edge,
     * and the conversion to WGS84 and the overlay in degrees move those by about 0.1 mm, leaving slivers of some
     * 0.1–0.3 m² over km of shared boundary).
     */
    static final double NEST_TOLERANCE_M2 = 1.0;

    static double outsideM2(Geometry inner, Geometry outer) {
        return HandDrawnGraphs.GK.toMetric(inner.difference(outer)).getArea();
    }

    @Test
    void bands_are_nested() {
        ServiceAreaResult r = ServiceAreaCalculator.compute(RING, List.of(at("a", FacilityKind.DAY_CARE_CENTRE, 0, 0)),
            params(CircleMode.PER_FACILITY));
        assertEquals(0, outsideM2(r.areas().get(0).area(), r.areas().get(1).area()), NEST_TOLERANCE_M2);
        assertEquals(0, outsideM2(r.areas().get(1).area(), r.areas().get(2).area()), NEST_TOLERANCE_M2);
    }

    @Test
    void split_gives_each_place_to_its_nearest_facility() {
        List<Facility> fs = List.of(at("a", FacilityKind.DAY_CARE_CENTRE, 0, 0),
            at("c", FacilityKind.DAY_CARE_CENTRE, 400, 400));
        ServiceAreaResult split = ServiceAreaCalculator.compute(RING, fs, params(CircleMode.SPLIT));
        ServiceArea a15 = split.listAreas("a").get(2);
        ServiceArea c15 = split.listAreas("c").get(2);
        // A and C are 800 m apart both ways round; each gets AB/AD resp. BC/CD: 800 m
        assertEquals(800, a15.reachedLengthMeters(), 0.5);
        assertEquals(800, c15.reachedLengthMeters(), 0.5);
        assertEquals(0, a15.area().intersection(c15.area()).getArea(), 1e-12);
        ServiceAreaResult dissolved = ServiceAreaCalculator.compute(RING, fs, params(CircleMode.DISSOLVE));
        ServiceArea d15 = dissolved.listAreas("day-care-centre").get(2);
        assertEquals(List.of("a", "c"), d15.facilityIds());
        assertEquals(1600, d15.reachedLengthMeters(), 0.5);
        assertEquals(d15.areaM2(), a15.areaM2() + c15.areaM2(), 1.0);
        // 5 minutes, split: each facility 300 m each way
        assertEquals(600, split.listAreas("a").get(0).reachedLengthMeters(), 0.5);
        assertEquals(0, outsideM2(split.listAreas("c").get(0).area(), split.listAreas("c").get(1).area()),
            NEST_TOLERANCE_M2);
    }

    /**
     * Two copies of the ring 95 km apart (diagonally): one grid for both would be 9 500 × 9 500 cells, more than
     * {@link ServiceAreaCalculator#MAX_DISSOLVE_CELLS}, so dissolve and split fall back to the per-start polygons and
     * JTS; the answers are those of each ring alone.
     */
    @Test
    void kinds_spread_wider_than_one_grid_fall_back_to_the_vector_union() {
        GraphBuilder b = new GraphBuilder(TravelProfile.walk(1.0));
        HandDrawnGraphs.RoadGraphDraft d = new HandDrawnGraphs.RoadGraphDraft(b);
        for (double off : new double[] {0, 95_000}) {
            int a = d.node(off, off);
            int bb = d.node(off + 400, off);
            int c = d.node(off + 400, off + 400);
            int dd = d.node(off, off + 400);
            HandDrawnGraphs.edge(b, d, a, bb, 1.0, false);
            HandDrawnGraphs.edge(b, d, bb, c, 1.0, false);
            HandDrawnGraphs.edge(b, d, c, dd, 1.0, false);
            HandDrawnGraphs.edge(b, d, dd, a, 1.0, false);
        }
        RoadGraph two = b.build();
        assertTrue(9_500L * 9_500 > ServiceAreaCalculator.MAX_DISSOLVE_CELLS, "the case must exceed one grid");
        List<Facility> fs = List.of(at("near", FacilityKind.DAY_CARE_CENTRE, 0, 0),
            at("far", FacilityKind.DAY_CARE_CENTRE, 95_000, 95_000));
        ServiceAreaResult per = ServiceAreaCalculator.compute(two, fs, params(CircleMode.PER_FACILITY));
        ServiceAreaResult dissolved = ServiceAreaCalculator.compute(two, fs, params(CircleMode.DISSOLVE));
        ServiceAreaResult split = ServiceAreaCalculator.compute(two, fs, params(CircleMode.SPLIT));
        for (int k = 0; k < 3; k++) {
            double near = per.listAreas("near").get(k).areaM2();
            double far = per.listAreas("far").get(k).areaM2();
            assertTrue(near > 0 && far > 0);
            ServiceArea both = dissolved.listAreas("day-care-centre").get(k);
            assertEquals(2, both.area().getNumGeometries());
            assertTrue(both.area().isValid());
            assertEquals(near + far, both.areaM2(), 1.0);
            assertEquals(near, split.listAreas("near").get(k).areaM2(), 1.0);
            assertEquals(far, split.listAreas("far").get(k).areaM2(), 1.0);
        }
    }

    @Test
    void far_facilities_are_reported_not_dropped() {
        ServiceAreaResult r = ServiceAreaCalculator.compute(RING, List.of(at("a", FacilityKind.CANTEEN, 0, 0),
            at("far", FacilityKind.CANTEEN, 5000, 0)), params(CircleMode.PER_FACILITY));
        assertEquals(1, r.unsnapped().size());
        assertEquals("far", r.unsnapped().get(0).id());
        assertEquals(4200, r.unsnapped().get(0).nearestEdgeMeters(), 0.5); // nearest edge end E(800,0)
        assertEquals(3, r.areas().size());
    }

    @Test
    void euclidean_fallback_is_marked_approximate() {
        ServiceAreaResult r = ServiceAreaCalculator.euclidean(List.of(at("a", FacilityKind.CANTEEN, 0, 0)),
            ServiceAreaParams.defaults(1.0));
        assertTrue(r.approximate());
        ServiceArea c15 = r.areas().get(2);
        assertTrue(c15.approximate());
        // radius 1.0 m/s × 900 s × 0.7 = 630 m; a 64-gon: 32 r² sin(2π/64) = 1 244 893 m²
        assertEquals(1_244_893, c15.areaM2(), 5);
        assertTrue(Double.isNaN(c15.reachedLengthMeters()));
        assertTrue(contains(c15.area(), 620, 0));
        assertFalse(contains(c15.area(), 640, 0));
    }

    @Test
    void bad_parameters_are_rejected_with_the_field_name() {
        var e = assertThrows(IllegalArgumentException.class, () -> ServiceAreaParams.defaults(1.0)
            .withBreaksMinutes(List.of(10.0, 5.0)));
        assertTrue(e.getMessage().contains("breaksMinutes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServiceAreaParams.defaults(1.0).withBufferMeters(0));
        assertTrue(e.getMessage().contains("bufferMeters"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ServiceAreaParams.defaults(0));
        assertTrue(e.getMessage().contains("fallbackSpeedMps"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CircleMode.parse("overlap"));
    }
}
