package org.eldercare.planner.model;

import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Argument checks shared by the model records; every failure names the field, the value and the allowed range. */
public final class Checks {
    private Checks() {}

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, null, "is required but missing");
        }
        return value;
    }

    public static String requiredText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, value, "is required but missing or blank");
        }
        return value.strip();
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidValueException(field, value, "must be >= 0, was " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new InvalidValueException(field, value, "must be a finite number >= 0, was " + value);
        }
        return value;
    }

    public static double positive(String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value <= 0) {
            throw new InvalidValueException(field, value, "must be a finite number > 0, was " + value);
        }
        return value;
    }

    public static OptionalLong nonNegative(String field, OptionalLong value) {
        Objects.requireNonNull(value, field);
        if (value.isPresent() && value.getAsLong() < 0) {
            throw new InvalidValueException(field, value.getAsLong(), "must be >= 0 when given, was " + value.getAsLong());
        }
        return value;
    }

    public static OptionalInt nonNegative(String field, OptionalInt value) {
        Objects.requireNonNull(value, field);
        if (value.isPresent() && value.getAsInt() < 0) {
            throw new InvalidValueException(field, value.getAsInt(), "must be >= 0 when given, was " + value.getAsInt());
        }
        return value;
    }

    public static OptionalDouble nonNegative(String field, OptionalDouble value) {
        Objects.requireNonNull(value, field);
        if (value.isPresent()) {
            nonNegative(field, value.getAsDouble());
        }
        return value;
    }

    /** A WGS84 lon/lat point: non-empty, finite, lon in [-180,180], lat in [-90,90]. */
    public static Point lonLatPoint(String field, Point p) {
        required(field, p);
        if (p.isEmpty()) {
            throw new InvalidValueException(field, p, "must be a non-empty point");
        }
        checkLonLat(field, p.getX(), p.getY());
        return p;
    }

    public static void checkLonLat(String field, double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new InvalidValueException(field, lon + "," + lat,
                "must be WGS84 lon/lat with lon in [-180,180] and lat in [-90,90], was (" + lon + ", " + lat + ")");
        }
    }

    /** A valid, non-empty Polygon or MultiPolygon in WGS84 lon/lat. */
    public static Geometry areal(String field, Geometry g) {
        required(field, g);
        if (!(g instanceof Polygon || g instanceof MultiPolygon)) {
            throw new InvalidValueException(field, g.getGeometryType(),
                "must be a Polygon or MultiPolygon, was " + g.getGeometryType());
        }
        if (g.isEmpty()) {
            throw new InvalidValueException(field, g, "must be a non-empty polygon");
        }
        if (!g.isValid()) {
            var err = new org.locationtech.jts.operation.valid.IsValidOp(g).getValidationError();
            throw new InvalidValueException(field, g.getGeometryType(),
                "is not a valid polygon: " + err.getMessage() + " at " + err.getCoordinate());
        }
        var env = g.getEnvelopeInternal();
        checkLonLat(field, env.getMinX(), env.getMinY());
        checkLonLat(field, env.getMaxX(), env.getMaxY());
        return g;
    }
}
