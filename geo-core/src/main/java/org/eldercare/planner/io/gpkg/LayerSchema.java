package org.eldercare.planner.io.gpkg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eldercare.planner.io.Feature;
import org.locationtech.jts.geom.Geometry;

/**
 * The shape of one feature table: name, geometry type, EPSG code of its coordinates and typed attribute columns in
 * order. Every table also has an integer primary key {@value #PK_COLUMN} and a geometry column
 * {@value #GEOMETRY_COLUMN}; attribute names must differ from those two (case-insensitively, as in SQLite).
 * Immutable.
 *
 * @param table        table name (non-blank; must not start with {@code gpkg_} or {@code rtree_})
 * @param geometryType OGC geometry type name in upper case: POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING,
 *                     MULTIPOLYGON, GEOMETRYCOLLECTION or GEOMETRY (any)
 * @param epsg         EPSG code of the coordinates, e.g. 4326 (WGS84 lon/lat) or 4547 (CGCS2000 / 3-degree GK CM 114E)
 * @param fields       attribute columns in table order; names unique case-insensitively
 */
public record LayerSchema(String table, String geometryType, int epsg, List<Field> fields) {
    /** Name of the integer primary key column of every table written here. */
    public static final String PK_COLUMN = "fid";
    /** Name of the geometry column of every table written here. */
    public static final String GEOMETRY_COLUMN = "geom";
    /** Attribute that carries {@link Feature#id()} when the features have ids. */
    public static final String ID_FIELD = "id";

    private static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
        "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "GEOMETRY");

    /** One attribute column: name and type. Immutable. */
    public record Field(String name, FieldType type) {
        public Field {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("field.name: must be a non-blank column name, was '" + name + "'");
            }
            if (type == null) {
                throw new IllegalArgumentException("field.type of '" + name + "': is required but missing");
            }
        }
    }

    public LayerSchema {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("table: must be a non-blank table name, was '" + table + "'");
        }
        String lower = table.toLowerCase(Locale.ROOT);
        if (lower.startsWith("gpkg_") || lower.startsWith("rtree_") || lower.startsWith("sqlite_")) {
            throw new IllegalArgumentException("table: names starting with gpkg_, rtree_ or sqlite_ are reserved, was '"
                + table + "'");
        }
        if (geometryType == null || !GEOMETRY_TYPES.contains(geometryType)) {
            throw new IllegalArgumentException("geometryType: must be one of " + GEOMETRY_TYPES + ", was '"
                + geometryType + "'");
        }
        if (epsg <= 0) {
            throw new IllegalArgumentException("epsg: must be a positive EPSG code, was " + epsg);
        }
        fields = List.copyOf(fields);
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            String key = f.name().toLowerCase(Locale.ROOT);
            if (key.equals(PK_COLUMN) || key.equals(GEOMETRY_COLUMN)) {
                throw new IllegalArgumentException("fields: attribute '" + f.name() + "' of table '" + table
                    + "' clashes with the reserved column '" + key + "'; rename it");
            }
            if (!seen.add(key)) {
                throw new IllegalArgumentException("fields: attribute '" + f.name() + "' of table '" + table
                    + "' appears twice (column names are case-insensitive)");
            }
        }
    }

    /** The field of that name, or null. */
    Field field(String name) {
        for (Field f : fields) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /**
     * Infers a schema from features: one column per property key (in order of first appearance), typed from the
     * non-null values (all Boolean → BOOLEAN; all whole numbers → INTEGER; all numbers → REAL; all strings → TEXT;
     * anything else, including lists, maps and mixed types → JSON; only nulls → TEXT). When any feature has a
     * non-empty id and no property is called {@value #ID_FIELD}, a TEXT column {@value #ID_FIELD} comes first.
     * The geometry type is the common type of the non-null geometries, else GEOMETRY.
     *
     * @throws IllegalArgumentException when a property name clashes with {@value #PK_COLUMN} or
     *                                  {@value #GEOMETRY_COLUMN}, or two names differ only in case
     */
    public static LayerSchema infer(String table, int epsg, List<Feature> features) {
        Map<String, FieldType> types = new LinkedHashMap<>();
        boolean hasIds = false;
        String geometryType = null;
        boolean mixedGeometry = false;
        for (Feature f : features) {
            hasIds |= !f.id().isEmpty();
            Geometry g = f.geometry();
            if (g != null) {
                String t = g.getGeometryType().toUpperCase(Locale.ROOT);
                if (geometryType == null) {
                    geometryType = t;
                } else if (!geometryType.equals(t)) {
                    mixedGeometry = true;
                }
            }
            for (Map.Entry<String, Object> e : f.properties().entrySet()) {
                FieldType seen = types.get(e.getKey());
                FieldType now = typeOf(e.getValue());
                types.put(e.getKey(), merge(seen, now, types.containsKey(e.getKey())));
            }
        }
        List<Field> fields = new ArrayList<>();
        if (hasIds && !types.containsKey(ID_FIELD)) {
            fields.add(new Field(ID_FIELD, FieldType.TEXT));
        }
        types.forEach((k, v) -> fields.add(new Field(k, v == null ? FieldType.TEXT : v)));
        String geom = geometryType == null || mixedGeometry ? "GEOMETRY" : geometryType;
        return new LayerSchema(table, geom, epsg, fields);
    }

    /** Type of one value, null for null. */
    private static FieldType typeOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean) {
            return FieldType.BOOLEAN;
        }
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
                || v instanceof java.math.BigInteger && ((java.math.BigInteger) v).bitLength() < 64) {
            return FieldType.INTEGER;
        }
        if (v instanceof Number) {
            return FieldType.REAL;
        }
        if (v instanceof String) {
            return FieldType.TEXT;
        }
        return FieldType.JSON;
    }

    private static FieldType merge(FieldType a, FieldType b, boolean present) {
        if (!present || a == null) {
            return b;
        }
        if (b == null || a == b) {
            return a;
        }
        if ((a == FieldType.INTEGER && b == FieldType.REAL) || (a == FieldType.REAL && b == FieldType.INTEGER)) {
            return FieldType.REAL;
        }
        return FieldType.JSON;
    }
}
