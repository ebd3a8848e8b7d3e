package org.eldercare.planner.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeodesyTest {
    @Test
    void vincentys_published_flinders_peak_to_buninyong_example() {
        // Geoscience Australia's worked example of Vincenty's inverse: Flinders Peak -37 57 03.72030,
        // 144 25 29.52440 to Buninyong -37 39 10.15610, 143 55 35.38390: s = 54 972.271 m (GRS80; the WGS84
        // flattening changes it by < 0.1 mm). pyproj Geod(ellps='WGS84') gives 54972.2711 m.
        double lat1 = -(37 + 57 / 60.0 + 3.72030 / 3600);
        double lon1 = 144 + 25 / 60.0 + 29.52440 / 3600;
        double lat2 = -(37 + 39 / 60.0 + 10.15610 / 3600);
        double lon2 = 143 + 55 / 60.0 + 35.38390 / 3600;
        assertEquals(54972.271, Geodesy.distanceMeters(lon1, lat1, lon2, lat2), 0.001);
    }

    @Test
    void long_line_in_china() {
        // pyproj Geod(ellps='WGS84').inv(117.21329, 28.28857, 116.3, 39.99) -> 1300704.9176 m
        assertEquals(1300704.9176, Geodesy.distanceMeters(117.21329, 28.28857, 116.3, 39.99), 0.001);
        // the sphere is within 0.5 %
        double h = Geodesy.haversineMeters(117.21329, 28.28857, 116.3, 39.99);
        assertTrue(Math.abs(h - 1300704.9176) / 1300704.9176 < 0.005, "haversine " + h);
    }

    @Test
    void same_point_is_zero_and_bad_input_is_refused() {
        assertEquals(0.0, Geodesy.distanceMeters(117.2, 28.3, 117.2, 28.3), 0.0);
        var e = assertThrows(IllegalArgumentException.class, () -> Geodesy.distanceMeters(200, 28, 117, 28));
        assertTrue(e.getMessage().contains("200"), e.getMessage());
    }
}
