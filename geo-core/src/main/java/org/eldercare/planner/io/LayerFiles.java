package org.eldercare.planner.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.crs.CrsTransform;
import org.eldercare.planner.io.gpkg.GeoPackageReader;
import org.eldercare.planner.io.gpkg.GeoPackageWriter;
import org.eldercare.planner.io.gpkg.LayerInfo;
import org.eldercare.planner.io.osm.OsmFeatureCollector;
import org.eldercare.planner.io.osm.OsmPoiReader;
import org.locationtech.jts.geom.Geometry;

/**
 * The one entry point for reading and writing layer files; the format is chosen by the file name:
 * <ul>
 *   <li>{@code .geojson}, {@code .json}: GeoJSON, one layer ({@link GeoJsonReader}, {@link GeoJsonWriter});</li>
 *   <li>{@code .csv}: CSV, one layer ({@link CsvReader}, {@link CsvWriter});</li>
 *   <li>{@code .osm}, {@code .osm.pbf}: OSM, two layers {@code roads} and {@code pois} (read only);</li>
 *   <li>{@code .gpkg}: GeoPackage, one layer per feature table ({@link GeoPackageReader}, {@link GeoPackageWriter});</li>
 *   <li>{@code .shp}: ESRI Shapefile, one layer, read and written through GDAL's ogr2ogr ({@link Shapefiles});</li>
 *   <li>{@code .xlsx}: Excel workbook, one layer per non-empty sheet ({@link XlsxReader}, {@link XlsxWriter}).</li>
 * </ul>
 * Every layer comes back with WGS84 geometries; {@link ReadOptions} says what CRS a file without its own CRS is in.
 * Errors: {@link ReadException} with all problems of the file; an unsupported extension is an
 * {@link IllegalArgumentException} naming the supported ones. Stateless; THREAD-SAFE.
 */
public final class LayerFiles {
    private LayerFiles() {}

    /** Supported file formats. */
    public enum Format {
        GEOJSON, CSV, OSM_XML, OSM_PBF, GEOPACKAGE, SHAPEFILE, XLSX
    }

    /** Extensions accepted by {@link #detect}, for messages. */
    public static final String SUPPORTED = ".geojson, .json, .csv, .osm, .osm.pbf, .gpkg, .shp, .xlsx";

    /** The format of a file from its name, or empty when the extension is not supported. */
    public static java.util.Optional<Format> find(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Format f = null;
        if (n.endsWith(".geojson") || n.endsWith(".json")) {
            f = Format.GEOJSON;
        } else if (n.endsWith(".csv")) {
            f = Format.CSV;
        } else if (n.endsWith(".osm.pbf") || n.endsWith(".pbf")) {
            f = Format.OSM_PBF;
        } else if (n.endsWith(".osm")) {
            f = Format.OSM_XML;
        } else if (n.endsWith(".gpkg")) {
            f = Format.GEOPACKAGE;
        } else if (n.endsWith(".shp")) {
            f = Format.SHAPEFILE;
        } else if (n.endsWith(".xlsx")) {
            f = Format.XLSX;
        }
        return java.util.Optional.ofNullable(f);
    }

    /**
     * True for a Shapefile's companion file ({@code .shx .dbf .prj .cpg .qix .sbn .sbx .shp.xml}) next to its
     * {@code .shp}: part of that layer, not a layer of its own.
     */
    public static boolean isShapefilePart(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".shp.xml", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx")) {
            if (lower.endsWith(ext)) {
                String base = n.substring(0, n.length() - ext.length());
                return Files.isRegularFile(file.resolveSibling(base + ".shp"))
                    || Files.isRegularFile(file.resolveSibling(base + ".SHP"));
            }
        }
        return false;
    }

    /**
     * The format of a file from its name.
     *
     * @throws IllegalArgumentException for an unsupported extension
     */
    public static Format detect(Path file) {
        return find(file).orElseThrow(() -> new IllegalArgumentException("file: unsupported format '"
            + file.getFileName() + "'; supported extensions: " + SUPPORTED));
    }

    /** Every layer of the file, geometries in WGS84. */
    public static List<FeatureLayer> read(Path file, ReadOptions options) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ReadException(file.toString(), null, null, "no such file");
        }
        return switch (detect(file)) {
            case GEOJSON -> List.of(GeoJsonReader.read(file, options));
            case CSV -> List.of(CsvReader.read(file, options));
            case OSM_XML, OSM_PBF -> {
                OsmFeatureCollector c = OsmPoiReader.collect(file);
                yield List.of(new FeatureLayer(file.toString(), "roads", Crs.WGS84, c.roads()),
                    new FeatureLayer(file.toString(), "pois", Crs.WGS84, c.pois()));
            }
            case GEOPACKAGE -> readGeoPackage(file, options, null);
            case SHAPEFILE -> Shapefiles.read(file, options);
            case XLSX -> XlsxReader.read(file, options);
        };
    }

    /**
     * The single layer of a GeoJSON or CSV file, or the named layer ({@code roads}/{@code pois}, a GeoPackage table)
     * of a multi-layer file when {@code layer} is given.
     *
     * @throws IllegalArgumentException when the layer does not exist or a multi-layer file is read without a name
     */
    public static FeatureLayer readLayer(Path file, String layer, ReadOptions options) throws IOException {
        List<FeatureLayer> all = read(file, options);
        if (layer == null || layer.isBlank()) {
            if (all.size() != 1) {
                throw new IllegalArgumentException("layer: " + file.getFileName() + " has " + all.size()
                    + " layers " + all.stream().map(FeatureLayer::name).toList() + "; name one");
            }
            return all.get(0);
        }
        for (FeatureLayer l : all) {
            if (l.name().equals(layer)) {
                return l;
            }
        }
        throw new IllegalArgumentException("layer: no layer '" + layer + "' in " + file.getFileName() + "; layers: "
            + all.stream().map(FeatureLayer::name).toList());
    }

    /**
     * Writes WGS84 features to {@code file} in {@code target} (GeoJSON, CSV, GeoPackage, Shapefile or Excel by
     * extension; a GeoPackage table or Excel sheet is named {@code layer}, the file's other tables or sheets are kept).
     *
     * @throws IllegalArgumentException for OSM or unsupported extensions, or GCJ-02 into a GeoPackage
     */
    public static void write(Path file, String layer, List<Feature> features, Crs target) throws IOException {
        switch (detect(file)) {
            case GEOJSON -> GeoJsonWriter.write(file, features, target);
            case CSV -> CsvWriter.write(file, features, target, false);
            case GEOPACKAGE -> {
                if (target.gcj02()) {
                    throw new IllegalArgumentException("crs: a GeoPackage needs an EPSG code; GCJ-02 has none");
                }
                CrsTransform t = CrsTransform.of(Crs.WGS84, target);
                List<Feature> out = new ArrayList<>(features.size());
                for (Feature f : features) {
                    Geometry g = f.geometry() == null || t.isIdentity() ? f.geometry() : t.transform(f.geometry());
                    out.add(new Feature(f.id(), g, f.properties()));
                }
                Map<String, List<Feature>> m = new LinkedHashMap<>();
                m.put(layer, out);
                GeoPackageWriter.write(file, m, target.epsg());
            }
            case SHAPEFILE -> Shapefiles.write(file, features, target);
            case XLSX -> XlsxWriter.write(file, layer, features, target);
            case OSM_XML, OSM_PBF -> throw new IllegalArgumentException("file: writing OSM files is not supported; "
                + "write .geojson, .csv, .gpkg, .shp or .xlsx");
        }
    }

    /** The layers of a GeoPackage; {@code forced}, when not null, is the CRS of every table whatever it declares. */
    static List<FeatureLayer> readGeoPackage(Path file, ReadOptions options, Crs forced) {
        List<FeatureLayer> out = new ArrayList<>();
        Problems problems = new Problems(file.toString());
        try (GeoPackageReader r = GeoPackageReader.open(file)) {
            for (LayerInfo info : r.listLayers()) {
                Crs crs;
                if (forced != null) {
                    crs = forced;
                } else if (info.epsg().isPresent() && Crs.isSupported(info.epsg().getAsInt())) {
                    crs = Crs.epsg(info.epsg().getAsInt());
                } else if (info.epsg().isEmpty()) {
                    // srs "undefined" (0/-1): the caller's CRS, else WGS84; the coordinate checks catch a mismatch
                    crs = options.crs().orElse(Crs.WGS84);
                } else {
                    problems.add(null, info.table() + ".crs", "unsupported CRS " + info.crs() + " (" + info.srsName()
                        + "); supported: " + Crs.SUPPORTED);
                    continue;
                }
                CrsTransform toWgs84 = CrsTransform.of(crs, Crs.WGS84);
                List<Feature> fs = r.readLayer(info.table());
                List<Feature> converted = new ArrayList<>(fs.size());
                for (int i = 0; i < fs.size(); i++) {
                    Feature f = fs.get(i);
                    String label = info.table() + " " + Problems.label(i, f.id());
                    Geometry g = Coordinates.toWgs84(f.geometry(), crs, toWgs84, options.chinaExtent(), problems,
                        label, "geometry");
                    converted.add(new Feature(f.id(), g, f.properties()));
                }
                out.add(new FeatureLayer(file.toString(), info.table(), crs, converted));
            }
        }
        problems.throwIfAny();
        return out;
    }
}
