package org.eldercare.planner.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eldercare.planner.crs.Crs;
import org.eldercare.planner.io.AttributeMapping;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerKind;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadException;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.io.osm.OsmClip;
import org.eldercare.planner.io.osm.OsmFeatureCollector;
import org.eldercare.planner.io.osm.OsmPoiReader;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.InputProblem;
import org.eldercare.planner.model.PlanningData;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports files into a workspace in one atomic change: every source is read and mapped to model records first (all
 * problems of all files reported together, nothing written), then the layers they fill are replaced, the name set and
 * documents saved in one {@link Workspace#update}. Layers no source fills are kept.
 *
 * <p>Sources ({@link Source#parse}): {@code [LAYER=]PATH[#TABLE]}.
 * <ul>
 *   <li>A planner workspace GeoPackage ({@link GeoPackageWorkspace#isWorkspace}) brings all its layers, its name and
 *       its saved documents, exactly.</li>
 *   <li>A directory written by {@link WorkspaceExport#toDirectory}: its layer files (by base name) and
 *       {@code workspace.json} (name, documents).</li>
 *   <li>Any file {@link LayerFiles} reads (GeoJSON, CSV, OSM, GeoPackage): each of its layers goes to the model layer
 *       named by {@code LAYER=} or, without it, by the layer's own name (file base name or table: {@code facilities},
 *       {@code admin-units}/{@code admin_units}, {@code medical-facilities}, {@code districts}/{@code
 *       residential_districts}, {@code demand-points}, {@code roads}); {@code #TABLE} picks one layer of a
 *       multi-layer file. Layers of multi-layer files with other names (OSM {@code pois}) are skipped with a note.
 *       Attributes are mapped with the {@link AttributeMapping}.</li>
 * </ul>
 * Several sources for the same layer are concatenated in order (ids must stay unique).
 */
public final class WorkspaceImport {
    /** Name of the workspace description file in an exported directory. */
    public static final String WORKSPACE_JSON = "workspace.json";

    private final List<Source> sources;
    private final LayerMapper mapper;
    private final ReadOptions options;
    private final Optional<String> name;
    /** Metres of buffer around the county when OSM sources are clipped to it; empty = not clipped. */
    private final Optional<Double> clipBufferMeters;

    /**
     * One input: an optional target layer, a path, an optional table (layer of a multi-layer file). Immutable.
     *
     * @param layer target layer, empty to infer it from the layer's name
     * @param path  file or directory
     * @param table layer of a multi-layer file, empty for all
     */
    public record Source(Optional<LayerKind> layer, Path path, Optional<String> table) {
        public Source {
            if (layer == null || path == null || table == null) {
                throw new IllegalArgumentException("source: layer, path and table are required (Optionals may be "
                    + "empty)");
            }
        }

        /**
         * Parses {@code [LAYER=]PATH[#TABLE]}, e.g. {@code facilities=养老机构.csv}, {@code roads.osm.pbf},
         * {@code districts=plan.gpkg#小区}.
         *
         * @throws IllegalArgumentException for an unknown layer name (naming the accepted ones) or an empty path
         */
        public static Source parse(String spec) {
            if (spec == null || spec.isBlank()) {
                throw new IllegalArgumentException("--from: empty source; expected [LAYER=]FILE[#TABLE]");
            }
            String s = spec.strip();
            Optional<LayerKind> layer = Optional.empty();
            int eq = s.indexOf('=');
            if (eq > 0 && !s.substring(0, eq).contains("/") && !s.substring(0, eq).contains(".")) {
                layer = Optional.of(kindOf(s.substring(0, eq)).orElseThrow(() -> new IllegalArgumentException(
                    "--from: unknown layer '" + spec.substring(0, eq) + "' in '" + spec + "', expected one of: "
                        + names())));
                s = s.substring(eq + 1);
            }
            Optional<String> table = Optional.empty();
            int hash = s.lastIndexOf('#');
            if (hash > 0) {
                table = Optional.of(s.substring(hash + 1));
                s = s.substring(0, hash);
            }
            if (s.isBlank()) {
                throw new IllegalArgumentException("--from: no file in '" + spec + "'");
            }
            return new Source(layer, Path.of(s), table);
        }
    }

    /**
     * What an import did. Immutable.
     *
     * @param workspace  where it went ({@link Workspace#location()})
     * @param layerCounts rows written per replaced layer table, in layer order
     * @param documents  number of documents saved
     * @param notes      what was skipped and why
     */
    public record Result(String workspace, Map<String, Integer> layerCounts, int documents, List<String> notes) {
        public Result {
            layerCounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layerCounts));
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param sources what to import (at least one)
     * @param mapping attribute names of the sources ({@link AttributeMapping#defaults()} for the usual ones)
     * @param options how to read files (CRS of files that do not declare one, China extent check)
     * @param name    workspace name to set, empty to keep it (or take a workspace source's)
     */
    public WorkspaceImport(List<Source> sources, AttributeMapping mapping, ReadOptions options, Optional<String> name) {
        this(sources, new LayerMapper(mapping), options, name, Optional.empty());
    }

    private WorkspaceImport(List<Source> sources, LayerMapper mapper, ReadOptions options, Optional<String> name,
            Optional<Double> clipBufferMeters) {
        if (sources == null || sources.isEmpty()) {
            throw new IllegalArgumentException("--from: at least one source is required");
        }
        this.sources = List.copyOf(sources);
        this.mapper = mapper;
        this.clipBufferMeters = clipBufferMeters;
        this.options = options;
        this.name = name.map(String::strip).filter(n -> !n.isEmpty());
    }

    /**
     * The same import with OSM sources ({@code .osm}, {@code .osm.pbf}) cut to the county: the top-tier admin units of
     * this import (else of the workspace) widened by {@code bufferMeters} ({@link OsmClip}). A regional or national
     * extract is then streamed with memory for the county only; what was cut away is counted in the notes.
     */
    public WorkspaceImport clippedToCounty(double bufferMeters) {
        OsmClip.checkBuffer(bufferMeters);   // now, not after reading every other source
        return new WorkspaceImport(sources, mapper, options, name, Optional.of(bufferMeters));
    }

    /** Imports with the default mapping and read options. */
    public static Result run(List<Source> sources, Workspace into) {
        return new WorkspaceImport(sources, AttributeMapping.defaults(), ReadOptions.defaults(), Optional.empty())
            .into(into);
    }

    /** Reads and maps every source, then writes everything to {@code ws} in one atomic update. */
    public Result into(Workspace ws) {
        Collected c = new Collected();
        List<InputProblem> problems = new ArrayList<>();
        for (Source s : sources) {
            step(problems, s.path(), () -> collect(s, c));
        }
        // what needs the admin units: OSM sources cut to the county, demand points located in their unit
        if (problems.isEmpty() && !c.osmSources.isEmpty()) {
            step(problems, c.osmSources.get(0).path(), () -> collectClippedOsm(c, ws));
        }
        if (problems.isEmpty() && !c.demandLayers.isEmpty()) {
            step(problems, null, () -> mapDemandPoints(c, ws));
        }
        if (!problems.isEmpty()) {
            throw new ReadException(problems);
        }
        Optional<String> newName = name.or(() -> Optional.ofNullable(c.importedName));
        Map<String, Integer> counts = new LinkedHashMap<>();
        ws.update(w -> {
            newName.ifPresent(w::setName);
            for (StoredLayer<?> layer : StoredLayer.all()) {
                List<Object> items = c.layers.get(kind(layer));
                if (items != null) {
                    writeUnchecked(w, layer, items);
                    counts.put(layer.table(), items.size());
                }
            }
            c.documents.forEach(w::saveDocument);
        });
        return new Result(ws.location(), counts, c.documents.size(), c.notes);
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs one reading step; its problems (or an unreadable {@code path}) join {@code problems}. */
    private static void step(List<InputProblem> problems, Path path, Step step) {
        try {
            step.run();
        } catch (ReadException e) {
            problems.addAll(e.problems());
        } catch (IOException e) {
            problems.add(new InputProblem(String.valueOf(path), null, null, "cannot read: " + e.getMessage()));
        }
    }

    /** What the sources gave so far. */
    private static final class Collected {
        final Map<LayerKind, List<Object>> layers = new EnumMap<>(LayerKind.class);
        final List<StoredDocument> documents = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        /** Demand-point layers, mapped once the admin units are known (a point without a code is located). */
        final List<FeatureLayer> demandLayers = new ArrayList<>();
        /** OSM sources of a clipped import, read once the county is known. */
        final List<Source> osmSources = new ArrayList<>();
        String importedName;
    }

    /** Reads the deferred OSM sources cut to the county (its top-tier units) plus the buffer. */
    private void collectClippedOsm(Collected c, Workspace ws) throws IOException {
        List<AdminUnit> units = adminUnits(c, ws);
        if (units.isEmpty()) {
            throw new ReadException(c.osmSources.get(0).path().toString(), null, "clip", "cannot clip to the county: "
                + "no admin units in this import or the workspace; import the county boundary first or with it");
        }
        int top = units.stream().mapToInt(u -> u.level().tier()).min().orElseThrow();
        List<AdminUnit> county = units.stream().filter(u -> u.level().tier() == top).toList();
        Geometry boundary = org.locationtech.jts.operation.union.UnaryUnionOp.union(
            county.stream().map(AdminUnit::boundary).toList());
        OsmClip clip = OsmClip.of(boundary, clipBufferMeters.orElseThrow());
        for (Source s : c.osmSources) {
            OsmFeatureCollector osm = OsmPoiReader.collect(s.path(), clip);
            FeatureLayer roads = new FeatureLayer(s.path().toString(), "roads", Crs.WGS84, osm.roads());
            c.layers.computeIfAbsent(LayerKind.ROADS, k -> new ArrayList<>()).addAll(mapper.roads(roads));
            c.notes.add("roads from " + s.path() + " cut to " + county.stream().map(AdminUnit::name).toList() + " + "
                + String.format(Locale.ROOT, "%.0f m", clip.bufferMeters()) + ": " + osm.roads().size() + " road pieces kept; "
                + osm.waysOutside() + " ways and " + osm.nodesOutside() + " of " + osm.nodeCount()
                + " nodes outside" + (osm.skippedWays().isEmpty() ? "" : "; " + osm.skippedWays().size()
                    + " ways skipped: " + osm.skippedWays().subList(0, Math.min(5, osm.skippedWays().size()))));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<AdminUnit> adminUnits(Collected c, Workspace ws) {
        return c.layers.containsKey(LayerKind.ADMIN_UNITS)
            ? (List<AdminUnit>) (List<?>) c.layers.get(LayerKind.ADMIN_UNITS)
            : ws.exists() ? ws.readLayer(StoredLayer.ADMIN_UNITS) : List.of();
    }

    /**
     * Maps the demand-point layers; a point without an admin code gets the unit it lies in, among the admin units of
     * this import or else those already in {@code ws}; the count is noted.
     */
    private void mapDemandPoints(Collected c, Workspace ws) {
        List<AdminUnit> units = adminUnits(c, ws);
        for (FeatureLayer fl : c.demandLayers) {
            int located = mapper.countWithout(fl, LayerKind.DEMAND_POINTS, "adminCode");
            c.layers.computeIfAbsent(LayerKind.DEMAND_POINTS, k -> new ArrayList<>())
                .addAll(mapper.demandPoints(fl, units));
            if (located > 0) {
                c.notes.add(located + " of " + fl.size() + " demand points of " + fl.source() + " have no admin "
                    + "code: each counts in the deepest of the " + units.size() + " admin units that covers it");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void writeUnchecked(WorkspaceWriter w, StoredLayer<T> layer, List<Object> items) {
        w.writeLayer(layer, (List<T>) (List<?>) items);
    }

    private void collect(Source s, Collected c) throws IOException {
        Path p = s.path();
        if (Files.isDirectory(p)) {
            if (s.layer().isPresent() || s.table().isPresent()) {
                throw new IllegalArgumentException("--from: a directory takes no LAYER= or #TABLE: " + p);
            }
            collectDirectory(p, c);
            return;
        }
        if (s.layer().isEmpty() && s.table().isEmpty() && GeoPackageWorkspace.isWorkspace(p)) {
            GeoPackageWorkspace src = GeoPackageWorkspace.open(p);
            PlanningData data = src.read();
            c.importedName = data.name();
            for (StoredLayer<?> layer : StoredLayer.all()) {
                if (!layer.itemsOf(data).isEmpty()) {
                    c.layers.computeIfAbsent(kind(layer), k -> new ArrayList<>()).addAll(layer.itemsOf(data));
                }
            }
            for (DocumentKind k : DocumentKind.values()) {
                c.documents.addAll(src.listDocuments(k));
            }
            return;
        }
        Optional<LayerFiles.Format> format = LayerFiles.find(p);
        if (clipBufferMeters.isPresent() && format.isPresent() && (format.get() == LayerFiles.Format.OSM_XML
                || format.get() == LayerFiles.Format.OSM_PBF)) {
            if (s.layer().isPresent() && s.layer().get() != LayerKind.ROADS) {
                throw new IllegalArgumentException("--from: an OSM file gives the roads layer, not "
                    + s.layer().get().id() + ": " + p);
            }
            c.osmSources.add(s);
            return;
        }
        List<FeatureLayer> read = s.table().isPresent()
            ? List.of(LayerFiles.readLayer(p, s.table().get(), options)) : LayerFiles.read(p, options);
        if (s.layer().isPresent() && read.size() > 1) {
            throw new IllegalArgumentException("--from: " + p.getFileName() + " has layers "
                + read.stream().map(FeatureLayer::name).toList() + "; name one: " + s.layer().get().id() + "="
                + p + "#TABLE");
        }
        for (FeatureLayer fl : read) {
            Optional<LayerKind> kind = s.layer().or(() -> kindOf(fl.name()));
            if (kind.isEmpty()) {
                if (read.size() > 1) {
                    c.notes.add("skipped layer '" + fl.name() + "' of " + p + " (" + fl.size() + " features): not a "
                        + "planning layer name; import it as LAYER=" + p + "#" + fl.name());
                    continue;
                }
                throw new IllegalArgumentException("--from: cannot tell which layer " + p + " is (its name is '"
                    + fl.name() + "'); write it as LAYER=" + p + " with LAYER one of: " + names());
            }
            if (kind.get() != LayerKind.ROADS) {   // a road's other attributes are its tags
                List<String> unused = mapper.unmappedColumns(fl, kind.get());
                if (!unused.isEmpty()) {
                    c.notes.add(kind.get().id() + " from " + p + ": " + unused.size() + " column(s) not mapped to any "
                        + "field, not imported: " + String.join(", ", unused) + " (an attribute mapping can name them)");
                }
            }
            if (kind.get() == LayerKind.DEMAND_POINTS) {
                c.demandLayers.add(fl);
            } else {
                c.layers.computeIfAbsent(kind.get(), k -> new ArrayList<>()).addAll(map(kind.get(), fl));
            }
        }
    }

    private void collectDirectory(Path dir, Collected c) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String fileName = f.getFileName().toString();
            if (fileName.equals(WORKSPACE_JSON)) {
                WorkspaceExport.Description d = WorkspaceExport.readDescription(f);
                c.importedName = d.name();
                c.documents.addAll(d.documents());
                continue;
            }
            if (LayerFiles.isShapefilePart(f)) {
                continue;   // read with its .shp
            }
            if (LayerFiles.find(f).isEmpty()) {
                c.notes.add("skipped " + f + ": not a supported layer file");
                continue;
            }
            collect(new Source(Optional.empty(), f, Optional.empty()), c);
        }
    }

    private List<?> map(LayerKind kind, FeatureLayer fl) {
        return switch (kind) {
            case ADMIN_UNITS -> mapper.adminUnits(fl);
            case FACILITIES -> mapper.facilities(fl);
            case MEDICAL_FACILITIES -> mapper.medicalFacilities(fl);
            case DISTRICTS -> mapper.districts(fl);
            case DEMAND_POINTS -> throw new IllegalStateException("demand points are mapped after the admin units");
            case ROADS -> mapper.roads(fl);
        };
    }

    /** The io layer kind of a store layer. */
    static LayerKind kind(StoredLayer<?> layer) {
        if (layer == StoredLayer.ADMIN_UNITS) {
            return LayerKind.ADMIN_UNITS;
        } else if (layer == StoredLayer.FACILITIES) {
            return LayerKind.FACILITIES;
        } else if (layer == StoredLayer.MEDICAL_FACILITIES) {
            return LayerKind.MEDICAL_FACILITIES;
        } else if (layer == StoredLayer.DISTRICTS) {
            return LayerKind.DISTRICTS;
        } else if (layer == StoredLayer.DEMAND_POINTS) {
            return LayerKind.DEMAND_POINTS;
        }
        return LayerKind.ROADS;
    }

    /** A layer kind from a layer or file name: the kind ids, snake_case, or the store's table names. */
    static Optional<LayerKind> kindOf(String layerName) {
        String n = layerName.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (n.equals("residential-districts")) {
            return Optional.of(LayerKind.DISTRICTS);
        }
        for (LayerKind k : LayerKind.values()) {
            if (k.id().equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private static List<String> names() {
        return java.util.Arrays.stream(LayerKind.values()).map(LayerKind::id).toList();
    }
}
