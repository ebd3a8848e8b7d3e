package org.eldercare.planner.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * A raster MBTiles file (1.3 spec: a SQLite database with {@code metadata} and {@code tiles}), the usual way to carry
 * a basemap to a site without network access. Tiles are addressed as XYZ ({@code y} from the top, as Leaflet asks);
 * the file stores TMS rows, flipped here. Opened read-only, one connection per look-up (SQLite opens in microseconds
 * and this keeps the reader THREAD-SAFE).
 */
public final class MbTiles {
    private final Path file;
    private final Map<String, String> metadata;

    private MbTiles(Path file, Map<String, String> metadata) {
        this.file = file;
        this.metadata = Map.copyOf(metadata);
    }

    /**
     * Opens and checks the file.
     *
     * @throws ReadException naming the file when it is missing, not an MBTiles database, or holds vector tiles
     *                       ({@code pbf}: a raster basemap needs png, jpg or webp)
     */
    public static MbTiles open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ReadException(file.toString(), null, "file", "no such MBTiles file");
        }
        Map<String, String> meta = new HashMap<>();
        try (Connection c = connect(file); PreparedStatement ps = c.prepareStatement("SELECT name, value FROM metadata");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                meta.put(rs.getString(1), rs.getString(2));
            }
            try (PreparedStatement t = c.prepareStatement("SELECT 1 FROM tiles LIMIT 1")) {
                t.executeQuery().close();
            }
        } catch (SQLException e) {
            throw new ReadException(file.toString(), null, "file", "not an MBTiles database (metadata and tiles "
                + "tables): " + e.getMessage());
        }
        String format = meta.getOrDefault("format", "png").toLowerCase(Locale.ROOT);
        if (!format.equals("png") && !format.equals("jpg") && !format.equals("jpeg") && !format.equals("webp")) {
            throw new ReadException(file.toString(), null, "format", "tiles of format '" + format + "': a basemap "
                + "needs raster tiles (png, jpg, webp); vector (pbf) MBTiles need a style renderer");
        }
        return new MbTiles(file, meta);
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    }

    /** The tile at XYZ {@code z/x/y}, or empty when the file has none there. */
    public Optional<byte[]> tile(int z, int x, int y) {
        if (z < 0 || z > 30 || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            return Optional.empty();
        }
        long tmsRow = (1L << z) - 1 - y;
        try (Connection c = connect(file); PreparedStatement ps = c.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")) {
            ps.setInt(1, z);
            ps.setInt(2, x);
            ps.setLong(3, tmsRow);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read tile " + z + "/" + x + "/" + y + " of " + file + ": "
                + e.getMessage(), e);
        }
    }

    /** Image format of the tiles: {@code png}, {@code jpg} or {@code webp}. */
    public String format() {
        String f = metadata.getOrDefault("format", "png").toLowerCase(Locale.ROOT);
        return f.equals("jpeg") ? "jpg" : f;
    }

    /** Highest zoom level with tiles (metadata {@code maxzoom}, default 18). */
    public int maxZoom() {
        try {
            return Integer.parseInt(metadata.getOrDefault("maxzoom", "18").strip());
        } catch (NumberFormatException e) {
            return 18;
        }
    }

    /** Attribution text from the metadata, empty when none. */
    public String attribution() {
        return metadata.getOrDefault("attribution", "");
    }

    /** The name from the metadata, else the file name. */
    public String name() {
        return metadata.getOrDefault("name", file.getFileName().toString());
    }
}
