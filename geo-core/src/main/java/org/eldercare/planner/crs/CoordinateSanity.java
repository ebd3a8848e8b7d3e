package org.eldercare.planner.crs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Plausibility checks for coordinates that are supposed to be WGS84 (lon, lat): not finite, out of range, looking
 * like projected metres (wrong CRS declared), latitude and longitude swapped, or outside China's extent (for a Chinese
 * profile). Problems are reported as values; nothing is fixed silently. Stateless; THREAD-SAFE.
 *
 * <p>China's extent used here is the rectangle 73.4–135.1°E, 3.8–53.6°N (westernmost Xinjiang to the Heilongjiang /
 * Ussuri confluence, Zengmu Ansha to Mohe). A pair (x, y) is called swapped when it is not a plausible point in the
 * extent but (y, x) is: for China that is unambiguous because every latitude is below 54 and every longitude
 * above 73.
 */
public final class CoordinateSanity {
    public static final double CHINA_MIN_LON = 73.4;
    public static final double CHINA_MAX_LON = 135.1;
    public static final double CHINA_MIN_LAT = 3.8;
    public static final double CHINA_MAX_LAT = 53.6;

    private CoordinateSanity() {}

    /** What is wrong with a coordinate. */
    public enum Issue {
        /** NaN or infinite ordinate. */
        NOT_FINITE,
        /** |x| &gt; 180 or |y| &gt; 90 and both magnitudes are large: metres in a CRS declared as degrees. */
        LOOKS_PROJECTED,
        /** (x, y) is invalid or outside the extent, but (y, x) is inside it: latitude and longitude swapped. */
        SWAPPED_LAT_LON,
        /** Longitude outside [-180, 180] or latitude outside [-90, 90] (and not explained by a swap). */
        OUT_OF_RANGE,
        /** A valid WGS84 point outside China's extent (only checked for a Chinese profile). */
        OUTSIDE_CHINA
    }

    /**
     * One kind of problem found in a geometry. Immutable.
     *
     * @param issue what is wrong
     * @param count how many coordinates of the geometry have it
     * @param x     first offending x (as given)
     * @param y     first offending y (as given)
     * @param message readable explanation including the first offending coordinate
     */
    public record Problem(Issue issue, int count, double x, double y, String message) {}

    /**
     * Checks one coordinate; returns the issue or null when it is plausible.
     *
     * @param chinese true to also require the point to lie in China's extent (and detect swaps against it)
     */
    public static Issue check(double x, double y, boolean chinese) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return Issue.NOT_FINITE;
        }
        boolean valid = Math.abs(x) <= 180 && Math.abs(y) <= 90;
        if (!valid && (Math.abs(x) > 1000 || Math.abs(y) > 1000)) {
            return Issue.LOOKS_PROJECTED;
        }
        if (chinese) {
            if (valid && inChina(x, y)) {
                return null;
            }
            if (inChina(y, x)) {
                return Issue.SWAPPED_LAT_LON;
            }
            return valid ? Issue.OUTSIDE_CHINA : Issue.OUT_OF_RANGE;
        }
        if (valid) {
            return null;
        }
        return Math.abs(y) <= 180 && Math.abs(x) <= 90 ? Issue.SWAPPED_LAT_LON : Issue.OUT_OF_RANGE;
    }

    /** True when (lon, lat) lies in China's extent rectangle. */
    public static boolean inChina(double lon, double lat) {
        return lon >= CHINA_MIN_LON && lon <= CHINA_MAX_LON && lat >= CHINA_MIN_LAT && lat <= CHINA_MAX_LAT;
    }

    /**
     * Checks every coordinate of a geometry; returns one {@link Problem} per issue found (with its count and first
     * example), in {@link Issue} order; empty when all coordinates are plausible. A null geometry gives no problems.
     */
    public static List<Problem> check(Geometry g, boolean chinese) {
        if (g == null) {
            return List.of();
        }
        Map<Issue, int[]> counts = new EnumMap<>(Issue.class);
        Map<Issue, Coordinate> first = new EnumMap<>(Issue.class);
        for (Coordinate c : g.getCoordinates()) {
            Issue i = check(c.x, c.y, chinese);
            if (i != null) {
                counts.computeIfAbsent(i, k -> new int[1])[0]++;
                first.putIfAbsent(i, c);
            }
        }
        List<Problem> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            Coordinate c = first.get(e.getKey());
            out.add(new Problem(e.getKey(), e.getValue()[0], c.x, c.y, message(e.getKey(), e.getValue()[0], c)));
        }
        return List.copyOf(out);
    }

    private static String message(Issue issue, int count, Coordinate c) {
        String at = count + " coordinate(s), first (" + c.x + ", " + c.y + ")";
        return switch (issue) {
            case NOT_FINITE -> "coordinate is not a finite number: " + at;
            case LOOKS_PROJECTED -> "coordinates look like projected metres, not degrees (wrong CRS? declare e.g. "
                + "EPSG:4547): " + at;
            case SWAPPED_LAT_LON -> "latitude and longitude look swapped (expected x = longitude, y = latitude): " + at;
            case OUT_OF_RANGE -> "outside lon [-180,180] / lat [-90,90]: " + at;
            case OUTSIDE_CHINA -> "outside China's extent (73.4-135.1E, 3.8-53.6N): " + at;
        };
    }
}
