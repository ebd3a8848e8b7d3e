package org.eldercare.planner.io.gpkg;

import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;

/**
 * What a GeoPackage feature table holds: name, feature count, coordinate reference system, extent, geometry type
 * and attribute columns. Immutable (the envelope is copied in and out).
 *
 * @param table        table name
 * @param featureCount number of rows
 * @param crs          CRS as {@code AUTHORITY:CODE}, e.g. {@code EPSG:4326}; {@code undefined} for srs_id 0/-1
 * @param srsName      the SRS name stored in the file, e.g. {@code WGS 84 geodetic}
 * @param extent       extent of the geometries in the table's CRS, empty when the table has no geometry
 * @param geometryType declared geometry type (POINT, MULTIPOLYGON, GEOMETRY, …)
 * @param fields       attribute columns (without primary key and geometry), in table order
 * @param spatialIndex whether the table has an RTree spatial index
 */
public record LayerInfo(String table, long featureCount, String crs, String srsName, Optional<Envelope> extent,
        String geometryType, List<LayerSchema.Field> fields, boolean spatialIndex) {
    public LayerInfo {
        extent = extent.map(Envelope::new);
        fields = List.copyOf(fields);
    }

    @Override
    public Optional<Envelope> extent() {
        return extent.map(Envelope::new);
    }

    /** The EPSG code when {@link #crs()} is an EPSG code, else empty. */
    public java.util.OptionalInt epsg() {
        if (crs.startsWith("EPSG:")) {
            return java.util.OptionalInt.of(Integer.parseInt(crs.substring(5)));
        }
        return java.util.OptionalInt.empty();
    }
}
