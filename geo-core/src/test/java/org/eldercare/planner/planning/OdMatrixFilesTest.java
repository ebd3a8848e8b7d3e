package org.eldercare.planner.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eldercare.planner.siting.MatrixCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * od-matrix on a hand-drawn network of three road lines (GeoJSON, lon 116°, lat 40°):
 *
 * <pre>
 *   N2 (116, 40.002)          s1 at N2
 *   |  r1b                    o2 at (116.00005, 40.0015): 0.00005° east of the middle of r1b
 *   N1 (116, 40.001) --r2-- N3 (116.001, 40.001)      s2 at N3
 *   |  r1a
 *   N0 (116, 40.000)          o1 at N0;  s3 at (116.05, 40.05), kilometres from any road
 * </pre>
 *
 * Lengths by the haversine formula with R = 6 371 008.8 m: a meridian step of 0.001° is L = R·π/180·0.001 =
 * 111.195 m; r2 along the parallel 40.001° is P = 2R·asin(cos 40.001°·sin 0.0005°) = 85.18 m. Walking at 1 m/s the
 * cost in seconds equals the metres: o1→s1 = 2L, o1→s2 = L + P, o2→s1 = L/2 (along r1b), o2→s2 = L/2 + P; divided
 * by 60 for minutes. The route passes node N1 for o1→s1, o1→s2 and o2→s2, and no node for o2→s1.
 */
class OdMatrixFilesTest {
    static final double R = 6371008.8;
    static final double L = R * Math.PI / 180 * 0.001;
    static final double P = 2 * R * Math.asin(Math.cos(Math.toRadians(40.001)) * Math.sin(Math.toRadians(0.0005)));

    @TempDir
    Path dir;

    static String road(String id, String tags, double... lonLat) {
        StringBuilder c = new StringBuilder();
        for (int k = 0; k < lonLat.length; k += 2) {
            c.append(k > 0 ? "," : "").append('[').append(lonLat[k]).append(',').append(lonLat[k + 1]).append(']');
        }
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"LineString\",\"coordinates\":["
            + c + "]},\"properties\":{" + tags + "}}";
    }

    static String point(String id, double lon, double lat, String props) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon
            + "," + lat + "]},\"properties\":{" + props + "}}";
    }

    Path write(String name, String... features) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}");
        return f;
    }

    Path network(String tags) throws IOException {
        return write("roads.geojson", road("r1a", tags, 116, 40, 116, 40.001), road("r1b", tags, 116, 40.001, 116, 40.002),
            road("r2", tags, 116, 40.001, 116.001, 40.001));
    }

    Path origins() throws IOException {
        return write("origins.geojson", point("o1", 116, 40, "\"elderly\":120"),
            point("o2", 116.00005, 40.0015, "\"elderly\":80"));
    }

    Path destinations() throws IOException {
        return write("sites.geojson", point("s1", 116, 40.002, ""), point("s2", 116.001, 40.001, ""),
            point("s3", 116.05, 40.05, ""));
    }

    @Test
    void walking_minutes_paths_and_unsnapped_destination() throws IOException {
        var o = new OdMatrixFiles.Options("walk", 1.0, 50, Double.POSITIVE_INFINITY, Optional.of("elderly"), true);
        OdMatrixFiles.Result r = OdMatrixFiles.compute(network("\"highway\":\"footway\""), origins(), destinations(), o);
        double[][] min = r.minutes();
        assertEquals(2 * L / 60, min[0][0], 1e-6);
        assertEquals((L + P) / 60, min[0][1], 1e-6);
        assertEquals(L / 2 / 60, min[1][0], 1e-6);
        assertEquals((L / 2 + P) / 60, min[1][1], 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, min[0][2]);
        assertEquals(Double.POSITIVE_INFINITY, min[1][2]);
        assertEquals(1, r.unsnapped().size());
        assertTrue(r.unsnapped().get(0).startsWith("destination s3: no road within 50 m"), r.unsnapped().toString());
        // o2 lies 0.00005° of longitude east of r1b: 2R·asin(cos 40.0015°·sin 0.000025°) = 4.26 m
        double snap = 2 * R * Math.asin(Math.cos(Math.toRadians(40.0015)) * Math.sin(Math.toRadians(0.000025)));
        assertEquals(snap, r.originSnapMeters()[1], 0.01);
        assertEquals(0, r.originSnapMeters()[0], 0.01);
        long[] viaN1 = r.paths()[0][0];
        assertEquals(1, viaN1.length);
        assertArrayEquals(viaN1, r.paths()[0][1]);
        assertArrayEquals(viaN1, r.paths()[1][1]);
        assertEquals(0, r.paths()[1][0].length);

        Path out = dir.resolve("m.csv");
        r.writeCsv(out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("origin,destination,cost,origin_snap_m,destination_snap_m,demand,path", lines.get(0));
        assertEquals(7, lines.size());
        assertTrue(lines.get(3).startsWith("o1,s3,inf,0,,120,"), lines.get(3));
        // the file is the input of solve-matrix: read back through MatrixCsv with the demand column
        MatrixCsv.Input in = MatrixCsv.read(out, MatrixCsv.Options.defaults().withWeightColumn("demand"));
        assertEquals(List.of("o1", "o2"), in.matrix().demandIds());
        assertEquals(80, in.matrix().weight(1));
        assertEquals(L / 2 / 60, in.matrix().cost(1, 0), 1e-4);
        assertEquals(Double.POSITIVE_INFINITY, in.matrix().cost(1, 2));
    }

    /**
     * Driving at maxspeed 36 km/h = 10 m/s on one-way roads drawn N0→N1, N1→N2, N1→N3: o1→s1 = 2L / 10 = 22.24 s,
     * o1→s2 = (L + P) / 10 = 19.64 s, o2→s1 = L / 20 = 5.56 s, and o2→s2 is unreachable (o2 may only drive on
     * towards the dead end N2). With a budget of 0.3 min = 18 s only o2→s1 stays finite.
     */
    @Test
    void driving_uses_the_drive_graph_one_ways_and_the_budget() throws IOException {
        Path net = network("\"highway\":\"residential\",\"maxspeed\":\"36\",\"oneway\":\"yes\"");
        var o = new OdMatrixFiles.Options("drive", 1.0, 50, Double.POSITIVE_INFINITY, Optional.empty(), false);
        double[][] min = OdMatrixFiles.compute(net, origins(), destinations(), o).minutes();
        assertEquals(2 * L / 10 / 60, min[0][0], 1e-6);
        assertEquals((L + P) / 10 / 60, min[0][1], 1e-6);
        assertEquals(L / 20 / 60, min[1][0], 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, min[1][1]);
        var budget = new OdMatrixFiles.Options("drive", 1.0, 50, 0.3, Optional.empty(), false);
        double[][] b = OdMatrixFiles.compute(net, origins(), destinations(), budget).minutes();
        assertEquals(Double.POSITIVE_INFINITY, b[0][0]);
        assertEquals(Double.POSITIVE_INFINITY, b[0][1]);
        assertEquals(L / 20 / 60, b[1][0], 1e-6);
    }

    @Test
    void points_without_id_or_not_points_are_errors_naming_file_and_feature() throws IOException {
        Path bad = write("bad.geojson", point("o1", 116, 40, ""),
            road("r9", "\"highway\":\"footway\"", 116, 40, 116, 40.001));
        var o = new OdMatrixFiles.Options("walk", 1.0, 50, Double.POSITIVE_INFINITY, Optional.empty(), false);
        String msg = assertThrows(IllegalArgumentException.class,
            () -> OdMatrixFiles.compute(network("\"highway\":\"footway\""), bad, destinations(), o)).getMessage();
        assertEquals(bad + " feature #1 'r9', field geometry: must be a point, was LineString", msg);
        Path w = write("w.geojson", point("o1", 116, 40, "\"elderly\":\"many\""));
        var ow = new OdMatrixFiles.Options("walk", 1.0, 50, Double.POSITIVE_INFINITY, Optional.of("elderly"), false);
        String wm = assertThrows(IllegalArgumentException.class,
            () -> OdMatrixFiles.compute(network("\"highway\":\"footway\""), w, destinations(), ow)).getMessage();
        assertEquals(w + " feature #0 'o1', field elderly: must be a number >= 0, was 'many'", wm);
    }
}
