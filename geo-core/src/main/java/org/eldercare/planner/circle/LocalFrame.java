package org.eldercare.planner.circle;

import org.eldercare.planner.crs.MetricProjection;

/**
 * The metric projection replaced, near one point, by its first-order (affine) expansion: {@code x = X0 + a (λ − λ0) +
 * b (φ − φ0)}, {@code y = Y0 + c (λ − λ0) + d (φ − φ0)} with (X0, Y0) the projected point and a..d the projection's
 * Jacobian there (central differences over ±0.001°). One service-area source uses it for every vertex of its
 * reached pieces and its polygon, so a circle costs four multiplications per vertex instead of two proj4j
 * transforms (issue 18: the transforms were 40–55 % of the polygon time).
 *
 * <p>Error against the projection: second-order terms, at most 0.036 m at 700 m from the point (the 15-minute walk
 * at 0.76 m/s), 0.17 m at 1.5 km, 0.67 m at 3 km (Haidian, 16 directions), growing with the square of the distance
 * (tested in {@code LocalFrameTest}); far below the grid cell (10 m). The frame's axes are those of the projection, so the rasters of different sources stay on
 * one grid to within that error. Forward and inverse are exact inverses of each other, so a polygon drawn in the
 * frame lies exactly where the frame put the roads. Immutable.
 */
final class LocalFrame {
    private static final double H = 1e-3;

    private final double lon0;
    private final double lat0;
    private final double x0;
    private final double y0;
    private final double a;
    private final double b;
    private final double c;
    private final double d;
    private final double ia;
    private final double ib;
    private final double ic;
    private final double id;

    LocalFrame(MetricProjection proj, double lon, double lat) {
        double[] p = new double[2];
        double[] q = new double[2];
        proj.toMetric(lon, lat, p);
        lon0 = lon;
        lat0 = lat;
        x0 = p[0];
        y0 = p[1];
        proj.toMetric(lon + H, lat, p);
        proj.toMetric(lon - H, lat, q);
        a = (p[0] - q[0]) / (2 * H);
        c = (p[1] - q[1]) / (2 * H);
        proj.toMetric(lon, lat + H, p);
        proj.toMetric(lon, lat - H, q);
        b = (p[0] - q[0]) / (2 * H);
        d = (p[1] - q[1]) / (2 * H);
        double det = a * d - b * c;
        ia = d / det;
        ib = -b / det;
        ic = -c / det;
        id = a / det;
    }

    /** Metric x, y of (lon, lat) into {@code xy}. */
    void toMetric(double lon, double lat, double[] xy) {
        double dl = lon - lon0;
        double dp = lat - lat0;
        xy[0] = x0 + a * dl + b * dp;
        xy[1] = y0 + c * dl + d * dp;
    }

    /** Inverse of {@link #toMetric}: lon, lat of metric (x, y) into {@code ll}. */
    void toWgs84(double x, double y, double[] ll) {
        double dx = x - x0;
        double dy = y - y0;
        ll[0] = lon0 + ia * dx + ib * dy;
        ll[1] = lat0 + ic * dx + id * dy;
    }
}
