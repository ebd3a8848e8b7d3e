package org.eldercare.planner.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eldercare.planner.crs.CoordinateSanity.Issue;
import org.eldercare.planner.model.Geometries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

class CoordinateSanityTest {
    @ParameterizedTest(name = "({0}, {1}) chinese={2} -> {3}")
    @CsvSource({
        "117.2,   28.3,    true,  ",                 // Guixi: fine
        "28.3,    117.2,   true,  SWAPPED_LAT_LON",  // y > 90: impossible latitude, swap lands in Jiangxi
        "39.99,   116.3,   true,  SWAPPED_LAT_LON",  // Beijing swapped
        "13.4,    52.5,    true,  OUTSIDE_CHINA",    // Berlin
        "13.4,    52.5,    false, ",                 // fine without a Chinese profile
        "500000,  2489167, true,  LOOKS_PROJECTED",  // EPSG:4547 metres declared as degrees
        "200,     10,      true,  OUT_OF_RANGE",
        "10,      120,     false, SWAPPED_LAT_LON",
        "NaN,     20,      false, NOT_FINITE"})
    void classifies_single_coordinates(double x, double y, boolean chinese, Issue expected) {
        assertEquals(expected, CoordinateSanity.check(x, y, chinese));
    }

    @Test
    void reports_each_issue_once_with_count_and_first_example() {
        LineString l = Geometries.WGS84.createLineString(new Coordinate[] {
            new Coordinate(117.2, 28.3), new Coordinate(28.31, 117.21), new Coordinate(28.32, 117.22),
            new Coordinate(13.4, 52.5)});
        List<CoordinateSanity.Problem> ps = CoordinateSanity.check(l, true);
        assertEquals(2, ps.size());
        assertEquals(Issue.SWAPPED_LAT_LON, ps.get(0).issue());
        assertEquals(2, ps.get(0).count());
        assertEquals(28.31, ps.get(0).x(), 0.0);
        assertEquals(Issue.OUTSIDE_CHINA, ps.get(1).issue());
        assertTrue(ps.get(1).message().contains("13.4"));
        assertNull(CoordinateSanity.check(117.2, 28.3, true));
    }
}
