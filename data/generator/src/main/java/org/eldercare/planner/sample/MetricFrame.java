package org.eldercare.planner.sample;

import org.eldercare.planner.crs.MetricProjection;
import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Metres for placing synthetic features: offsets, distances and planar geometry in the {@link MetricProjection}
 * (CGCS2000 3-degree Gauss-Krüger zone) of a reference point, so that the generator measures the way the planner
 * does. Coordinates returned in WGS84 are rounded to 7 decimals (about 1 cm). Immutable.
 */
final class MetricFrame {
    private final MetricProjection projection;

    /**
     * @throws IllegalArgumentException when the reference is not a finite lon/lat
     */
    MetricFrame(double lon0, double lat0) {
        this.projection = MetricProjection.forLonLat(lon0, lat0);
    }

    /** Easting/northing in metres of a lon/lat coordinate. */
    Coordinate toMetres(Coordinate lonLat) {
        double[] xy = new double[2];
        projection.toMetric(lonLat.x, lonLat.y, xy);
        return new Coordinate(xy[0], xy[1]);
    }

    /** Lon/lat (not rounded) of a coordinate in metres. */
    Coordinate toLonLat(Coordinate metres) {
        double[] ll = new double[2];
        projection.toWgs84(metres.x, metres.y, ll);
        return new Coordinate(ll[0], ll[1]);
    }

    /** A projected copy (metres) of a WGS84 geometry. */
    Geometry toMetres(Geometry lonLat) {
        return projection.toMetric(lonLat);
    }

    /** A WGS84 copy (not rounded) of a geometry in metres. */
    Geometry toLonLat(Geometry metres) {
        return projection.toWgs84(metres);
    }

    /** Ground distance in metres between two lon/lat points (grid distance in the projection, within 0.04 %). */
    double distanceMetres(Point a, Point b) {
        return toMetres(a.getCoordinate()).distance(toMetres(b.getCoordinate()));
    }

    /**
     * The point {@code eastMetres} east and {@code northMetres} north (grid directions of the projection) of
     * {@code p}, rounded to 7 decimals.
     */
    Point offset(Point p, double eastMetres, double northMetres) {
        Coordinate m = toMetres(p.getCoordinate());
        Coordinate ll = toLonLat(new Coordinate(m.x + eastMetres, m.y + northMetres));
        return point(ll.x, ll.y);
    }

    /** A WGS84 point rounded to 7 decimals. */
    static Point point(double lon, double lat) {
        return Geometries.point(round7(lon), round7(lat));
    }

    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }
}
