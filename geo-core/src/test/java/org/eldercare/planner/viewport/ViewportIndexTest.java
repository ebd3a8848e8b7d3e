package org.eldercare.planner.viewport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.eldercare.planner.model.Geometries;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class ViewportIndexTest {
    private static final WKTReader WKT = new WKTReader(Geometries.WGS84);

    record Item(String id, Geometry geometry) {}

    static Item item(String id, String wkt) {
        try {
            return new Item(id, WKT.read(wkt));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /*
     *  y
     * 10 T                       T: triangle (0,0) (10,0) (0,10); hypotenuse x + y = 10
     *    |  \
     *  6 |    \   C [5..6]x[5..6]   (C's bottom edge lies on y = 5)
     *  5 |      \ C
     *    |        \
     *  1 | A        \            A: point (1,1)
     *  0 B-----------B----        B: line (0,0)-(10,0)
     *    0  1  4 5 6 7 10  x
     */
    static final List<Item> ITEMS = List.of(
        item("A", "POINT (1 1)"),
        item("B", "LINESTRING (0 0, 10 0)"),
        item("C", "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))"),
        item("T", "POLYGON ((0 0, 10 0, 0 10, 0 0))"));

    final ViewportIndex<Item> index = new ViewportIndex<>(ITEMS, Item::geometry);

    List<String> ids(List<ViewportFeature<Item>> features) {
        return features.stream().map(f -> f.item().id()).toList();
    }

    @Test
    void a_box_around_the_point_finds_the_point_and_the_triangle_it_lies_in() {
        assertEquals(List.of("A", "T"), ids(index.query(new Envelope(0.5, 1.5, 0.5, 1.5), OptionalInt.empty())));
    }

    @Test
    void answers_keep_input_order_and_boundary_contact_counts() {
        // box x 4..7, y -1..5: crosses B, touches C's bottom edge y = 5, overlaps T
        var hits = index.query(new Envelope(4, 7, -1, 5), OptionalInt.empty());
        assertEquals(List.of("B", "C", "T"), ids(hits));
        assertEquals(List.of(1, 2, 3), hits.stream().map(ViewportFeature::index).toList());
    }

    @Test
    void a_box_inside_the_triangles_envelope_but_beyond_its_hypotenuse_misses_it() {
        // (6,6)-(7,7): 6 + 6 = 12 > 10, so outside T although T's envelope [0..10]x[0..10] contains the box
        assertEquals(List.of(), ids(index.query(new Envelope(6.5, 7, 6.5, 7), OptionalInt.empty())));
        assertEquals(List.of("C"), ids(index.query(new Envelope(5.5, 7, 5.5, 7), OptionalInt.empty())));
    }

    @Test
    void extent_is_the_union_of_all_envelopes() {
        assertEquals(new Envelope(0, 10, 0, 10), index.extent());
        assertEquals(4, index.size());
    }

    @Test
    void one_pixel_tolerance_per_zoom() {
        assertEquals(1.40625, ViewportIndex.toleranceDegrees(0), 0);              // 360 / 256
        assertEquals(360.0 / 262_144, ViewportIndex.toleranceDegrees(10), 0);   // 360 / (256 * 1024)
        assertEquals(0.001373291015625, ViewportIndex.toleranceDegrees(10), 0);
    }

    @Test
    void a_small_bump_disappears_at_low_zoom_and_stays_at_high_zoom() {
        // bump of 0.0005 deg: tolerance at zoom 10 is 0.00137 (bump removed), at zoom 14 it is 0.0000858 (kept)
        var bump = List.of(item("L", "LINESTRING (117 28, 117.01 28.0005, 117.02 28)"));
        var idx = new ViewportIndex<>(bump, Item::geometry);
        assertEquals(2, idx.all(OptionalInt.of(10)).get(0).geometry().getNumPoints());
        assertEquals(3, idx.all(OptionalInt.of(14)).get(0).geometry().getNumPoints());
        assertEquals(3, idx.all(OptionalInt.empty()).get(0).geometry().getNumPoints());
    }

    @Test
    void points_are_never_simplified_and_simplified_copies_are_reused() {
        var a = index.all(OptionalInt.of(3)).get(0);
        assertSame(ITEMS.get(0).geometry(), a.geometry());
        var t1 = index.all(OptionalInt.of(3)).get(3).geometry();
        var t2 = index.query(new Envelope(0, 1, 0, 1), OptionalInt.of(3)).get(2).geometry();
        assertSame(t1, t2);
    }

    @Test
    void a_polygon_smaller_than_a_pixel_is_kept_not_dropped() {
        // 1e-5 deg square at zoom 0 (tolerance 1.4 deg): still drawn, with an area inside its own envelope
        var tiny = List.of(item("S", "POLYGON ((117 28, 117.00001 28, 117.00001 28.00001, 117 28.00001, 117 28))"));
        Geometry g = new ViewportIndex<>(tiny, Item::geometry).all(OptionalInt.of(0)).get(0).geometry();
        assertTrue(!g.isEmpty());
        assertTrue(g.getArea() > 0 && g.getArea() <= 1e-10 + 1e-14, "area " + g.getArea());
        assertTrue(tiny.get(0).geometry().getEnvelopeInternal().covers(g.getEnvelopeInternal()));
    }

    @Test
    void simplified_polygons_stay_valid() {
        // a 40-vertex zig-zag ring around a 1x1 degree square, simplified at zoom 6 (tolerance 0.022 deg)
        Coordinate[] ring = new Coordinate[41];
        for (int i = 0; i < 40; i++) {
            double t = i / 40.0 * 4;
            int side = (int) t;
            double f = t - side;
            double wiggle = (i % 2 == 0 ? 0.01 : -0.01);
            ring[i] = switch (side) {
                case 0 -> new Coordinate(117 + f, 28 + wiggle);
                case 1 -> new Coordinate(118 + wiggle, 28 + f);
                case 2 -> new Coordinate(118 - f, 29 + wiggle);
                default -> new Coordinate(117 + wiggle, 29 - f);
            };
        }
        ring[40] = ring[0];
        Geometry poly = Geometries.WGS84.createPolygon(Arrays.copyOf(ring, 41));
        var idx = new ViewportIndex<>(List.of(new Item("Z", poly)), Item::geometry);
        Geometry s = idx.all(OptionalInt.of(6)).get(0).geometry();
        assertTrue(s.isValid());
        assertTrue(s.getNumPoints() < poly.getNumPoints(), "fewer vertices: " + s.getNumPoints());
    }

    @Test
    void bad_zoom_and_missing_geometry_are_rejected_naming_the_field() {
        var e = assertThrows(IllegalArgumentException.class, () -> index.all(OptionalInt.of(25)));
        assertTrue(e.getMessage().startsWith("zoom: must be in [0, 24], was 25"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ViewportIndex.toleranceDegrees(-1));
        var items = List.of(ITEMS.get(0), new Item("N", null));
        var m = assertThrows(IllegalArgumentException.class, () -> new ViewportIndex<>(items, Item::geometry));
        assertTrue(m.getMessage().startsWith("items[1].geometry"), m.getMessage());
    }
}
