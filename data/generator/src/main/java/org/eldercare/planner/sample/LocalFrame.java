package org.eldercare.planner.sample;

import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;

/**
 * A local equirectangular metric frame around a reference latitude: x metres east, y metres north of
 * ({@code lon0}, {@code lat0}). Distortion is below 0.5 % within ±50 km of the reference, which is ample for placing
 * synthetic features inside one county. Coordinates returned in WGS84 are rounded to 7 decimals (about 1 cm).
 * Immutable.
 */
final class LocalFrame {
    /** Metres per degree of latitude (WGS84 mean at mid-latitudes). */
    static final double METRES_PER_DEGREE_LAT = 110_574.0;
    /** Metres per degree of longitude at the equator. */
    static final double METRES_PER_DEGREE_LON_EQUATOR = 111_320.0;

    private final double lon0;
    private final double lat0;
    private final double metresPerDegreeLon;

    LocalFrame(double lon0, double lat0) {
        if (!(lat0 > -80 && lat0 < 80) || !(lon0 >= -180 && lon0 <= 180)) {
            throw new IllegalArgumentException("reference must be lon in [-180,180], lat in (-80,80), was ("
                + lon0 + ", " + lat0 + ")");
        }
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.metresPerDegreeLon = METRES_PER_DEGREE_LON_EQUATOR * Math.cos(Math.toRadians(lat0));
    }

    /** Metres east/north of the reference for a lon/lat coordinate. */
    Coordinate toMetres(Coordinate lonLat) {
        return new Coordinate((lonLat.x - lon0) * metresPerDegreeLon, (lonLat.y - lat0) * METRES_PER_DEGREE_LAT);
    }

    /** Lon/lat (not rounded) of a coordinate in metres. */
    Coordinate toLonLat(Coordinate metres) {
        return new Coordinate(lon0 + metres.x / metresPerDegreeLon, lat0 + metres.y / METRES_PER_DEGREE_LAT);
    }

    /** Scale factor x'/lon that makes degrees isotropic: multiply longitudes by this before planar geometry. */
    double lonScale() {
        return metresPerDegreeLon / METRES_PER_DEGREE_LAT;
    }

    /** Approximate ground distance in metres between two lon/lat points. */
    double distanceMetres(Point a, Point b) {
        double dx = (a.getX() - b.getX()) * metresPerDegreeLon;
        double dy = (a.getY() - b.getY()) * METRES_PER_DEGREE_LAT;
        return Math.hypot(dx, dy);
    }

    /** The point {@code eastMetres} east and {@code northMetres} north of {@code p}, rounded to 7 decimals. */
    Point offset(Point p, double eastMetres, double northMetres) {
        return point(p.getX() + eastMetres / metresPerDegreeLon, p.getY() + northMetres / METRES_PER_DEGREE_LAT);
    }

    /** A WGS84 point rounded to 7 decimals. */
    static Point point(double lon, double lat) {
        return Geometries.point(round7(lon), round7(lat));
    }

    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
