package org.eldercare.planner.io.gpkg;

import java.io.IOException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;

/**
 * Conversion between JTS geometries and the GeoPackage geometry blob (header + envelope + WKB), for code that reads
 * or writes GeoPackage tables with plain SQL.
 */
public final class GeoPackageBinary {
    private GeoPackageBinary() {}

    /**
     * Decodes a GeoPackage geometry blob; null for null.
     *
     * @throws IllegalArgumentException when the blob is not a valid GeoPackage geometry
     */
    public static Geometry read(byte[] blob, GeometryFactory factory) {
        try {
            return Gpkg.toJts(blob, factory);
        } catch (IOException | ParseException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid GeoPackage geometry: " + e.getMessage(), e);
        }
    }

    /** Encodes a geometry (2D) with its envelope for the given srs_id; null for null. */
    public static byte[] write(Geometry geometry, long srsId) {
        try {
            return Gpkg.toBlob(geometry, srsId);
        } catch (IOException e) {
            throw new IllegalArgumentException("geometry cannot be encoded: " + e.getMessage(), e);
        }
    }
}
