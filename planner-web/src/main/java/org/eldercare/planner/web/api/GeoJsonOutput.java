package org.eldercare.planner.web.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.io.Feature;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * Writes features as RFC 7946 GeoJSON: coordinates rounded to 6 decimals (about 0.1 m), exterior rings
 * counter-clockwise, no {@code crs} member (GeoJSON is WGS84 lon/lat by definition). Geometries are encoded by JTS's
 * {@link GeoJsonWriter}; the envelope and properties by Jackson. Thread-safe.
 */
public final class GeoJsonOutput {
    /** Media type of GeoJSON (RFC 7946). */
    public static final String MEDIA_TYPE = "application/geo+json";
    static final int DECIMALS = 6;

    private final ObjectMapper mapper;

    public GeoJsonOutput(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * A FeatureCollection from features already encoded by {@link #feature}, with {@code members} written before
     * {@code features}.
     */
    public byte[] featureCollectionOfEncoded(List<byte[]> encodedFeatures, Map<String, Object> members) {
        int size = 256;
        for (byte[] b : encodedFeatures) {
            size += b.length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        try {
            out.write("{\"type\":\"FeatureCollection\",".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (var e : members.entrySet()) {
                out.write(mapper.writeValueAsBytes(e.getKey()));
                out.write(':');
                out.write(mapper.writeValueAsBytes(e.getValue()));
                out.write(',');
            }
            out.write("\"features\":[".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (int i = 0; i < encodedFeatures.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(encodedFeatures.get(i));
            }
            out.write(']');
            out.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One Feature object with {@code members} (e.g. {@code links}) added after its properties. */
    public byte[] feature(Feature feature, Map<String, Object> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            writeFeature(g, writer(), feature, members);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeFeature(JsonGenerator g, GeoJsonWriter geometryWriter, Feature f, Map<String, Object> members)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", f.id());
        g.writeFieldName("geometry");
        if (f.geometry() == null) {
            g.writeNull();
        } else {
            g.writeRawValue(geometryWriter.write(f.geometry()));
        }
        g.writeFieldName("properties");
        g.writeObject(f.properties());
        for (var e : members.entrySet()) {
            g.writeFieldName(e.getKey());
            g.writeObject(e.getValue());
        }
        g.writeEndObject();
    }

    private static GeoJsonWriter writer() {
        GeoJsonWriter w = new GeoJsonWriter(DECIMALS);
        w.setEncodeCRS(false);
        w.setForceCCW(true);
        return w;
    }
}
