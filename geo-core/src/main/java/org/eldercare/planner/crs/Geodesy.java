package org.eldercare.planner.crs;

/**
 * Distances on the WGS84 ellipsoid. Stateless; THREAD-SAFE.
 *
 * <p>{@link #distanceMeters} uses Vincenty's inverse formula (T. Vincenty, "Direct and inverse solutions of geodesics
 * on the ellipsoid with application of nested equations", Survey Review 23(176), 1975), accurate to about 0.5 mm on
 * the ellipsoid. For nearly antipodal points (more than ~179.5° apart, never the case within one county) Vincenty's
 * iteration may not converge; there the method returns the spherical (haversine) distance, whose error is below
 * 0.5 %, as documented here rather than failing.
 */
public final class Geodesy {
    /** WGS84 semi-major axis, metres. */
    public static final double WGS84_A = 6378137.0;
    /** WGS84 flattening. */
    public static final double WGS84_F = 1 / 298.257223563;
    /** Mean Earth radius (IUGG R1 = (2a + b) / 3), metres, used by {@link #haversineMeters}. */
    public static final double MEAN_RADIUS_M = 6371008.8;

    private static final double B = WGS84_A * (1 - WGS84_F);

    private Geodesy() {}

    /**
     * Ellipsoidal distance in metres between two WGS84 points given in degrees (Vincenty inverse, ≈0.5 mm).
     *
     * @throws IllegalArgumentException when a coordinate is not finite or out of range
     */
    public static double distanceMeters(double lon1, double lat1, double lon2, double lat2) {
        check(lon1, lat1);
        check(lon2, lat2);
        double f = WGS84_F;
        double l = Math.toRadians(lon2 - lon1);
        double u1 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat1)));
        double u2 = Math.atan((1 - f) * Math.tan(Math.toRadians(lat2)));
        double sinU1 = Math.sin(u1);
        double cosU1 = Math.cos(u1);
        double sinU2 = Math.sin(u2);
        double cosU2 = Math.cos(u2);
        double lambda = l;
        for (int iter = 0; iter < 200; iter++) {
            double sinLambda = Math.sin(lambda);
            double cosLambda = Math.cos(lambda);
            double sinSigma = Math.sqrt((cosU2 * sinLambda) * (cosU2 * sinLambda)
                + (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) * (cosU1 * sinU2 - sinU1 * cosU2 * cosLambda));
            if (sinSigma == 0) {
                return 0.0;
            }
            double cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            double sigma = Math.atan2(sinSigma, cosSigma);
            double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            double cosSqAlpha = 1 - sinAlpha * sinAlpha;
            double cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha;
            double c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
            double lambdaPrev = lambda;
            lambda = l + (1 - c) * f * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.abs(lambda - lambdaPrev) < 1e-12) {
                double uSq = cosSqAlpha * (WGS84_A * WGS84_A - B * B) / (B * B);
                double bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
                double bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
                double deltaSigma = bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM
                    * cos2SigmaM) - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma)
                    * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
                return B * bigA * (sigma - deltaSigma);
            }
        }
        return haversineMeters(lon1, lat1, lon2, lat2);
    }

    /**
     * Great-circle distance in metres on a sphere of radius {@link #MEAN_RADIUS_M} (haversine). Error against the
     * ellipsoid up to 0.5 % (typically 0.1–0.3 % in China); cheaper than {@link #distanceMeters}.
     */
    public static double haversineMeters(double lon1, double lat1, double lon2, double lat2) {
        check(lon1, lat1);
        check(lon2, lat2);
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * MEAN_RADIUS_M * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }

    private static void check(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("coordinate: must be WGS84 lon in [-180,180] and lat in [-90,90], was ("
                + lon + ", " + lat + ")");
        }
    }
}
