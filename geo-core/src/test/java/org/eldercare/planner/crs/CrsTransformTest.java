package org.eldercare.planner.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eldercare.planner.model.Geometries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/** Control values from pyproj 3.4.1 / PROJ 9.1.1 (see MetricProjectionTest for the command). */
class CrsTransformTest {
    @ParameterizedTest
    @CsvSource({
        "EPSG:4547, 4547, false", "epsg:4326, 4326, false", "urn:ogc:def:crs:EPSG::4490, 4490, false",
        "http://www.opengis.net/def/crs/EPSG/0/32650, 32650, false", "urn:ogc:def:crs:OGC:1.3:CRS84, 4326, false",
        "4513, 4513, false", "gcj02, 0, true", "GCJ-02, 0, true", "EPSG:32760, 32760, false"})
    void parses_identifiers(String text, int epsg, boolean gcj) {
        Crs c = Crs.parse(text);
        assertEquals(epsg, c.epsg());
        assertEquals(gcj, c.gcj02());
    }

    @ParameterizedTest
    @CsvSource({"EPSG:3857", "EPSG:4512", "EPSG:32661", "bd09", "''", "EPSG:abc"})
    void rejects_unsupported_identifiers_naming_the_text(String text) {
        var e = assertThrows(IllegalArgumentException.class, () -> Crs.parse(text));
        assertTrue(e.getMessage().startsWith("crs:"), e.getMessage());
    }

    @Test
    void gauss_krueger_with_zone_prefix_cgcs2000_4526() {
        // EPSG:4526 is zone 38 (CM 114E) with the zone number in the false easting (38 500 000 m); pyproj
        // 4326 -> 4547 gives x = 500000.00000 for lon 114.0, so 4526 must give 38500000.00000 with the same y.
        double[] out = new double[2];
        CrsTransform.of(Crs.WGS84, Crs.epsg(4526)).transform(114.0, 22.5, out);
        assertEquals(38_500_000.0, out[0], 0.001);
        assertEquals(2489167.31108, out[1], 0.001);
        // pyproj 4326 -> 4513 (75.3, 39.5) = 25525804.04849 4374057.08385
        CrsTransform.of(Crs.WGS84, Crs.epsg(4513)).transform(75.3, 39.5, out);
        assertEquals(25525804.04849, out[0], 0.001);
        assertEquals(4374057.08385, out[1], 0.001);
    }

    @Test
    void projected_to_projected_between_zones() {
        // pyproj 4547 -> 4548 (410000, 2560000) = 102535.23829 2565020.63997
        double[] out = new double[2];
        CrsTransform.of(Crs.epsg(4547), Crs.epsg(4548)).transform(410000, 2560000, out);
        assertEquals(102535.23829, out[0], 0.001);
        assertEquals(2565020.63997, out[1], 0.001);
        // pyproj 4547 -> 4326 (410000, 2560000) = 113.1212777423 23.1371730478
        CrsTransform.of(Crs.epsg(4547), Crs.CGCS2000).transform(410000, 2560000, out);
        assertEquals(113.1212777423, out[0], 1e-9);
        assertEquals(23.1371730478, out[1], 1e-9);
    }

    @Test
    void wgs84_and_cgcs2000_are_the_same_datum() {
        CrsTransform t = CrsTransform.of(Crs.WGS84, Crs.CGCS2000);
        assertTrue(t.isIdentity());
        double[] out = new double[2];
        t.transform(117.2, 28.3, out);
        assertEquals(117.2, out[0], 0.0);
        assertEquals(28.3, out[1], 0.0);
        assertFalse(CrsTransform.of(Crs.WGS84, Crs.GCJ02).isIdentity());
    }

    @Test
    void gcj02_to_projected_goes_through_wgs84() {
        double[] gcj = new double[2];
        Gcj02.fromWgs84(114.0, 22.5, gcj);
        double[] out = new double[2];
        CrsTransform.of(Crs.GCJ02, Crs.epsg(4547)).transform(gcj[0], gcj[1], out);
        assertEquals(500000.0, out[0], 0.01);
        assertEquals(2489167.31108, out[1], 0.01);
        Geometry g = CrsTransform.transform(Geometries.point(114.0, 22.5), Crs.WGS84, Crs.epsg(4547));
        assertEquals(4547, g.getSRID());
        assertEquals(2489167.31108, g.getCoordinate().y, 0.001);
    }
}
