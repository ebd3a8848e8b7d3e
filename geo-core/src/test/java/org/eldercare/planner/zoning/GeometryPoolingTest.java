package org.eldercare.planner.zoning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.model.ResidentialDistrict;
import org.eldercare.planner.policy.PolicyProfiles;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Pooling on geometries. Near 瓮安 (lat 27.07°N) on the WGS84 ellipsoid one degree of longitude is
 * N·cosφ·π/180 ≈ 6 382 567 m × 0.89042 × 0.017453 ≈ 99 190 m and one degree of latitude ≈ 110 805 m.
 *
 * <pre>
 *   lat 27.0715 +---------+ +---------+            +---------------+ 27.0720
 *               |  a      | |  b      |            |  big          |
 *               | 0.001°  | | 0.001°  |   ~770 m   | 0.003°×0.002° |
 *   lat 27.0700 +---------+ +---------+            +---------------+
 *            107.4700  107.4710 107.4722        107.4800       107.4830
 *                          gap 0.0002° ≈ 19.8 m
 * </pre>
 * a and b: 0.001° × 0.0015° ≈ 99.19 m × 166.21 m ≈ 16 486 m² each (small: ≤ 20 000 m²), 19.8 m apart (adjacent:
 * ≤ 300 m). big: 297.6 m × 221.6 m ≈ 65 950 m² (not small).
 */
class GeometryPoolingTest {
    private static final GeometryFactory GF = new GeometryFactory();

    private static Polygon rect(double x0, double y0, double x1, double y1) {
        Polygon p = GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
        p.setSRID(4326);
        return p;
    }

    private static ResidentialDistrict d(String id, int hh, Polygon boundary, Double... sites) {
        return new ResidentialDistrict(id, id, Optional.of(boundary), hh, DistrictStatus.EXISTING,
            OptionalInt.empty(), List.of(sites), false);
    }

    private final Polygon a = rect(107.4700, 27.0700, 107.4710, 27.0715);
    private final Polygon b = rect(107.4712, 27.0700, 107.4722, 27.0715);
    private final Polygon big = rect(107.4800, 27.0700, 107.4830, 27.0720);

    @Test
    void land_areas_and_adjacency_from_boundaries() {
        var nb = GeometryNeighbourhood.fromBoundaries(List.of(d("a", 1, a), d("b", 1, b), d("big", 1, big)), 300);
        assertEquals(16486, nb.landAreasM2().get("a"), 20);      // 99.19 × 166.21
        assertEquals(65950, nb.landAreasM2().get("big"), 80);    // 297.57 × 221.61
        assertEquals(Set.of("b"), nb.adjacentTo("a"));
        assertEquals(Set.of("a"), nb.adjacentTo("b"));
        assertEquals(Set.of(), nb.adjacentTo("big"));            // ≈ 770 m from b
        // 19.8 m gap: adjacent within 20 m, not within 19 m
        assertEquals(Set.of("b"), GeometryNeighbourhood.fromBoundaries(List.of(d("a", 1, a), d("b", 1, b)), 20)
            .adjacentTo("a"));
        assertEquals(Set.of(), GeometryNeighbourhood.fromBoundaries(List.of(d("a", 1, a), d("b", 1, b)), 19)
            .adjacentTo("a"));
        assertThrows(IllegalArgumentException.class, () -> GeometryNeighbourhood.fromBoundaries(List.of(), -1));
    }

    @Test
    void static_shortcut_pools_on_geometry_under_wengan() {
        // a: 1200 hh, none -> needs 15×1200/100 = 180. b: 800 hh, 400 m² -> needs 120.
        // group {a,b}: 300 required ≤ 400 provided -> a PASS_POOLED with b.
        var r = DistrictCheck.check(List.of(d("a", 1200, a), d("b", 800, b, 400.0)),
            PolicyProfiles.get("wengan-2023"));
        assertEquals(VerdictStatus.PASS_POOLED, r.getVerdict("a").status());
        assertEquals(List.of("b"), r.getVerdict("a").pooledWith());
        // the same under 吴忠 (no pooling clause): a fails, short 20×1200/100 = 240
        var w = DistrictCheck.check(List.of(d("a", 1200, a), d("b", 800, b, 400.0)),
            PolicyProfiles.get("wuzhong-2023"));
        assertEquals(VerdictStatus.FAIL, w.getVerdict("a").status());
        assertEquals(240, w.getVerdict("a").shortfallM2(), 1e-9);
    }

    @Test
    void a_large_district_does_not_pool_even_when_adjacent() {
        // big (65 950 m² > 20 000) next to a small one with plenty of space: big still fails alone.
        Polygon nextToBig = rect(107.4831, 27.0700, 107.4841, 27.0715);
        var r = DistrictCheck.check(List.of(d("big", 2000, big, 200.0), d("s", 100, nextToBig, 1000.0)),
            PolicyProfiles.get("wengan-2023"));
        assertEquals(VerdictStatus.FAIL, r.getVerdict("big").status());
        assertEquals(100, r.getVerdict("big").shortfallM2(), 1e-9); // 15×2000/100 = 300 − 200
    }

    // ---- features -> districts (district fields through io.LayerMapper, pooling attributes here) ---------------

    private static Feature f(String id, Map<String, Object> props) {
        return new Feature(id, null, props);
    }

    private static FeatureLayer layer(String file, List<Feature> fs) {
        return new FeatureLayer(file, "districts", Crs.WGS84, fs);
    }

    @Test
    void features_with_declared_adjacency_and_land_area_pool_without_geometry() {
        List<Feature> fs = List.of(
            f("", Map.of("id", "a", "households", 1000, "status", "existing", "elderlySitesM2", List.of(),
                "landAreaM2", 15000, "adjacentTo", List.of("b"))),
            f("", Map.of("id", "b", "households", "1000", "status", "已建成", "elderlySitesM2", "300",
                "landAreaM2", "18000")));
        DistrictInput in = DistrictInput.read(layer("d.csv", fs));
        assertEquals(Set.of("b"), in.declared().adjacentTo("a"));
        assertEquals(Set.of("a"), in.declared().adjacentTo("b"));
        assertEquals(Map.of("a", 15000.0, "b", 18000.0), in.declared().landAreasM2());
        var r = new DistrictCheck(in.districts(), PolicyProfiles.get("wengan-2023"), in.neighbourhood(300))
            .compute();
        // 150 + 150 required, 0 + 300 provided
        assertEquals(VerdictStatus.PASS_POOLED, r.getVerdict("a").status());
    }

    @Test
    void pooling_attribute_problems_come_in_the_same_exception_as_the_district_ones() {
        List<Feature> fs = List.of(
            f("", Map.of("id", "a", "households", -1, "status", "existing", "elderlySitesM2", List.of(),
                "landAreaM2", "big", "adjacentTo", "b;zz;a")),
            f("", Map.of("id", "b", "households", 10, "status", "existing")));
        ReadException ex = assertThrows(ReadException.class, () -> DistrictInput.read(layer("d.geojson", fs)));
        String m = ex.getMessage();
        assertTrue(m.contains("d.geojson: feature #0 'a': field 'households': must be >= 0"), m);
        assertTrue(m.contains("d.geojson: feature #0 'a': field 'landAreaM2': must be a number >= 0, was 'big'"), m);
        assertTrue(m.contains("d.geojson: feature #0 'a': field 'adjacentTo': unknown district id 'zz'"), m);
        assertTrue(m.contains("d.geojson: feature #0 'a': field 'adjacentTo': a district cannot be adjacent to itself"),
            m);
        // b leaves out its site areas: "no site" must be said with [] rather than by a missing attribute
        assertTrue(m.contains("d.geojson: feature #1 'b': field 'elderlySiteAreasM2': required attribute is missing"),
            m);
        assertEquals(5, ex.problems().size(), m);
    }

    @Test
    void a_point_geometry_is_ignored_and_a_polygon_becomes_the_boundary() {
        GeometryFactory gf = new GeometryFactory();
        Polygon box = rect(107.4800, 27.0700, 107.4810, 27.0710);
        Map<String, Object> props = Map.of("households", 100, "status", "new", "elderlySitesM2", "[]");
        DistrictInput in = DistrictInput.read(layer("d.gpkg", List.of(
            new Feature("p", gf.createPoint(new Coordinate(107.48, 27.07)), props), new Feature("q", box, props))));
        assertEquals(Optional.empty(), in.districts().get(0).boundary());
        assertEquals(Optional.of(box), in.districts().get(1).boundary());
    }

    @Test
    void field_mapping_renames_properties() {
        List<Feature> fs = List.of(f("", Map.of("编号", "m1", "户数", 1750, "status", "新建", "elderlySitesM2",
            List.of(350))));
        DistrictInput in = DistrictInput.read(layer("m.geojson", fs), Map.of("id", "编号", "households", "户数"));
        assertEquals("m1", in.districts().get(0).id());
        assertEquals(VerdictStatus.PASS, DistrictCheck.check(in.districts().get(0), PolicyProfiles.get("wengan-2023"))
            .status());
        assertThrows(IllegalArgumentException.class,
            () -> DistrictInput.read(layer("m.geojson", fs), Map.of("hh", "户数")));
    }
}
