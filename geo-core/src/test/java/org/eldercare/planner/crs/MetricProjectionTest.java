package org.eldercare.planner.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eldercare.planner.model.Geometries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Control points computed independently with pyproj 3.4.1 / PROJ 9.1.1 (Debian python3-pyproj), e.g.
 * <pre>
 * /usr/bin/python3 -c "from pyproj import Transformer as T;
 *   print('%.5f %.5f' % T.from_crs(4326, 4547, always_xy=True).transform(114.0, 22.5))"
 * 500000.00000 2489167.31108
 * </pre>
 * PROJ uses the Poder/Engsager extended transverse Mercator, proj4j the classic series; they agree to well below
 * 1 mm inside a zone.
 */
class MetricProjectionTest {
    private static final double MM = 0.001;

    @ParameterizedTest(name = "{0},{1} -> EPSG:{2}")
    @CsvSource({
        // lon, lat, expected EPSG, pyproj x, pyproj y
        "114.0,     22.5,     4547,  500000.00000,  2489167.31108",   // Shenzhen area, on the CM 114E
        "113.2,     23.1,     4547,  418040.65773,  2555836.54844",   // Guangzhou, 0.8 deg west of the CM
        "117.21329, 28.28857, 4548,  520923.47525,  3130440.04569",   // Guixi seat (GeoNames), CM 117E
        "134.2,     47.7,     4554,  439954.60277,  5285381.43424",   // Heilongjiang, easternmost zone CM 135E
        "13.4,      52.5,     32633, 391390.73134,  5817855.24082",   // Berlin: outside China -> UTM 33N
    })
    void projects_control_points_to_within_a_millimetre(double lon, double lat, int epsg, double x, double y) {
        MetricProjection p = MetricProjection.forLongitude(lon);
        assertEquals(epsg, p.epsg());
        double[] xy = new double[2];
        p.toMetric(lon, lat, xy);
        assertEquals(x, xy[0], MM);
        assertEquals(y, xy[1], MM);
        double[] back = new double[2];
        p.toWgs84(xy[0], xy[1], back);
        assertEquals(lon, back[0], 1e-9);
        assertEquals(lat, back[1], 1e-9);
    }

    @Test
    void southern_hemisphere_outside_china_uses_utm_south() {
        // pyproj: 4326 -> 32751 (122.0, -10.0) = 390399.22749 8894421.41081
        MetricProjection p = MetricProjection.forLonLat(150.0, -10.0);
        assertEquals(32756, p.epsg());
        MetricProjection timor = MetricProjection.ofEpsg(32751);
        double[] xy = new double[2];
        timor.toMetric(122.0, -10.0, xy);
        assertEquals(390399.22749, xy[0], MM);
        assertEquals(8894421.41081, xy[1], MM);
    }

    @ParameterizedTest
    @CsvSource({
        // zone edges: CM = nearest multiple of 3; 73.5 is the first GK longitude, 136.5 the first UTM one
        "73.5,  4534", "76.49, 4534", "76.5, 4535", "112.5, 4547", "115.49, 4547", "135.0, 4554", "136.49, 4554",
        "136.5, 32653", "73.49, 32643", "-0.5, 32630", "180.0, 32660"})
    void chooses_the_zone_from_the_longitude(double lon, int epsg) {
        assertEquals(epsg, MetricProjection.forLongitude(lon).epsg());
    }

    @Test
    void rejects_invalid_longitudes_and_codes() {
        var e = assertThrows(IllegalArgumentException.class, () -> MetricProjection.forLongitude(Double.NaN));
        assertTrue(e.getMessage().startsWith("lon:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricProjection.forLongitude(181));
        var c = assertThrows(IllegalArgumentException.class, () -> MetricProjection.ofEpsg(4326));
        assertTrue(c.getMessage().startsWith("epsg:"), c.getMessage());
    }

    @Test
    void area_of_a_one_km_square_at_the_central_meridian() {
        // Corners of the square x 499500..500500, y 2489000..2490000 in EPSG:4547, converted to WGS84 with pyproj
        // (4547 -> 4326). At the CM the scale factor is 1 (k - 1 = (500 m / 6.38e6 m)^2 / 2 = 3e-9), so the area is
        // 1 000 000 m^2 and the perimeter 4000 m; straight lon/lat edges deviate from the projected straight edges by
        // far less than a millimetre over 1 km.
        Polygon sq = Geometries.WGS84.createPolygon(new Coordinate[] {
            new Coordinate(113.995140789182, 22.498489040778), new Coordinate(114.004859210818, 22.498489040778),
            new Coordinate(114.004859526291, 22.507519436170), new Coordinate(113.995140473709, 22.507519436170),
            new Coordinate(113.995140789182, 22.498489040778)});
        MetricProjection p = MetricProjection.forGeometry(sq);
        assertEquals(4547, p.epsg());
        assertEquals(1_000_000.0, p.areaM2(sq), 1.0);
        assertEquals(4000.0, p.lengthMeters(sq), 0.01);
        Geometry m = p.toMetric(sq);
        assertEquals(4547, m.getSRID());
        assertEquals(499500.0, m.getEnvelopeInternal().getMinX(), MM);
        assertEquals(2490000.0, m.getEnvelopeInternal().getMaxY(), MM);
        Geometry back = p.toWgs84(m);
        assertEquals(4326, back.getSRID());
        assertTrue(back.equalsExact(sq, 1e-9));
    }

    @Test
    void length_of_a_line_matches_the_ellipsoidal_distance_within_the_zone_scale_error() {
        // 0.001 deg of longitude at 22.5N: pyproj Geod(ellps='WGS84').inv(114.0,22.5,114.001,22.5) = 102.8962 m.
        // On the CM the GK scale factor is 1, so the projected length agrees to < 1 mm.
        LineString l = Geometries.WGS84.createLineString(new Coordinate[] {
            new Coordinate(114.0, 22.5), new Coordinate(114.001, 22.5)});
        assertEquals(102.8962, MetricProjection.forGeometry(l).lengthMeters(l), 0.001);
    }

    @Test
    void is_thread_safe_under_concurrent_use() throws Exception {
        // 4 threads project the same control point 20 000 times each through one shared instance; any shared
        // scratch state would garble some results.
        MetricProjection p = MetricProjection.forLongitude(114.0);
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                final double lon = 113.2 + 0.2 * t;
                fs.add(ex.submit(() -> {
                    double[] ref = new double[2];
                    p.toMetric(lon, 23.1, ref);
                    double[] xy = new double[2];
                    int bad = 0;
                    for (int i = 0; i < 20_000; i++) {
                        p.toMetric(lon, 23.1, xy);
                        if (xy[0] != ref[0] || xy[1] != ref[1]) {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            for (Future<Integer> f : fs) {
                assertEquals(0, f.get());
            }
        } finally {
            ex.shutdown();
        }
    }
}
