package org.eldercare.planner.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Random;
import org.eldercare.planner.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Gcj02Test {
    /**
     * Random points across China (fixed seeds): the inverse of the forward conversion returns the start point to
     * &lt; 1 m (asserted 0.01 m), and the forward offset is the documented 100-700 m for points inside China.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void round_trip_is_below_one_metre_across_china(long seed) {
        Random r = new Random(seed);
        double[] g = new double[2];
        double[] w = new double[2];
        for (int i = 0; i < 500; i++) {
            double lon = 75 + r.nextDouble() * 59;   // 75..134 E
            double lat = 18 + r.nextDouble() * 35;   // 18..53 N
            Gcj02.fromWgs84(lon, lat, g);
            double offset = Geodesy.distanceMeters(lon, lat, g[0], g[1]);
            assertTrue(offset > 1 && offset < 1500, "offset " + offset + " m at " + lon + "," + lat);
            Gcj02.toWgs84(g[0], g[1], w);
            double err = Geodesy.distanceMeters(lon, lat, w[0], w[1]);
            assertTrue(err < 0.01, "round-trip error " + err + " m at " + lon + "," + lat);
        }
    }

    @ParameterizedTest
    @CsvSource({"13.4, 52.5", "-74.0, 40.7", "139.7, 35.7", "100.5, 0.5"})
    void no_offset_outside_china(double lon, double lat) {
        double[] g = new double[2];
        Gcj02.fromWgs84(lon, lat, g);
        assertEquals(lon, g[0], 0.0);
        assertEquals(lat, g[1], 0.0);
        Gcj02.toWgs84(lon, lat, g);
        assertEquals(lon, g[0], 0.0);
    }

    /**
     * Independent check of the formula: SOURCES.md §2 says the {@code *_full.wgs84.geojson} files were made from the
     * raw GCJ-02 {@code *_full.json} with an ad-hoc Python implementation of the same published formula, inverted by
     * 30 fixed-point steps and rounded to 7 decimals. Every vertex of our inverse must agree to 1e-7 degrees
     * (rounding: 5e-8, plus float noise), i.e. about 1 cm.
     */
    @ParameterizedTest
    @ValueSource(strings = {"360600", "110000", "640300"})
    void inverse_matches_the_published_wgs84_copies_of_datav(String adcode) throws Exception {
        Path dir = SharedData.resolve("data/raw/boundaries/datav_2021");
        ObjectMapper om = new ObjectMapper();
        JsonNode raw = om.readTree(dir.resolve(adcode + "_full.json").toFile());
        JsonNode wgs = om.readTree(dir.resolve(adcode + "_full.wgs84.geojson").toFile());
        double[] out = new double[2];
        double maxErr = 0;
        int n = 0;
        for (int f = 0; f < raw.get("features").size(); f++) {
            JsonNode a = raw.get("features").get(f).get("geometry").get("coordinates");
            JsonNode b = wgs.get("features").get(f).get("geometry").get("coordinates");
            double[] ab = compare(a, b, out, new double[2]);
            maxErr = Math.max(maxErr, ab[0]);
            n += (int) ab[1];
        }
        assertTrue(n > 500, "vertices compared: " + n);
        assertTrue(maxErr <= 1.0e-7, "max deviation " + maxErr + " deg");
    }

    private static double[] compare(JsonNode a, JsonNode b, double[] out, double[] acc) {
        if (a.get(0).isNumber()) {
            Gcj02.toWgs84(a.get(0).asDouble(), a.get(1).asDouble(), out);
            double e = Math.max(Math.abs(out[0] - b.get(0).asDouble()), Math.abs(out[1] - b.get(1).asDouble()));
            acc[0] = Math.max(acc[0], e);
            acc[1]++;
            return acc;
        }
        for (int i = 0; i < a.size(); i++) {
            compare(a.get(i), b.get(i), out, acc);
        }
        return acc;
    }
}
