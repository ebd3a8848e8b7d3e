package org.eldercare.planner.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.CrsTransform;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads a GeoJSON FeatureCollection (or a single Feature) with all feature properties into a {@link FeatureLayer}
 * whose geometries are WGS84 lon/lat.
 *
 * <p>CRS: RFC 7946 GeoJSON is WGS84. A legacy {@code crs} member ({@code {"type":"name","properties":{"name":
 * "urn:ogc:def:crs:EPSG::4547"}}}) is honoured; otherwise {@link ReadOptions#crs()} says what the coordinates are
 * (e.g. {@link Crs#GCJ02} for DataV/Gaode data), default WGS84. Coordinates are converted to WGS84 on read. A
 * declared option that contradicts the file's {@code crs} member is refused.
 *
 * <p>Errors: every problem of the file is collected (malformed JSON with line/column, wrong {@code type}, missing or
 * malformed geometry, duplicate feature ids, swapped or implausible coordinates) and thrown together as one
 * {@link ReadException}; nothing is returned from a bad file. A {@code "geometry": null} feature is legal GeoJSON and is
 * returned with a null geometry; a feature without a {@code geometry} member is an error. Topology (self-intersecting
 * polygons) is not checked here but where a model record needs it (see {@link LayerMapper}).
 *
 * <p>Property values become String, Long (BigInteger beyond 64 bits), Double (decimals are parsed to the nearest
 * double, so more than 17 significant digits are not kept), Boolean, List, Map or null. Stateless;
 * THREAD-SAFE.
 */
public final class GeoJsonReader {
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private GeoJsonReader() {}

    public static FeatureLayer read(Path file) throws IOException {
        return read(file, ReadOptions.defaults());
    }

    public static FeatureLayer read(Path file, ReadOptions options) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), layerName(file), options);
        }
    }

    /**
     * Reads from a stream. {@code source} names the file in problems; {@code layerName} becomes the layer's name.
     *
     * @throws ReadException with every problem found
     */
    public static FeatureLayer read(InputStream in, String source, String layerName, ReadOptions options)
            throws IOException {
        Problems problems = new Problems(source);
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new ReadException(source, null, "json", "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new ReadException(source, null, "json", "empty file: expected a GeoJSON FeatureCollection");
        }
        if (!root.isObject()) {
            throw new ReadException(source, null, "type", "expected a GeoJSON object, was a JSON " + root.getNodeType());
        }
        Crs crs = resolveCrs(root, options, source);
        String type = root.path("type").asText("");
        List<JsonNode> featureNodes = new ArrayList<>();
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode fs = root.get("features");
                if (fs == null || !fs.isArray()) {
                    throw new ReadException(source, null, "features", "a FeatureCollection needs a \"features\" array");
                }
                fs.forEach(featureNodes::add);
            }
            case "Feature" -> featureNodes.add(root);
            default -> throw new ReadException(source, null, "type", "expected \"type\": \"FeatureCollection\" or "
                + "\"Feature\", was " + (type.isEmpty() ? "none" : "'" + type + "'"));
        }
        GeometryFactory sourceFactory = new GeometryFactory(new PrecisionModel(), crs.srid());
        CrsTransform toWgs84 = CrsTransform.of(crs, Crs.WGS84);
        List<Feature> out = new ArrayList<>(featureNodes.size());
        Map<String, Integer> seenIds = new HashMap<>();
        for (int i = 0; i < featureNodes.size(); i++) {
            JsonNode f = featureNodes.get(i);
            String id = featureId(f);
            String label = Problems.label(i, id);
            if (!f.isObject() || !"Feature".equals(f.path("type").asText())) {
                problems.add(label, "type", "expected a GeoJSON Feature object");
                continue;
            }
            if (id != null && !id.isEmpty()) {
                Integer first = seenIds.putIfAbsent(id, i);
                if (first != null) {
                    problems.add(label, "id", "duplicate feature id '" + id + "' (first at #" + first + ")");
                }
            }
            Geometry g = null;
            JsonNode gn = f.get("geometry");
            if (gn == null) {
                problems.add(label, "geometry", "missing \"geometry\" member (use \"geometry\": null for a feature "
                    + "without location)");
            } else if (!gn.isNull()) {
                try {
                    g = GeoJsonGeometry.parse(gn, sourceFactory);
                } catch (GeoJsonGeometry.FormatException e) {
                    problems.add(label, "geometry", e.getMessage());
                }
                if (g != null) {
                    int before = problems.size();
                    g = Coordinates.toWgs84(g, crs, toWgs84, options.chinaExtent(), problems, label, "geometry");
                    if (problems.size() > before) {
                        continue;
                    }
                }
            }
            Map<String, Object> props = new LinkedHashMap<>();
            JsonNode pn = f.get("properties");
            if (pn != null && !pn.isNull()) {
                if (!pn.isObject()) {
                    problems.add(label, "properties", "must be a JSON object or null, was " + pn.getNodeType());
                    continue;
                }
                Iterator<Map.Entry<String, JsonNode>> it = pn.fields();
                while (it.hasNext()) {
                    var e = it.next();
                    props.put(e.getKey(), JsonValues.toJava(e.getValue()));
                }
            }
            out.add(new Feature(id, g, props));
        }
        problems.throwIfAny();
        return new FeatureLayer(source, layerName, crs, out);
    }

    private static String featureId(JsonNode f) {
        JsonNode id = f.get("id");
        if (id == null || id.isNull()) {
            return "";
        }
        return id.isNumber() ? id.numberValue().toString() : id.asText();
    }

    private static Crs resolveCrs(JsonNode root, ReadOptions options, String source) {
        JsonNode crsNode = root.get("crs");
        if (crsNode == null || crsNode.isNull()) {
            return options.crs().orElse(Crs.WGS84);
        }
        String name = crsNode.path("properties").path("name").asText(null);
        if (name == null) {
            throw new ReadException(source, null, "crs", "unsupported \"crs\" member " + crsNode
                + "; expected {\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::<code>\"}}");
        }
        Crs declared;
        try {
            declared = Crs.parse(name);
        } catch (IllegalArgumentException e) {
            throw new ReadException(source, null, "crs", e.getMessage());
        }
        if (options.crs().isPresent() && !sameDatumCrs(options.crs().get(), declared)) {
            throw new ReadException(source, null, "crs", "the file declares " + declared.id() + " but "
                + options.crs().get().id() + " was requested; remove the option or fix the file");
        }
        return declared;
    }

    private static boolean sameDatumCrs(Crs a, Crs b) {
        return a.equals(b) || (a.isGeographic() && b.isGeographic() && !a.gcj02() && !b.gcj02());
    }

    static String layerName(Path file) {
        String n = file.getFileName().toString();
        for (String ext : new String[] {".geojson", ".json", ".csv", ".osm.pbf", ".osm", ".gpkg"}) {
            if (n.toLowerCase(java.util.Locale.ROOT).endsWith(ext)) {
                return n.substring(0, n.length() - ext.length());
            }
        }
        return n;
    }
}
