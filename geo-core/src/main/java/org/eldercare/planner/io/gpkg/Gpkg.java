package org.eldercare.planner.io.gpkg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.eldercare.planner.model.Geometries;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Shared GeoPackage plumbing: opening files, geometry conversion (JTS ↔ GeoPackage binary via WKB), JSON text. */
final class Gpkg {
    static final ObjectMapper JSON = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_LONG_FOR_INTS);
    static final String JSON_MIME = "application/json";
    /** How long a connection waits for another connection's lock before failing, ms. */
    static final int BUSY_TIMEOUT_MS = 30_000;

    private Gpkg() {}

    /** Opens an existing GeoPackage; read-only unless {@code writable}. */
    static GeoPackage open(Path file, boolean writable) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file: no such GeoPackage file: " + file);
        }
        GeoPackage gpkg = GeoPackageManager.open(file.toFile(), writable);
        configure(gpkg);
        return gpkg;
    }

    /** Opens the GeoPackage at {@code file}, creating an empty one first when the file does not exist. */
    static GeoPackage openOrCreate(Path file) {
        File f = file.toFile();
        if (!f.exists()) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new IllegalArgumentException("file: the directory of " + file + " does not exist");
            }
            GeoPackageManager.create(f, false);
        }
        return open(file, true);
    }

    /**
     * Turns off syncs on both SQLite connections of a GeoPackage that nobody else can see (the private
     * copy of {@link CopyOnWrite}, which is synced once before it replaces the original): a table write issues
     * dozens of small commits, each of which would otherwise wait for the disk.
     */
    static void configurePrivateCopy(GeoPackage gpkg) {
        String[] pragmas = {"PRAGMA synchronous = OFF"};
        try (var st = gpkg.getConnection().getConnection().createStatement()) {
            for (String p : pragmas) {
                st.execute(p);
            }
            var source = gpkg.getConnection().getConnectionSource();
            var other = source.getReadWriteConnection(null);
            try {
                for (String p : pragmas) {
                    other.executeStatement(p, com.j256.ormlite.support.DatabaseConnection.DEFAULT_RESULT_FLAGS);
                }
            } finally {
                source.releaseConnection(other);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot configure GeoPackage " + gpkg.getPath() + ": " + e.getMessage(), e);
        }
    }

    private static void configure(GeoPackage gpkg) {
        try (var st = gpkg.getConnection().getConnection().createStatement()) {
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        } catch (SQLException e) {
            gpkg.close();
            throw new IllegalStateException("cannot configure GeoPackage " + gpkg.getPath() + ": " + e.getMessage(), e);
        }
    }

    static Connection jdbc(GeoPackage gpkg) {
        return gpkg.getConnection().getConnection();
    }

    static GeometryFactory factory(int srid) {
        return srid == Geometries.WGS84_SRID ? Geometries.WGS84 : new GeometryFactory(new PrecisionModel(), srid);
    }

    /** GeoPackage geometry blob → JTS geometry with the factory's SRID; null for a null blob. */
    static Geometry toJts(byte[] blob, GeometryFactory factory) throws IOException, ParseException {
        if (blob == null) {
            return null;
        }
        GeoPackageGeometryData data = GeoPackageGeometryData.create(blob);
        if (data.isEmpty() || data.getWkbGeometryIndex() >= blob.length) {
            return factory.createGeometryCollection();
        }
        return new WKBReader(factory).read(data.getWkb());
    }

    /** JTS geometry → GeoPackage geometry blob (with envelope) for the given srs id; null for null. */
    static byte[] toBlob(Geometry g, long srsId) throws IOException {
        if (g == null) {
            return null;
        }
        byte[] wkb = new WKBWriter(2).write(g);
        GeoPackageGeometryData data = GeoPackageGeometryData.createFromWkbAndBuildEnvelope(srsId, wkb);
        return data.toBytes();
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Object fromJson(String text) throws JsonProcessingException {
        return JSON.readValue(text, Object.class);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Columns of {@code table} declared as JSON in gpkg_data_columns. */
    static Set<String> jsonColumns(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        if (!SqliteTables.exists(c, "gpkg_data_columns")) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT column_name FROM gpkg_data_columns WHERE table_name = ? AND mime_type = ?")) {
            ps.setString(1, table);
            ps.setString(2, JSON_MIME);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
