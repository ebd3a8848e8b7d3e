package org.eldercare.planner.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.osm.OsmFeatureCollector;
import org.eldercare.planner.io.osm.OsmPoiReader;
import org.eldercare.planner.model.InputProblem;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Describes any supported file (what {@code planner info FILE} prints): its layers with feature counts, geometry types,
 * CRS and WGS84 bounding box; the validation problems that do not stop reading (invalid or empty geometries, features
 * without geometry, OSM ways that could not be built); caveats about the file as a whole (e.g. a DataV/GeoAtlas
 * boundary file, whose coordinates are GCJ-02 although nothing in the file says so); and, when the file cannot be
 * read, every {@link ReadException} problem instead of the layers. Never throws for bad content. Stateless;
 * THREAD-SAFE.
 */
public final class FileInspector {
    /** At most this many validation messages per layer are listed; the rest are counted. */
    public static final int MAX_MESSAGES = 20;

    private FileInspector() {}

    /**
     * A bounding box in WGS84 degrees. Immutable.
     *
     * @param minLon west
     * @param minLat south
     * @param maxLon east
     * @param maxLat north
     */
    public record BBox(double minLon, double minLat, double maxLon, double maxLat) {
        static Optional<BBox> of(Envelope e) {
            return e.isNull() ? Optional.empty()
                : Optional.of(new BBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.6f,%.6f .. %.6f,%.6f", minLon, minLat, maxLon, maxLat);
        }
    }

    /**
     * One layer. Immutable.
     *
     * @param name          layer name
     * @param featureCount  number of features
     * @param geometryTypes features per geometry type ({@code none} for attribute-only rows), sorted by type
     * @param crs           the CRS the file's coordinates were read in, e.g. {@code EPSG:4326}
     * @param bbox          WGS84 bounding box, empty when the layer has no geometry
     * @param properties    attribute names in first-seen order
     * @param problems      validation problems that did not stop reading (capped at {@link #MAX_MESSAGES})
     */
    public record LayerReport(String name, int featureCount, Map<String, Integer> geometryTypes, String crs,
            Optional<BBox> bbox, List<String> properties, List<String> problems) {
        public LayerReport {
            geometryTypes = Map.copyOf(geometryTypes);
            properties = List.copyOf(properties);
            problems = List.copyOf(problems);
        }
    }

    /**
     * The whole file. Immutable.
     *
     * @param file          the file
     * @param format        detected format
     * @param layers        layers (empty when the file could not be read)
     * @param caveats       remarks about the file as a whole
     * @param readProblems  the problems that made reading fail (empty when it was read)
     */
    public record FileReport(Path file, LayerFiles.Format format, List<LayerReport> layers, List<String> caveats,
            List<InputProblem> readProblems) {
        public FileReport {
            layers = List.copyOf(layers);
            caveats = List.copyOf(caveats);
            readProblems = List.copyOf(readProblems);
        }

        /** True when the file was read. */
        public boolean readable() {
            return readProblems.isEmpty();
        }

        /** True when it was read and no layer has validation problems. */
        public boolean clean() {
            return readable() && layers.stream().allMatch(l -> l.problems().isEmpty());
        }
    }

    /**
     * Inspects a file.
     *
     * @throws IllegalArgumentException when the extension is not supported
     * @throws IOException              when the file cannot be opened
     */
    public static FileReport inspect(Path file, ReadOptions options) throws IOException {
        LayerFiles.Format format = LayerFiles.detect(file);
        List<String> caveats = new ArrayList<>();
        List<FeatureLayer> layers;
        List<String> osmSkipped = List.of();
        try {
            if (format == LayerFiles.Format.OSM_XML || format == LayerFiles.Format.OSM_PBF) {
                OsmFeatureCollector c = OsmPoiReader.collect(file);
                layers = List.of(new FeatureLayer(file.toString(), "roads", Crs.WGS84, c.roads()),
                    new FeatureLayer(file.toString(), "pois", Crs.WGS84, c.pois()));
                osmSkipped = c.skippedWays();
                caveats.add("OSM: " + c.nodeCount() + " nodes, " + c.wayCount() + " ways; roads = ways with a highway "
                    + "tag, pois = amenity/healthcare/social_facility/place/office=government nodes and closed ways");
            } else {
                layers = LayerFiles.read(file, options);
            }
        } catch (ReadException e) {
            return new FileReport(file, format, List.of(), caveats, e.problems());
        }
        List<LayerReport> reports = new ArrayList<>();
        for (FeatureLayer l : layers) {
            List<String> problems = validate(l);
            if (l.name().equals("roads") && !osmSkipped.isEmpty()) {
                problems.add(osmSkipped.size() + " road/POI way(s) left out because the extract lacks some of their "
                    + "nodes, e.g. " + osmSkipped.get(0));
            }
            reports.add(new LayerReport(l.name(), l.size(), l.geometryTypes(), l.sourceCrs().id(),
                BBox.of(l.envelope()), l.propertyNames(), problems));
            if (format == LayerFiles.Format.GEOJSON) {
                dataVCaveat(file, options, caveats, l);
            }
            if (format == LayerFiles.Format.CSV && l.geometryTypes().keySet().equals(java.util.Set.of("none"))) {
                caveats.add("CSV without geometry columns (no lon/lat or WKT column detected): read as an attribute "
                    + "table; columns " + l.propertyNames());
            }
        }
        return new FileReport(file, format, reports, caveats, List.of());
    }

    /** Geometry problems that do not stop reading: invalid, empty or missing geometries. */
    static List<String> validate(FeatureLayer layer) {
        List<String> out = new ArrayList<>();
        int invalid = 0;
        int empty = 0;
        int none = 0;
        Map<String, Integer> firstByKind = new HashMap<>();
        for (int i = 0; i < layer.size(); i++) {
            Feature f = layer.features().get(i);
            Geometry g = f.geometry();
            if (g == null) {
                none++;
                continue;
            }
            if (g.isEmpty()) {
                empty++;
                firstByKind.putIfAbsent("empty", i);
                continue;
            }
            IsValidOp op = new IsValidOp(g);
            TopologyValidationError err = op.getValidationError();
            if (err != null) {
                invalid++;
                if (invalid <= MAX_MESSAGES) {
                    out.add("feature " + Problems.label(i, f.id()) + ": field 'geometry': invalid " + g.getGeometryType()
                        + ": " + err.getMessage() + " at (" + err.getCoordinate().x + ", " + err.getCoordinate().y + ")");
                }
            }
        }
        if (invalid > MAX_MESSAGES) {
            out.add((invalid - MAX_MESSAGES) + " further invalid geometries not listed");
        }
        if (empty > 0) {
            out.add(empty + " feature(s) with an empty geometry, first " + Problems.label(firstByKind.get("empty"),
                layer.features().get(firstByKind.get("empty")).id()));
        }
        if (none > 0 && none < layer.size()) {
            out.add(none + " of " + layer.size() + " features have no geometry");
        }
        return out;
    }

    /**
     * A DataV/GeoAtlas boundary file (Alibaba DataV areas_v3 mirrors) has {@code adcode} properties together with
     * {@code center}/{@code centroid}/{@code acroutes}/{@code childrenNum}, no {@code crs} member, and GCJ-02
     * coordinates that every reader silently takes for WGS84 (300–600 m off). Adds the caveat when it applies.
     */
    private static void dataVCaveat(Path file, ReadOptions options, List<String> caveats, FeatureLayer layer) {
        boolean dataV = false;
        for (Feature f : layer.features()) {
            var p = f.properties();
            if (p.containsKey("adcode") && (p.containsKey("acroutes") || p.containsKey("childrenNum")
                || p.containsKey("centroid") || p.containsKey("center"))) {
                dataV = true;
                break;
            }
        }
        if (!dataV) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (layer.sourceCrs().gcj02()) {
            caveats.add("DataV/GeoAtlas boundary file read as GCJ-02 and converted to WGS84 (inverse accurate to "
                + "< 1 m; DataV's own simplification error of tens to ~200 m remains)");
        } else if (name.contains("wgs84")) {
            caveats.add("DataV/GeoAtlas-style properties (adcode, center, acroutes), but the file name marks it as "
                + "already converted to WGS84; read as " + layer.sourceCrs().id());
        } else if (options.crs().isEmpty()) {
            caveats.add("GCJ-02 CAVEAT: this looks like a DataV/GeoAtlas boundary file (adcode/center/acroutes "
                + "properties, no crs member). Its coordinates are almost certainly GCJ-02 (Chinese consumer-map "
                + "coordinates, 300-600 m off WGS84) although nothing in the file says so; it was read as WGS84. "
                + "Read it with --crs gcj02 (ReadOptions.withCrs(Crs.GCJ02)) before mixing it with OSM or GPS data.");
        }
    }
}
