package org.eldercare.planner.io.gpkg;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.contents.ContentsDataType;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.extension.schema.SchemaExtension;
import mil.nga.geopackage.extension.schema.columns.DataColumns;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTable;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import org.eldercare.planner.io.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes {@link Feature} lists as GeoPackage feature tables that QGIS and GDAL open directly: integer primary key
 * {@code fid}, geometry column {@code geom} with an RTree spatial index, typed attribute columns (see
 * {@link FieldType}; the types are inferred by {@link LayerSchema#infer} unless a schema is given), the table's
 * extent in {@code gpkg_contents}, and JSON columns declared in {@code gpkg_data_columns}.
 *
 * <p>A table that already exists is replaced. Writers exist only inside {@link #edit}, which makes all writes of
 * one edit atomic: when anything fails the file is left exactly as it was (or absent, when it did not exist).
 *
 * <p>Bad values throw {@link IllegalArgumentException} naming table, feature (index and id) and field: a property
 * that is not a column, a value that does not fit its column type (no silent conversion), a non-finite number, a
 * geometry of another type than the declared one, or a feature id that contradicts its {@code id} property.
 *
 * <p>Not thread-safe: use a writer only inside its {@link #edit} call.
 */
public final class GeoPackageWriter implements AutoCloseable {
    /** Default EPSG code of written tables: WGS84 lon/lat. */
    public static final int DEFAULT_EPSG = 4326;

    private final GeoPackage gpkg;

    private GeoPackageWriter(GeoPackage gpkg) {
        this.gpkg = gpkg;
    }

    /**
     * Applies {@code edit} to the GeoPackage at {@code file} atomically: the edit works on a private copy (made with
     * SQLite's online backup, so it is consistent even while others read the file), which then replaces the file
     * with one atomic rename. Until then readers see the file as it was; if {@code edit} throws, or another process
     * changed the file meanwhile, the file is left exactly as it was (a file that did not exist is not created) and
     * the exception is rethrown. Edits of one file within this JVM run one at a time.
     *
     * <p>IMPLEMENTATION NOTE: NGA geopackage-java writes its metadata tables (contents, geometry columns,
     * extensions) through a second SQLite connection, so one SQLite transaction cannot cover a whole table write;
     * copy-then-rename gives the all-or-nothing behaviour instead. See docs/stores.md for the measured cost.
     *
     * @return what {@code edit} returned
     */
    public static <T> T edit(Path file, Function<GeoPackageWriter, T> edit) {
        return CopyOnWrite.apply(file, gpkg -> {
            try (GeoPackageWriter w = new GeoPackageWriter(gpkg)) {
                return edit.apply(w);
            }
        });
    }

    /** Writes the layers (table name → features, WGS84) atomically; see {@link #write(Path, Map, int)}. */
    public static void write(Path file, Map<String, ? extends List<Feature>> layers) {
        write(file, layers, DEFAULT_EPSG);
    }

    /**
     * Writes the layers (table name → features, coordinates in EPSG:{@code epsg}, schemas inferred) into the file
     * atomically (see {@link #edit}), creating the file when it does not exist and replacing tables of the same
     * names; other tables are kept.
     */
    public static void write(Path file, Map<String, ? extends List<Feature>> layers, int epsg) {
        edit(file, w -> {
            for (Map.Entry<String, ? extends List<Feature>> e : layers.entrySet()) {
                w.writeLayer(LayerSchema.infer(e.getKey(), epsg, e.getValue()), e.getValue());
            }
            return null;
        });
    }

    /** Writes one table in WGS84 with an inferred schema, replacing a table of that name. */
    public void writeLayer(String table, List<Feature> features) {
        writeLayer(LayerSchema.infer(table, DEFAULT_EPSG, features), features);
    }

    /**
     * Writes one table with the given schema, replacing a table of that name. The features are read once, in
     * order, while rows are inserted.
     *
     * @return number of rows written
     */
    public long writeLayer(LayerSchema schema, Iterable<Feature> features) {
        try {
            return doWrite(schema, features);
        } catch (SQLException e) {
            throw new IllegalStateException("table '" + schema.table() + "': write failed: " + e.getMessage(), e);
        }
    }

    private long doWrite(LayerSchema schema, Iterable<Feature> features) throws SQLException {
        String table = schema.table();
        if (gpkg.isTable(table)) {
            gpkg.deleteTable(table);
        }
        SpatialReferenceSystem srs = srs(schema.epsg());
        gpkg.createGeometryColumnsTable();
        GeometryType geometryType = GeometryType.fromName(schema.geometryType());

        List<FeatureColumn> columns = new ArrayList<>();
        columns.add(FeatureColumn.createPrimaryKeyColumn(LayerSchema.PK_COLUMN));
        columns.add(FeatureColumn.createGeometryColumn(LayerSchema.GEOMETRY_COLUMN, geometryType));
        for (LayerSchema.Field f : schema.fields()) {
            columns.add(FeatureColumn.createColumn(f.name(), dataType(f.type())));
        }
        FeatureTable featureTable = new FeatureTable(table, LayerSchema.GEOMETRY_COLUMN, columns);
        gpkg.createFeatureTable(featureTable);

        Contents contents = new Contents();
        contents.setTableName(table);
        contents.setDataType(ContentsDataType.FEATURES);
        contents.setIdentifier(table);
        contents.setSrs(srs);
        gpkg.getContentsDao().create(contents);

        GeometryColumns gc = new GeometryColumns();
        gc.setContents(contents);
        gc.setColumnName(LayerSchema.GEOMETRY_COLUMN);
        gc.setGeometryType(geometryType);
        gc.setSrs(srs);
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gpkg.getGeometryColumnsDao().create(gc);

        declareJsonColumns(schema, contents);
        featureTable.setContents(contents);
        new RTreeIndexExtension(gpkg).create(featureTable);

        Envelope extent = new Envelope();
        long rows = insertRows(schema, features, srs.getSrsId(), extent);
        if (!extent.isNull()) {
            contents.setMinX(extent.getMinX());
            contents.setMinY(extent.getMinY());
            contents.setMaxX(extent.getMaxX());
            contents.setMaxY(extent.getMaxY());
            gpkg.getContentsDao().update(contents);
        }
        return rows;
    }

    private long insertRows(LayerSchema schema, Iterable<Feature> features, long srsId, Envelope extent)
            throws SQLException {
        List<LayerSchema.Field> fields = schema.fields();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Gpkg.quote(schema.table())).append(" (")
            .append(Gpkg.quote(LayerSchema.GEOMETRY_COLUMN));
        for (LayerSchema.Field f : fields) {
            sql.append(", ").append(Gpkg.quote(f.name()));
        }
        sql.append(") VALUES (?").append(", ?".repeat(fields.size())).append(")");
        LayerSchema.Field idField = schema.field(LayerSchema.ID_FIELD);
        boolean anyGeometry = "GEOMETRY".equals(schema.geometryType());
        Connection c = Gpkg.jdbc(gpkg);
        long index = 0;
        // one transaction for the rows (one sync instead of one per row); all-or-nothing comes from edit()
        gpkg.beginTransaction();
        boolean ok = false;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (Feature f : features) {
                String where = "table '" + schema.table() + "', feature " + index
                    + (f.id().isEmpty() ? "" : " (id '" + f.id() + "')");
                Geometry g = f.geometry();
                if (g != null && !anyGeometry
                        && !g.getGeometryType().toUpperCase(Locale.ROOT).equals(schema.geometryType())) {
                    throw new IllegalArgumentException(where + ", field '" + LayerSchema.GEOMETRY_COLUMN
                        + "': expected a " + schema.geometryType() + ", was a " + g.getGeometryType());
                }
                for (String key : f.properties().keySet()) {
                    if (schema.field(key) == null) {
                        throw new IllegalArgumentException(where + ", field '" + key
                            + "': not a column of the table; columns: " + fields.stream().map(LayerSchema.Field::name)
                            .toList());
                    }
                }
                try {
                    ps.setBytes(1, Gpkg.toBlob(g, srsId));
                } catch (IOException e) {
                    throw new IllegalArgumentException(where + ", field '" + LayerSchema.GEOMETRY_COLUMN
                        + "': cannot be encoded: " + e.getMessage(), e);
                }
                if (g != null && !g.isEmpty()) {
                    extent.expandToInclude(g.getEnvelopeInternal());
                }
                for (int i = 0; i < fields.size(); i++) {
                    LayerSchema.Field field = fields.get(i);
                    Object v = f.properties().get(field.name());
                    if (field == idField && !f.id().isEmpty()) {
                        if (v != null && !v.toString().equals(f.id())) {
                            throw new IllegalArgumentException(where + ", field '" + field.name()
                                + "': the feature id '" + f.id() + "' differs from the property value '" + v
                                + "'; a table has one id column");
                        }
                        v = v == null ? f.id() : v;
                    }
                    bind(ps, i + 2, field, v, where);
                }
                ps.executeUpdate();
                index++;
            }
            ok = true;
        } finally {
            gpkg.endTransaction(ok);
        }
        return index;
    }

    private static void bind(PreparedStatement ps, int pos, LayerSchema.Field field, Object v, String where)
            throws SQLException {
        if (v == null) {
            ps.setNull(pos, Types.NULL);
            return;
        }
        String bad = null;
        switch (field.type()) {
            case TEXT -> {
                if (v instanceof String s) {
                    ps.setString(pos, s);
                } else {
                    bad = "text";
                }
            }
            case INTEGER -> {
                if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
                    ps.setLong(pos, ((Number) v).longValue());
                } else if (v instanceof BigInteger b && b.bitLength() < 64) {
                    ps.setLong(pos, b.longValue());
                } else {
                    bad = "a whole number (64-bit)";
                }
            }
            case REAL -> {
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    ps.setDouble(pos, n.doubleValue());
                } else {
                    bad = "a finite number";
                }
            }
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    ps.setInt(pos, b ? 1 : 0);
                } else {
                    bad = "true or false";
                }
            }
            case JSON -> {
                try {
                    ps.setString(pos, Gpkg.toJson(v));
                } catch (IllegalArgumentException e) {
                    bad = "a JSON value (" + e.getMessage() + ")";
                }
            }
            default -> throw new IllegalStateException("unhandled field type " + field.type());
        }
        if (bad != null) {
            throw new IllegalArgumentException(where + ", field '" + field.name() + "': expected " + bad
                + " for a " + field.type() + " column, was " + v.getClass().getSimpleName() + " " + v);
        }
    }

    private void declareJsonColumns(LayerSchema schema, Contents contents) throws SQLException {
        List<LayerSchema.Field> json = schema.fields().stream().filter(f -> f.type() == FieldType.JSON).toList();
        if (json.isEmpty()) {
            return;
        }
        SchemaExtension ext = new SchemaExtension(gpkg);
        ext.getOrCreate();
        ext.createDataColumnsTable();
        var dao = ext.getDataColumnsDao();
        for (LayerSchema.Field f : json) {
            DataColumns dc = new DataColumns();
            dc.setContents(contents);
            dc.setColumnName(f.name());
            dc.setName(f.name());
            dc.setMimeType(Gpkg.JSON_MIME);
            dao.create(dc);
        }
    }

    /**
     * The SRS row for an EPSG code. Codes the NGA library knows get its WKT definition; others (e.g. the CGCS2000
     * Gauss-Krüger zones EPSG:4513–4554) get a row with definition {@code undefined}, which GDAL and QGIS resolve
     * through organization EPSG and the code.
     */
    private SpatialReferenceSystem srs(int epsg) throws SQLException {
        var dao = gpkg.getSpatialReferenceSystemDao();
        try {
            return dao.getOrCreateCode("EPSG", epsg);
        } catch (GeoPackageException e) {
            SpatialReferenceSystem existing = dao.queryForOrganizationCoordsysId("EPSG", epsg);
            if (existing != null) {
                return existing;
            }
            SpatialReferenceSystem srs = new SpatialReferenceSystem();
            srs.setSrsName("EPSG:" + epsg);
            srs.setSrsId(dao.queryForId(Long.valueOf(epsg)) == null ? epsg : nextSrsId(dao));
            srs.setOrganization("EPSG");
            srs.setOrganizationCoordsysId(epsg);
            srs.setDefinition("undefined");
            srs.setDescription("EPSG:" + epsg + " (definition resolved by the reader from the EPSG code)");
            dao.create(srs);
            return srs;
        }
    }

    private static long nextSrsId(mil.nga.geopackage.srs.SpatialReferenceSystemDao dao) throws SQLException {
        long max = 0;
        for (SpatialReferenceSystem s : dao.queryForAll()) {
            max = Math.max(max, s.getSrsId());
        }
        return Math.max(max + 1, 100_000);
    }

    private static GeoPackageDataType dataType(FieldType t) {
        return switch (t) {
            case TEXT, JSON -> GeoPackageDataType.TEXT;
            case INTEGER -> GeoPackageDataType.INTEGER;
            case REAL -> GeoPackageDataType.REAL;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
        };
    }

    /** The underlying GeoPackage, for callers that manage transactions themselves. */
    public GeoPackage geoPackage() {
        return gpkg;
    }

    @Override
    public void close() {
        // the GeoPackage belongs to edit(), which closes it
    }
}
