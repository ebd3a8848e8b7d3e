package org.eldercare.planner.crs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A metric (metre-based, conformal) projection chosen from the data's longitude, used to measure lengths, areas and
 * buffers of WGS84 geometries.
 *
 * <p>Choice of zone: inside China's longitudes (73.5°E ≤ lon &lt; 136.5°E) the CGCS2000 3-degree Gauss-Krüger zone
 * whose central meridian (CM) is the multiple of 3° nearest to the longitude, in its "CM" variant without the zone
 * number in the false easting: EPSG:4534 (CM 75°E) … EPSG:4554 (CM 135°E), false easting 500 000 m, scale 1. Outside
 * those longitudes, the WGS84 UTM zone (EPSG:326zz north, 327zz south; {@link #forLongitude(double)} assumes the
 * northern hemisphere).
 *
 * <p>Datum: CGCS2000 and WGS84 are treated as the same datum. The two realisations differ by a few centimetres
 * (ITRF97 vs ITRF2008-based, GRS80 vs WGS84 ellipsoid flattening differs by 1e-11), far below the accuracy of
 * planning data; WGS84 longitudes/latitudes are therefore projected as if they were CGCS2000 (as PROJ's "ballpark"
 * WGS84→CGCS2000 transformation does).
 *
 * <p>Accuracy of measurements: Gauss-Krüger and UTM are conformal; the point scale factor grows with the distance
 * from the CM, k ≈ k0 (1 + (Δλ cos φ)² / 2). Within a 3° zone (|Δλ| ≤ 1.5°) lengths are too long by at most 0.034 %
 * and areas by 0.07 %; UTM (k0 = 0.9996, |Δλ| ≤ 3°) stays within −0.04 % … +0.1 %. Geometries far wider than a zone
 * are measured in the zone of their envelope centre and carry larger errors (about 0.15 % at 3° from the CM).
 *
 * <p>THIS CLASS IS IMMUTABLE AND THREAD-SAFE. Instances are cached per EPSG code.
 */
public final class MetricProjection {
    /** Westernmost longitude handled by a Gauss-Krüger zone (western edge of the CM 75°E zone). */
    public static final double GK_MIN_LON = 73.5;
    /** Longitude (exclusive) where the Gauss-Krüger zones end (eastern edge of the CM 135°E zone). */
    public static final double GK_MAX_LON = 136.5;

    private static final ConcurrentMap<Integer, MetricProjection> CACHE = new ConcurrentHashMap<>();

    private final int epsg;
    private final double centralMeridian;
    private final ProjPipeline forward;
    private final ProjPipeline inverse;

    private MetricProjection(int epsg, double centralMeridian) {
        this.epsg = epsg;
        this.centralMeridian = centralMeridian;
        this.forward = new ProjPipeline(Geometries.WGS84_SRID, epsg);
        this.inverse = new ProjPipeline(epsg, Geometries.WGS84_SRID);
    }

    /**
     * The projection for a longitude in degrees (northern hemisphere assumed outside China's longitudes).
     *
     * @throws IllegalArgumentException when {@code lon} is not finite or outside [-180, 180]
     */
    public static MetricProjection forLongitude(double lon) {
        return forLonLat(lon, 0.0);
    }

    /**
     * The projection for a longitude and latitude in degrees: Gauss-Krüger inside China's longitudes, else UTM north
     * (lat ≥ 0) or south (lat &lt; 0).
     *
     * @throws IllegalArgumentException when a value is not finite or out of range
     */
    public static MetricProjection forLonLat(double lon, double lat) {
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("lon: must be a finite longitude in [-180, 180], was " + lon);
        }
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("lat: must be a finite latitude in [-90, 90], was " + lat);
        }
        if (lon >= GK_MIN_LON && lon < GK_MAX_LON) {
            int cm = 3 * (int) Math.floor(lon / 3.0 + 0.5);
            return ofEpsg(4534 + (cm - 75) / 3);
        }
        int zone = Math.min(60, (int) Math.floor((lon + 180) / 6) + 1);
        return ofEpsg((lat >= 0 ? 32600 : 32700) + zone);
    }

    /**
     * The projection for a WGS84 geometry, chosen by the centre of its envelope.
     *
     * @throws IllegalArgumentException when the geometry is null or empty
     */
    public static MetricProjection forGeometry(Geometry wgs84) {
        if (wgs84 == null || wgs84.isEmpty()) {
            throw new IllegalArgumentException("geometry: must be a non-empty WGS84 geometry, was "
                + (wgs84 == null ? "null" : "empty"));
        }
        Envelope e = wgs84.getEnvelopeInternal();
        return forLonLat(e.centre().x, e.centre().y);
    }

    /**
     * The projection with this EPSG code (4534–4554 or a UTM zone).
     *
     * @throws IllegalArgumentException for any other code
     */
    public static MetricProjection ofEpsg(int epsg) {
        double cm;
        if (epsg >= 4534 && epsg <= 4554) {
            cm = 75 + 3.0 * (epsg - 4534);
        } else if ((epsg >= 32601 && epsg <= 32660) || (epsg >= 32701 && epsg <= 32760)) {
            cm = -183 + 6.0 * (epsg % 100);
        } else {
            throw new IllegalArgumentException("epsg: not a metric projection of this project: " + epsg
                + " (allowed 4534-4554, 32601-32660, 32701-32760)");
        }
        return CACHE.computeIfAbsent(epsg, code -> new MetricProjection(code, cm));
    }

    /** EPSG code of the projection, e.g. 4547 (CGCS2000 / 3-degree Gauss-Krüger CM 114E). */
    public int epsg() {
        return epsg;
    }

    /** Central meridian in degrees east. */
    public double centralMeridian() {
        return centralMeridian;
    }

    /** The projection as a {@link Crs}. */
    public Crs crs() {
        return Crs.epsg(epsg);
    }

    /** A projected copy (x, y in metres, SRID = {@link #epsg()}) of a WGS84 lon/lat geometry. */
    public Geometry toMetric(Geometry wgs84) {
        return GeometryTransforms.apply(wgs84, epsg, forward::transform);
    }

    /** A WGS84 lon/lat copy (SRID 4326) of a geometry in this projection. */
    public Geometry toWgs84(Geometry metric) {
        return GeometryTransforms.apply(metric, Geometries.WGS84_SRID, inverse::transform);
    }

    /**
     * Projects one WGS84 point into {@code outXY[0]} (easting, m) and {@code outXY[1]} (northing, m). Allocates nothing
     * after the first call on a thread.
     */
    public void toMetric(double lon, double lat, double[] outXY) {
        forward.transform(lon, lat, outXY);
    }

    /** Inverse of {@link #toMetric(double, double, double[])}: {@code outLonLat[0]} = lon, {@code [1]} = lat. */
    public void toWgs84(double x, double y, double[] outLonLat) {
        inverse.transform(x, y, outLonLat);
    }

    /**
     * Length in metres of a WGS84 geometry measured in this projection (lines: length; polygons: perimeter; points
     * and empty geometries: 0). Accuracy: see the class comment (within 0.034 % inside this GK zone). Use
     * {@code MetricProjection.forGeometry(g).lengthMeters(g)} to measure in the geometry's own zone.
     *
     * @throws IllegalArgumentException when the geometry is null or a coordinate cannot be projected
     */
    public double lengthMeters(Geometry wgs84) {
        if (wgs84 == null) {
            throw new IllegalArgumentException("geometry: must not be null");
        }
        return wgs84.isEmpty() ? 0.0 : toMetric(wgs84).getLength();
    }

    /**
     * Area in m² of a WGS84 polygon or multipolygon measured in this projection (points, lines and empty geometries:
     * 0). Accuracy: see the class comment (within 0.07 % inside this GK zone).
     *
     * @throws IllegalArgumentException when the geometry is null or a coordinate cannot be projected
     */
    public double areaM2(Geometry wgs84) {
        if (wgs84 == null) {
            throw new IllegalArgumentException("geometry: must not be null");
        }
        return wgs84.isEmpty() ? 0.0 : toMetric(wgs84).getArea();
    }

    @Override
    public String toString() {
        return "MetricProjection[EPSG:" + epsg + ", CM " + centralMeridian + "]";
    }
}
