package org.eldercare.planner.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * RFC 7946 geometry objects ↔ JTS geometries, on Jackson trees and generators. Positions keep x and y (a third
 * ordinate is ignored). Doubles are written in Java's shortest round-trip form, so write→read is exact.
 *
 * <p>IMPLEMENTATION NOTE: JTS's own {@code GeoJsonReader} would work for reading, but its errors do not say which
 * member is wrong and its writer rounds to a fixed number of decimals; this small codec does both exactly.
 */
final class GeoJsonGeometry {
    private GeoJsonGeometry() {}

    /** A geometry member that is not valid GeoJSON; {@code path} is the JSON path below {@code geometry}. */
    static final class FormatException extends Exception {
        private static final long serialVersionUID = 1L;

        FormatException(String message) {
            super(message);
        }
    }

    static Geometry parse(JsonNode g, GeometryFactory f) throws FormatException {
        if (!g.isObject()) {
            throw new FormatException("must be a GeoJSON geometry object or null, was " + g.getNodeType());
        }
        JsonNode typeNode = g.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new FormatException("has no \"type\" member");
        }
        String type = typeNode.asText();
        if (type.equals("GeometryCollection")) {
            JsonNode gs = g.get("geometries");
            if (gs == null || !gs.isArray()) {
                throw new FormatException("GeometryCollection has no \"geometries\" array");
            }
            Geometry[] parts = new Geometry[gs.size()];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = parse(gs.get(i), f);
            }
            return f.createGeometryCollection(parts);
        }
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new FormatException(type + " has no \"coordinates\" array");
        }
        switch (type) {
            case "Point":
                return c.isEmpty() ? f.createPoint() : f.createPoint(position(c, "coordinates"));
            case "MultiPoint": {
                Point[] ps = new Point[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = f.createPoint(position(c.get(i), "coordinates[" + i + "]"));
                }
                return f.createMultiPoint(ps);
            }
            case "LineString":
                return line(c, f, "coordinates");
            case "MultiLineString": {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) {
                    ls[i] = line(c.get(i), f, "coordinates[" + i + "]");
                }
                return f.createMultiLineString(ls);
            }
            case "Polygon":
                return polygon(c, f, "coordinates");
            case "MultiPolygon": {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.get(i), f, "coordinates[" + i + "]");
                }
                return f.createMultiPolygon(ps);
            }
            default:
                throw new FormatException("unknown geometry type '" + type + "'");
        }
    }

    private static Coordinate position(JsonNode p, String path) throws FormatException {
        if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new FormatException(path + " must be a position [x, y], was " + p);
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }

    private static Coordinate[] positions(JsonNode arr, String path) throws FormatException {
        if (!arr.isArray()) {
            throw new FormatException(path + " must be an array of positions, was " + arr.getNodeType());
        }
        Coordinate[] cs = new Coordinate[arr.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(arr.get(i), path + "[" + i + "]");
        }
        return cs;
    }

    private static LineString line(JsonNode arr, GeometryFactory f, String path) throws FormatException {
        Coordinate[] cs = positions(arr, path);
        if (cs.length == 1) {
            throw new FormatException(path + ": a LineString needs at least 2 positions, has 1");
        }
        return f.createLineString(cs);
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory f, String path) throws FormatException {
        if (!rings.isArray()) {
            throw new FormatException(path + " must be an array of rings");
        }
        if (rings.isEmpty()) {
            return f.createPolygon();
        }
        LinearRing[] rs = new LinearRing[rings.size()];
        for (int i = 0; i < rs.length; i++) {
            String rp = path + "[" + i + "]";
            Coordinate[] cs = positions(rings.get(i), rp);
            if (cs.length < 4) {
                throw new FormatException(rp + ": a polygon ring needs at least 4 positions, has " + cs.length);
            }
            if (!cs[0].equals2D(cs[cs.length - 1])) {
                throw new FormatException(rp + ": polygon ring is not closed (first " + cs[0] + " != last "
                    + cs[cs.length - 1] + ")");
            }
            rs[i] = f.createLinearRing(cs);
        }
        LinearRing[] holes = new LinearRing[rs.length - 1];
        System.arraycopy(rs, 1, holes, 0, holes.length);
        return f.createPolygon(rs[0], holes);
    }

    /** Writes {@code g} as a GeoJSON geometry object (or {@code null}). */
    static void write(JsonGenerator out, Geometry g) throws IOException {
        if (g == null) {
            out.writeNull();
            return;
        }
        out.writeStartObject();
        out.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
            || g instanceof MultiPolygon)) {
            out.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                write(out, g.getGeometryN(i));
            }
            out.writeEndArray();
            out.writeEndObject();
            return;
        }
        out.writeFieldName("coordinates");
        coordinates(out, g);
        out.writeEndObject();
    }

    private static void coordinates(JsonGenerator out, Geometry g) throws IOException {
        if (g instanceof Point p) {
            if (p.isEmpty()) {
                out.writeStartArray();
                out.writeEndArray();
            } else {
                position(out, p.getCoordinate());
            }
        } else if (g instanceof LineString l) {
            // read through the sequence: no Coordinate per vertex for packed sequences (service-area rings)
            CoordinateSequence seq = l.getCoordinateSequence();
            out.writeStartArray();
            for (int i = 0; i < seq.size(); i++) {
                out.writeStartArray();
                out.writeNumber(seq.getX(i));
                out.writeNumber(seq.getY(i));
                out.writeEndArray();
            }
            out.writeEndArray();
        } else if (g instanceof Polygon p) {
            out.writeStartArray();
            if (!p.isEmpty()) {
                coordinates(out, p.getExteriorRing());
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    coordinates(out, p.getInteriorRingN(i));
                }
            }
            out.writeEndArray();
        } else {
            out.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                coordinates(out, g.getGeometryN(i));
            }
            out.writeEndArray();
        }
    }

    private static void position(JsonGenerator out, Coordinate c) throws IOException {
        out.writeStartArray();
        out.writeNumber(c.x);
        out.writeNumber(c.y);
        out.writeEndArray();
    }
}
