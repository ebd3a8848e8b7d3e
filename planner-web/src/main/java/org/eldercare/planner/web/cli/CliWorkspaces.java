package org.eldercare.planner.web.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.model.RoadSegment;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/**
 * Input and output steps the commands share: reading a workspace named on the command line (a .gpkg file or JDBC
 * URL through {@link Workspaces#open}, or a directory of layer files) and printing per-layer feature counts.
 * Stateless.
 */
final class CliWorkspaces {
    private CliWorkspaces() {
    }

    /** Reads the .gpkg or JDBC workspace at {@code location} through {@link Workspaces#open}. */
    private static PlanningData readStore(String location) throws Exception {
        try (Workspace w = Workspaces.open(location)) {
            return w.read();
        }
    }

    /** A JDBC URL or .gpkg through {@link Workspaces#open}; anything else as a directory of layer files. */
    static PlanningData readData(String data) throws Exception {
        String lower = data.strip().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gpkg") && !Files.isRegularFile(Path.of(data))) {
            throw new IllegalArgumentException("--data: no such GeoPackage " + data);
        }
        if (lower.startsWith("jdbc:") || lower.endsWith(".gpkg")) {
            return readStore(data);
        }
        return readWorkspace(Path.of(data));
    }

    /**
     * Reads a workspace directory of layer files. Admin units: {@code county}, {@code townships},
     * {@code communities} (also {@code city}, {@code admin_units}); facilities; optional medical facilities,
     * residential districts; demand points; roads from {@code roads.geojson}/{@code roads.gpkg} or the single OSM
     * file. Every file is read with the project's readers and mapped by {@link LayerMapper#defaults()}.
     *
     * @throws IllegalArgumentException naming the directory and the missing layer
     */
    static PlanningData readWorkspace(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data: " + dir + " is not a directory of layer files");
        }
        LayerMapper m = LayerMapper.defaults();
        ReadOptions o = ReadOptions.defaults();
        List<AdminUnit> units = new ArrayList<>();
        for (String n : List.of("city", "county", "townships", "communities", "admin_units")) {
            Path f = dir.resolve(n + ".geojson");
            if (Files.exists(f)) {
                units.addAll(m.adminUnits(LayerFiles.readLayer(f, null, o)));
            }
        }
        if (units.isEmpty()) {
            throw new IllegalArgumentException("--data: " + dir + " has no admin-unit layer (county.geojson, "
                + "townships.geojson, communities.geojson)");
        }
        Path facilities = required(dir, "facilities.geojson");
        Path demand = required(dir, "demand_points.geojson");
        Path medical = dir.resolve("medical_facilities.geojson");
        Path districts = dir.resolve("residential_districts.geojson");
        List<RoadSegment> roads;
        if (Files.exists(dir.resolve("roads.geojson"))) {
            roads = m.roads(LayerFiles.readLayer(dir.resolve("roads.geojson"), null, o));
        } else {
            List<Path> osm;
            try (Stream<Path> s = Files.list(dir)) {
                osm = s.filter(f -> f.getFileName().toString().matches(".*\\.osm(\\.pbf)?")).sorted().toList();
            }
            if (osm.size() != 1) {
                throw new IllegalArgumentException("--data: " + dir + " needs roads.geojson or exactly one .osm/.osm.pbf"
                    + " file, found " + osm.size());
            }
            roads = m.roads(LayerFiles.readLayer(osm.get(0), "roads", o));
        }
        return new PlanningData(dir.getFileName().toString(), units,
            m.facilities(LayerFiles.readLayer(facilities, null, o)),
            Files.exists(medical) ? m.medicalFacilities(LayerFiles.readLayer(medical, null, o)) : List.of(),
            Files.exists(districts) ? m.districts(LayerFiles.readLayer(districts, null, o)) : List.of(),
            m.demandPoints(LayerFiles.readLayer(demand, null, o)), roads);
    }

    private static Path required(Path dir, String name) {
        Path f = dir.resolve(name);
        if (!Files.exists(f)) {
            throw new IllegalArgumentException("--data: " + dir + " has no " + name);
        }
        return f;
    }

    /** {@code HEADING: layer n, layer n, ..., d documents}, the summary line of import and export. */
    static String layerCountsLine(String heading, Map<String, Integer> layerCounts, int documents) {
        StringBuilder sb = new StringBuilder(heading + ":");
        for (Map.Entry<String, Integer> e : layerCounts.entrySet()) {
            sb.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(',');
        }
        sb.append(' ').append(documents).append(" documents");
        return sb.toString();
    }
}
