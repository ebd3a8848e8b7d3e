package org.eldercare.planner.io.gpkg;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.model.InputProblem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads the feature tables of a GeoPackage into {@link Feature} lists, and describes them ({@link LayerInfo}).
 *
 * <p>Geometries are converted through WKB to JTS and keep the table's coordinates; their SRID is the table's EPSG
 * code (0 when the table's CRS is not an EPSG code), see {@link LayerInfo#crs()}. Property values are typed by the
 * declared column type: INTEGER-like → {@link Long}, REAL/FLOAT/DOUBLE → {@link Double}, BOOLEAN → {@link Boolean},
 * TEXT/DATE/DATETIME → {@link String}, BLOB → Base64 {@link String}, columns declared {@code application/json} in
 * {@code gpkg_data_columns} → the parsed List/Map/value. NULL values are left out of the properties (a table cannot
 * tell a missing property from a null one). A column named {@code id} becomes {@link Feature#id()}; otherwise the
 * primary key does. Rows come in primary-key order.
 *
 * <p>Errors: every unreadable value (bad geometry blob, invalid JSON) of a table is collected and thrown together
 * as one {@link ReadException} naming file, feature (primary key) and field; nothing of that table is returned.
 *
 * <p>Not thread-safe: one reader per thread. Close it (it holds an SQLite connection).
 */
public final class GeoPackageReader implements AutoCloseable {
    private final GeoPackage gpkg;
    private final String fileLabel;
    private final boolean owned;

    private GeoPackageReader(GeoPackage gpkg, String fileLabel, boolean owned) {
        this.gpkg = gpkg;
        this.fileLabel = fileLabel;
        this.owned = owned;
    }

    /**
     * Opens a GeoPackage file read-only.
     *
     * @throws ReadException when the file does not exist or is not a GeoPackage
     */
    public static GeoPackageReader open(Path file) {
        try {
            return new GeoPackageReader(Gpkg.open(file, false), file.toString(), true);
        } catch (GeoPackageException | IllegalArgumentException e) {
            throw new ReadException(file.toString(), null, null, "not a readable GeoPackage: " + e.getMessage());
        }
    }

    /** A reader over an already open GeoPackage (not closed by {@link #close()}), e.g. inside a transaction. */
    public static GeoPackageReader over(GeoPackage gpkg) {
        return new GeoPackageReader(gpkg, gpkg.getPath() == null ? gpkg.getName() : gpkg.getPath(), false);
    }

    /** Every feature table of the file, by table name in the order of {@code gpkg_contents}. */
    public static Map<String, List<Feature>> read(Path file) {
        try (GeoPackageReader r = open(file)) {
            return r.readAll();
        }
    }

    /** Descriptions of every feature table of the file. */
    public static List<LayerInfo> describe(Path file) {
        try (GeoPackageReader r = open(file)) {
            return r.listLayers();
        }
    }

    /** Names of the feature tables, in the order of {@code gpkg_contents}. */
    public List<String> listTables() {
        return gpkg.getFeatureTables();
    }

    /** Describes every feature table: count, CRS, extent, geometry type, columns and spatial index. */
    public List<LayerInfo> listLayers() {
        List<LayerInfo> out = new ArrayList<>();
        for (String t : listTables()) {
            out.add(describeTable(t));
        }
        return out;
    }

    /** Describes one feature table; throws {@link ReadException} when there is no such feature table. */
    public LayerInfo describeTable(String table) {
        FeatureDao dao = dao(table);
        GeometryColumns gc = dao.getGeometryColumns();
        SpatialReferenceSystem srs = gc.getSrs();
        String crs = crsName(srs);
        Envelope extent = extent(dao, table);
        List<LayerSchema.Field> fields = new ArrayList<>();
        Set<String> json = jsonColumns(table);
        for (FeatureColumn col : dao.getTable().getColumns()) {
            if (col.isPrimaryKey() || col.isGeometry()) {
                continue;
            }
            fields.add(new LayerSchema.Field(col.getName(), fieldType(col, json)));
        }
        String rtree = rtreeTable(Gpkg.jdbc(gpkg), table, dao.getTable().getGeometryColumnName());
        return new LayerInfo(table, dao.count(), crs, srs == null ? "undefined" : srs.getSrsName(),
            extent.isNull() ? Optional.empty() : Optional.of(extent), gc.getGeometryTypeName(), fields,
            rtree != null);
    }

    /**
     * Extent of a table: the bounds recorded in gpkg_contents when present (exact for files written here, informative
     * in general), else the geometries' envelopes.
     */
    private Envelope extent(FeatureDao dao, String table) {
        Contents contents = dao.getGeometryColumns().getContents();
        if (contents != null && contents.getMinX() != null && contents.getMaxX() != null
                && contents.getMinY() != null && contents.getMaxY() != null) {
            return new Envelope(contents.getMinX(), contents.getMaxX(), contents.getMinY(), contents.getMaxY());
        }
        Envelope extent = new Envelope();
        for (Feature f : readLayer(table)) {
            if (f.geometry() != null) {
                extent.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        return extent;
    }

    /** Every feature table, by name, in the order of {@code gpkg_contents}. */
    public Map<String, List<Feature>> readAll() {
        Map<String, List<Feature>> out = new LinkedHashMap<>();
        List<InputProblem> problems = new ArrayList<>();
        for (String t : listTables()) {
            try {
                out.put(t, readLayer(t));
            } catch (ReadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        return out;
    }

    /** All features of one table, in primary-key order. */
    public List<Feature> readLayer(String table) {
        return query(table, null);
    }

    /**
     * The features of one table whose geometry intersects the box (boundary included; coordinates in the table's
     * CRS), in primary-key order. Uses the table's RTree index when it has one, else scans the table.
     */
    public List<Feature> readLayer(String table, Envelope box) {
        if (box == null || box.isNull()) {
            throw new IllegalArgumentException("box: must be a non-empty envelope, was " + box);
        }
        return query(table, box);
    }

    private List<Feature> query(String table, Envelope box) {
        FeatureDao dao = dao(table);
        FeatureTable ft = dao.getTable();
        String pk = ft.getPkColumnName();
        String geom = ft.getGeometryColumnName();
        SpatialReferenceSystem srs = dao.getGeometryColumns().getSrs();
        GeometryFactory factory = Gpkg.factory(srs != null && "EPSG".equalsIgnoreCase(srs.getOrganization())
            ? (int) srs.getOrganizationCoordsysId() : 0);
        Set<String> json = jsonColumns(table);
        Connection c = Gpkg.jdbc(gpkg);
        String idColumn = null;
        for (FeatureColumn col : ft.getColumns()) {
            if (!col.isPrimaryKey() && !col.isGeometry() && col.getName().equalsIgnoreCase(LayerSchema.ID_FIELD)) {
                idColumn = col.getName();
            }
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM ").append(Gpkg.quote(table));
        String rtree = box == null ? null : rtreeTable(c, table, geom);
        if (rtree != null) {
            sql.append(" WHERE ").append(Gpkg.quote(pk)).append(" IN (SELECT id FROM ").append(Gpkg.quote(rtree))
                .append(" WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?)");
        }
        sql.append(" ORDER BY ").append(Gpkg.quote(pk));
        Geometry boxGeometry = box == null ? null : factory.toGeometry(box);
        List<Feature> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            if (rtree != null) {
                ps.setDouble(1, box.getMinX());
                ps.setDouble(2, box.getMaxX());
                ps.setDouble(3, box.getMinY());
                ps.setDouble(4, box.getMaxY());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String fid = String.valueOf(rs.getLong(pk));
                    Geometry g = null;
                    try {
                        g = Gpkg.toJts(rs.getBytes(geom), factory);
                    } catch (Exception e) {
                        problems.add(new InputProblem(fileLabel, table + " fid " + fid, geom,
                            "unreadable geometry: " + e.getMessage()));
                    }
                    if (boxGeometry != null && (g == null || !g.intersects(boxGeometry))) {
                        continue;
                    }
                    Map<String, Object> props = new LinkedHashMap<>();
                    String id = fid;
                    for (FeatureColumn col : ft.getColumns()) {
                        if (col.isPrimaryKey() || col.isGeometry()) {
                            continue;
                        }
                        Object v;
                        try {
                            v = value(rs, col, json.contains(col.getName()));
                        } catch (Exception e) {
                            problems.add(new InputProblem(fileLabel, table + " fid " + fid, col.getName(),
                                "unreadable value: " + e.getMessage()));
                            continue;
                        }
                        if (v == null) {
                            continue;
                        }
                        if (col.getName().equals(idColumn)) {
                            id = v.toString();
                        } else {
                            props.put(col.getName(), v);
                        }
                    }
                    out.add(new Feature(id, g, props));
                }
            }
        } catch (SQLException e) {
            throw sqlProblem(table, e);
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        return out;
    }

    private Object value(ResultSet rs, FeatureColumn col, boolean isJson) throws SQLException,
            com.fasterxml.jackson.core.JsonProcessingException {
        Object raw = rs.getObject(col.getName());
        if (raw == null) {
            return null;
        }
        if (isJson && raw instanceof String s) {
            return Gpkg.fromJson(s);
        }
        GeoPackageDataType type = col.getDataType();
        if (type == GeoPackageDataType.BOOLEAN && raw instanceof Number n) {
            return n.longValue() != 0;
        }
        if (raw instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (raw instanceof Number n) {
            boolean realColumn = type == GeoPackageDataType.REAL || type == GeoPackageDataType.FLOAT
                || type == GeoPackageDataType.DOUBLE;
            if (realColumn || raw instanceof Double || raw instanceof Float) {
                return n.doubleValue();
            }
            return n.longValue();
        }
        return raw.toString();
    }

    private static FieldType fieldType(FeatureColumn col, Set<String> json) {
        if (json.contains(col.getName())) {
            return FieldType.JSON;
        }
        GeoPackageDataType t = col.getDataType();
        if (t == null) {
            return FieldType.TEXT;
        }
        return switch (t) {
            case BOOLEAN -> FieldType.BOOLEAN;
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER -> FieldType.INTEGER;
            case FLOAT, DOUBLE, REAL -> FieldType.REAL;
            default -> FieldType.TEXT;
        };
    }

    private Set<String> jsonColumns(String table) {
        try {
            return Gpkg.jsonColumns(Gpkg.jdbc(gpkg), table);
        } catch (SQLException e) {
            throw sqlProblem(table, e);
        }
    }

    /** Name of the RTree index table of {@code table.geom}, or null when there is none. */
    private static String rtreeTable(Connection c, String table, String geom) {
        String name = "rtree_" + table + "_" + geom;
        try {
            return SqliteTables.exists(c, name) ? name : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private FeatureDao dao(String table) {
        if (table == null || !gpkg.isFeatureTable(table)) {
            throw new ReadException(fileLabel, null, null, "no feature table '" + table + "'; feature tables: "
                + listTables());
        }
        try {
            return gpkg.getFeatureDao(table);
        } catch (GeoPackageException e) {
            throw new ReadException(fileLabel, null, null, "table '" + table + "' cannot be read: " + e.getMessage());
        }
    }

    private ReadException sqlProblem(String table, SQLException e) {
        return new ReadException(fileLabel, null, null, "table '" + table + "' cannot be read: " + e.getMessage());
    }

    static String crsName(SpatialReferenceSystem srs) {
        if (srs == null || srs.getOrganization() == null || srs.getSrsId() <= 0) {
            return "undefined";
        }
        return srs.getOrganization().toUpperCase(Locale.ROOT) + ":" + srs.getOrganizationCoordsysId();
    }

    @Override
    public void close() {
        if (owned) {
            gpkg.close();
        }
    }
}
