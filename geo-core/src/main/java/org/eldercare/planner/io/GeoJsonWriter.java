package org.eldercare.planner.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.CrsTransform;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes features (WGS84 geometries, as held by {@link Feature}) as a GeoJSON FeatureCollection, in WGS84 by default
 * (RFC 7946, no {@code crs} member) or in another supported CRS, in which case a legacy named {@code crs} member is
 * written ({@code urn:ogc:def:crs:EPSG::4547}; {@code GCJ-02} for GCJ-02, which {@link GeoJsonReader} understands
 * but other tools do not). Coordinates keep full double precision. Property values: String, Number, Boolean, null,
 * List and Map as JSON; anything else as its {@code toString()}; a NaN or infinite number is refused with an
 * {@link IllegalArgumentException}. Feature ids are written as the {@code id} member
 * when not empty. Stateless; THREAD-SAFE.
 */
public final class GeoJsonWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private GeoJsonWriter() {}

    public static void write(Path file, List<Feature> features) throws IOException {
        write(file, features, Crs.WGS84);
    }

    public static void write(Path file, List<Feature> features, Crs target) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, features, target);
        }
    }

    /** Writes to a stream (UTF-8) and does not close it. */
    public static void write(OutputStream out, List<Feature> features, Crs target) throws IOException {
        CrsTransform t = CrsTransform.of(Crs.WGS84, target);
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("type", "FeatureCollection");
            if (!target.equals(Crs.WGS84)) {
                g.writeObjectFieldStart("crs");
                g.writeStringField("type", "name");
                g.writeObjectFieldStart("properties");
                g.writeStringField("name", target.urn());
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeArrayFieldStart("features");
            for (Feature f : features) {
                g.writeStartObject();
                g.writeStringField("type", "Feature");
                if (!f.id().isEmpty()) {
                    g.writeStringField("id", f.id());
                }
                g.writeFieldName("geometry");
                Geometry geom = f.geometry();
                GeoJsonGeometry.write(g, geom == null || t.isIdentity() ? geom : t.transform(geom));
                g.writeFieldName("properties");
                writeValue(g, f.properties());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    static void writeValue(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger bi) {
            g.writeNumber(bi);
        } else if (v instanceof BigDecimal bd) {
            g.writeNumber(bd);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("property value " + d + " is not finite; JSON cannot hold it");
            }
            g.writeNumber(d);
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (var e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeValue(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }
}
