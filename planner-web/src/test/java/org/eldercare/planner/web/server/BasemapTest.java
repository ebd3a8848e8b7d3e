package org.eldercare.planner.web.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Optional;
import org.eldercare.planner.io.MbTiles;
import org.eldercare.planner.policy.PolicyProfiles;
import org.eldercare.planner.web.TestCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basemaps: an offline MBTiles file served by the server, and GCJ-02 tile servers refused. */
class BasemapTest {
    @TempDir
    Path dir;

    @Test
    void anMbtilesBasemapIsServedByTheServerItself() throws Exception {
        Path file = dir.resolve("base.mbtiles");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 7};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE metadata (name TEXT, value TEXT)");
            s.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)");
            s.execute("INSERT INTO metadata VALUES ('format', 'png'), ('maxzoom', '12')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tiles VALUES (3, 6, 4, ?)")) {
                ps.setBytes(1, png);
                ps.execute();
            }
        }
        Basemap b = Basemap.mbtiles(MbTiles.open(file));
        Javalin app = PlannerServer.create(TestCounty.data(), new ServerSettings(Optional.of(b),
            PolicyProfiles.get("national"))).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + app.port();
            // TMS row 4 at zoom 3 is XYZ row 2³ − 1 − 4 = 3
            HttpResponse<byte[]> tile = http.send(HttpRequest.newBuilder(URI.create(base + "/tiles/3/6/3.png"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, tile.statusCode());
            assertEquals("image/png", tile.headers().firstValue("content-type").orElseThrow());
            assertArrayEquals(png, tile.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(base + "/tiles/3/6/4.png")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(400, http.send(HttpRequest.newBuilder(URI.create(base + "/tiles/3/6/3.jpg")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
            String config = http.send(HttpRequest.newBuilder(URI.create(base + "/api/config")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(config.contains("\"urlTemplate\":\"tiles/{z}/{x}/{y}.png\"") && config.contains("\"maxZoom\":12"),
                config);
        } finally {
            app.stop();
        }
    }

    @Test
    void gcj02TileServersAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Basemap.custom(
            "https://webrd01.is.autonavi.com/appmaptile?lang=zh_cn&size=1&style=8&x={x}&y={y}&z={z}", "高德"));
        assertTrue(e.getMessage().contains("GCJ-02") && e.getMessage().contains("tianditu"), e.getMessage());
        assertEquals("custom", Basemap.custom("https://tiles.example.org/{z}/{x}/{y}.png", "").name());
    }
}
