package org.eldercare.planner.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An offline basemap file: one tile at zoom 1, column 1, TMS row 0 = XYZ row 1 (2¹ − 1 − 0). */
class MbTilesTest {
    @TempDir
    Path dir;

    static Path write(Path file, String format, byte[] tile) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            s.execute("INSERT INTO metadata VALUES ('name', '贵溪离线底图'), ('format', '" + format + "'), "
                + "('maxzoom', '16'), ('attribution', '© 贵溪市自然资源局')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (1, 1, 0, ?)")) {
                ps.setBytes(1, tile);
                ps.execute();
            }
        }
        return file;
    }

    @Test
    void servesTilesByXyzAddressFlippingTheTmsRow() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        MbTiles t = MbTiles.open(write(dir.resolve("base.mbtiles"), "png", png));
        assertArrayEquals(png, t.tile(1, 1, 1).orElseThrow());
        assertTrue(t.tile(1, 1, 0).isEmpty(), "the TMS row 0 is XYZ row 1, not 0");
        assertTrue(t.tile(1, 2, 1).isEmpty(), "x beyond 2^z");
        assertEquals("png", t.format());
        assertEquals(16, t.maxZoom());
        assertEquals("© 贵溪市自然资源局", t.attribution());
        assertEquals("贵溪离线底图", t.name());
    }

    @Test
    void vectorTilesAndOtherFilesAreRefusedNamingTheFile() throws Exception {
        Path pbf = write(dir.resolve("vector.mbtiles"), "pbf", new byte[] {1});
        ReadException e = assertThrows(ReadException.class, () -> MbTiles.open(pbf));
        assertEquals("format", e.problems().get(0).field());
        Path text = dir.resolve("notes.mbtiles");
        Files.writeString(text, "not a database");
        ReadException e2 = assertThrows(ReadException.class, () -> MbTiles.open(text));
        assertEquals(text.toString(), e2.problems().get(0).file());
        assertThrows(ReadException.class, () -> MbTiles.open(dir.resolve("missing.mbtiles")));
    }
}
