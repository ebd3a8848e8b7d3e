package org.eldercare.planner.crs;

import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Geometry;

/**
 * Conversion between WGS84 and GCJ-02 (国测局坐标, "Mars coordinates"), the obfuscated system of Chinese consumer
 * maps (Gaode/AutoNavi, Tencent, Alibaba DataV). GCJ-02 positions are 300–600 m off WGS84 in most of China.
 *
 * <p>Forward (WGS84 → GCJ-02): the widely published formula (Krasovsky ellipsoid a = 6 378 245 m,
 * e² = 0.00669342162296594323, offsets computed around (105°E, 35°N)); the same constants as used to derive the
 * {@code *_full.wgs84.geojson} files of shared/data/raw (SOURCES.md §2). Outside the rectangle
 * 72.004–137.8347°E, 0.8293–55.8271°N the formula applies no offset and neither does this class.
 *
 * <p>Inverse (GCJ-02 → WGS84): there is no closed form; fixed-point iteration w ← w − (forward(w) − g) until the
 * correction is below 1e-10° (about 0.01 mm) or 30 steps. The offset field is smooth (its gradient is of order
 * 1e-4), so the iteration contracts fast: 3–5 steps reach 1e-10°. Round-trip error is well below 1 m (tests assert
 * it on points across China).
 *
 * <p>Stateless; THREAD-SAFE.
 */
public final class Gcj02 {
    /** Semi-major axis of the Krasovsky 1940 ellipsoid used by the GCJ-02 formula, metres. */
    static final double A = 6378245.0;
    /** First eccentricity squared of that ellipsoid. */
    static final double EE = 0.00669342162296594323;

    private static final int MAX_ITERATIONS = 30;
    private static final double TOLERANCE_DEG = 1e-10;

    private Gcj02() {}

    /** True when the point lies outside the rectangle in which the GCJ-02 offset is applied. */
    public static boolean outOfChina(double lon, double lat) {
        return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
    }

    /** WGS84 → GCJ-02 for one point: {@code out[0]} = lon, {@code out[1]} = lat (degrees). */
    public static void fromWgs84(double lon, double lat, double[] out) {
        checkLonLat(lon, lat);
        if (outOfChina(lon, lat)) {
            out[0] = lon;
            out[1] = lat;
            return;
        }
        double dLat = offsetLat(lon - 105.0, lat - 35.0);
        double dLon = offsetLon(lon - 105.0, lat - 35.0);
        double radLat = Math.toRadians(lat);
        double magic = Math.sin(radLat);
        magic = 1 - EE * magic * magic;
        double sqrtMagic = Math.sqrt(magic);
        dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
        dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
        out[0] = lon + dLon;
        out[1] = lat + dLat;
    }

    /** GCJ-02 → WGS84 for one point by fixed-point iteration (see class comment); error well below 1 m. */
    public static void toWgs84(double lon, double lat, double[] out) {
        checkLonLat(lon, lat);
        if (outOfChina(lon, lat)) {
            out[0] = lon;
            out[1] = lat;
            return;
        }
        double wLon = lon;
        double wLat = lat;
        double[] g = new double[2];
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            fromWgs84(wLon, wLat, g);
            double eLon = g[0] - lon;
            double eLat = g[1] - lat;
            wLon -= eLon;
            wLat -= eLat;
            if (Math.abs(eLon) < TOLERANCE_DEG && Math.abs(eLat) < TOLERANCE_DEG) {
                break;
            }
        }
        out[0] = wLon;
        out[1] = wLat;
    }

    /** A GCJ-02 copy (SRID 0) of a WGS84 geometry. */
    public static Geometry fromWgs84(Geometry wgs84) {
        return GeometryTransforms.apply(wgs84, 0, Gcj02::fromWgs84);
    }

    /** A WGS84 copy (SRID 4326) of a GCJ-02 geometry. */
    public static Geometry toWgs84(Geometry gcj02) {
        return GeometryTransforms.apply(gcj02, Geometries.WGS84_SRID, Gcj02::toWgs84);
    }

    private static void checkLonLat(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("coordinate: GCJ-02 conversion needs lon in [-180,180] and lat in "
                + "[-90,90], was (" + lon + ", " + lat + ")");
        }
    }

    private static double offsetLat(double x, double y) {
        double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
        return ret;
    }

    private static double offsetLon(double x, double y) {
        double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
        ret += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
        ret += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
        ret += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
        return ret;
    }
}
