package org.eldercare.planner.io.gpkg;

/**
 * Type of an attribute column in a GeoPackage feature table, as this package writes and reads it.
 * <ul>
 *   <li>{@code TEXT}: {@link String} values</li>
 *   <li>{@code INTEGER}: whole numbers, read back as {@link Long}</li>
 *   <li>{@code REAL}: floating-point numbers, read back as {@link Double}</li>
 *   <li>{@code BOOLEAN}: {@link Boolean}, stored as 0/1</li>
 *   <li>{@code JSON}: lists, maps or mixed values, stored as JSON text and declared with MIME type
 *       {@code application/json} in {@code gpkg_data_columns} (as GDAL does), so that they read back as the same
 *       List/Map/value</li>
 * </ul>
 */
public enum FieldType {
    TEXT,
    INTEGER,
    REAL,
    BOOLEAN,
    JSON
}
