package org.eldercare.planner.io;

import org.eldercare.planner.crs.CoordinateSanity;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.CrsTransform;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/** Shared by the readers: checks raw coordinates against the declared CRS and converts them to WGS84. */
final class Coordinates {
    private Coordinates() {}

    /**
     * Checks {@code g} (in {@code source}) and returns its WGS84 copy, or null after adding problems (field
     * {@code field}) for swapped, out-of-range, projected-looking or outside-China coordinates.
     */
    static Geometry toWgs84(Geometry g, Crs source, CrsTransform toWgs84, boolean china, Problems problems,
            String feature, String field) {
        if (g == null) {
            return null;
        }
        if (source.isGeographic()) {
            var found = CoordinateSanity.check(g, china);
            if (!found.isEmpty()) {
                for (var p : found) {
                    String hint = p.issue() == CoordinateSanity.Issue.LOOKS_PROJECTED
                        ? " (file read as " + source.id() + ")" : "";
                    problems.add(feature, field, p.message() + hint);
                }
                return null;
            }
        } else if (looksLikeDegrees(g)) {
            Coordinate c = g.getCoordinate();
            problems.add(feature, field, "coordinates look like degrees (first (" + c.x + ", " + c.y + ")) but the "
                + "CRS is the projected " + source.id() + " (wrong CRS? longitude/latitude is EPSG:4326)");
            return null;
        }
        Geometry out;
        try {
            out = toWgs84.isIdentity() ? copyAs4326(g) : toWgs84.transform(g);
        } catch (IllegalArgumentException e) {
            problems.add(feature, field, e.getMessage());
            return null;
        }
        if (!source.isGeographic() || source.gcj02()) {
            var found = CoordinateSanity.check(out, china);
            if (!found.isEmpty()) {
                for (var p : found) {
                    problems.add(feature, field, p.message() + " (after conversion from " + source.id() + ")");
                }
                return null;
            }
        }
        return out;
    }

    private static Geometry copyAs4326(Geometry g) {
        Geometry c = org.eldercare.planner.model.Geometries.WGS84.createGeometry(g);
        c.setSRID(4326);
        return c;
    }

    private static boolean looksLikeDegrees(Geometry g) {
        if (g.isEmpty()) {
            return false;
        }
        for (Coordinate c : g.getCoordinates()) {
            if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                return false;
            }
        }
        return true;
    }
}
