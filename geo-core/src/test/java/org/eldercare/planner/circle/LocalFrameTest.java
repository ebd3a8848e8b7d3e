package org.eldercare.planner.circle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eldercare.planner.crs.MetricProjection;
import org.junit.jupiter.api.Test;

/**
 * The local affine frame against the Gauss-Krüger projection it stands in for. Expected error, worked out from the
 * second-order terms of the projection: about ½ |∂²x/∂λ∂φ| Δλ Δφ + ½ |∂²y/∂λ²| Δλ² with ∂²x/∂λ∂φ ≈ −N sin φ
 * (N ≈ 6.387e6 m at 40° N): at 700 m north-east (Δλ = 1.18e-4 rad, Δφ = 0.78e-4 rad) ≈ 0.04 m, at 1.5 km ≈ 0.2 m,
 * with the square of the distance. The test allows 0.1 m and 0.4 m.
 */
class LocalFrameTest {
    private static final double LON = 116.33;
    private static final double LAT = 40.0;

    private static double error(double eastM, double northM) {
        MetricProjection proj = MetricProjection.forLonLat(LON, LAT);
        LocalFrame f = new LocalFrame(proj, LON, LAT);
        double lon = LON + eastM / (111_320 * Math.cos(Math.toRadians(LAT)));
        double lat = LAT + northM / 110_990;
        double[] exact = new double[2];
        double[] local = new double[2];
        proj.toMetric(lon, lat, exact);
        f.toMetric(lon, lat, local);
        return Math.hypot(exact[0] - local[0], exact[1] - local[1]);
    }

    @Test
    void affine_frame_is_within_centimetres_of_the_projection_at_walking_range() {
        assertTrue(error(0, 0) < 1e-6);
        double at700 = Math.max(Math.max(error(495, 495), error(-495, 495)), Math.max(error(700, 0), error(0, -700)));
        assertTrue(at700 < 0.1, "error at 700 m: " + at700);
        assertTrue(at700 > 0.001, "second-order error must show at 700 m: " + at700);
        double at1500 = Math.max(error(1060, 1060), error(-1500, 0));
        assertTrue(at1500 < 0.4, "error at 1.5 km: " + at1500);
        // quadratic growth: doubling the distance multiplies the error by about four
        double ratio = error(1000, 1000) / error(500, 500);
        assertEquals(4, ratio, 0.5);
    }

    @Test
    void inverse_is_exact() {
        LocalFrame f = new LocalFrame(MetricProjection.forLonLat(LON, LAT), LON, LAT);
        double[] xy = new double[2];
        double[] ll = new double[2];
        f.toMetric(LON + 0.01, LAT - 0.007, xy);
        f.toWgs84(xy[0], xy[1], ll);
        assertEquals(LON + 0.01, ll[0], 1e-12);
        assertEquals(LAT - 0.007, ll[1], 1e-12);
    }
}
