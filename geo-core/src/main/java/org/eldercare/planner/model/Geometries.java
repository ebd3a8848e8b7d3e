package org.eldercare.planner.model;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** The one geometry factory for model geometries: WGS84 lon/lat (SRID 4326), floating precision. */
public final class Geometries {
    /** SRID of every model geometry. */
    public static final int WGS84_SRID = 4326;
    public static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), WGS84_SRID);

    private Geometries() {}

    /** A WGS84 point; x = longitude, y = latitude. */
    public static Point point(double lon, double lat) {
        return WGS84.createPoint(new Coordinate(lon, lat));
    }
}
