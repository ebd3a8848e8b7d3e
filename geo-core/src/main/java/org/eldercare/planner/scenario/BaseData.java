package org.eldercare.planner.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.eldercare.planner.io.FeatureLayer;
import org.eldercare.planner.io.LayerFiles;
import org.eldercare.planner.io.LayerMapper;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/**
 * Reads the base data a scenario names: a planning {@link Workspace} (a {@code jdbc:postgresql://} URL, or a
 * {@code .gpkg} made by the store, recognised by its {@code planner_meta} table), or a plain layer GeoPackage as the
 * io writers produce it (tables {@code admin_units}, {@code facilities}, {@code medical_facilities},
 * {@code residential_districts}, {@code demand_points}, {@code roads} with {@link LayerMapper#defaults()} columns, e.g.
 * the sample county {@code data/guixi/guixi.gpkg}); its name is then the file name without {@code .gpkg}. Stateless.
 */
public final class BaseData {
    private BaseData() {}

    /**
     * @throws IllegalArgumentException when the location is neither form, or the file does not exist
     * @throws org.eldercare.planner.io.ReadException when stored data is invalid (every problem named)
     */
    public static PlanningData read(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("base: required: a .gpkg file or jdbc:postgresql://host:port/db");
        }
        if (location.startsWith("jdbc:")) {
            try (Workspace ws = Workspaces.open(location)) {
                return ws.read();
            }
        }
        Path file = Path.of(location);
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
            throw new IllegalArgumentException("base: expected a .gpkg file or jdbc:postgresql:// URL, was '"
                + location + "'");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("base: no such GeoPackage " + file.toAbsolutePath());
        }
        if (isWorkspace(file)) {
            try (Workspace ws = Workspaces.open(location)) {
                return ws.read();
            }
        }
        try {
            Map<String, FeatureLayer> layers = new HashMap<>();
            for (FeatureLayer l : LayerFiles.read(file, ReadOptions.defaults())) {
                layers.put(l.name(), l);
            }
            for (String t : List.of("admin_units", "facilities", "demand_points", "roads")) {
                if (!layers.containsKey(t)) {
                    throw new IllegalArgumentException("base: " + file + " has no layer '" + t + "' (layers: "
                        + new java.util.TreeSet<>(layers.keySet()) + ")");
                }
            }
            LayerMapper m = LayerMapper.defaults();
            String name = file.getFileName().toString().replaceFirst("(?i)\\.gpkg$", "");
            PlanningData d = PlanningData.empty(name)
                .withAdminUnits(m.adminUnits(layers.get("admin_units")))
                .withFacilities(m.facilities(layers.get("facilities")))
                .withDemandPoints(m.demandPoints(layers.get("demand_points")))
                .withRoads(m.roads(layers.get("roads")));
            if (layers.containsKey("medical_facilities")) {
                d = d.withMedicalFacilities(m.medicalFacilities(layers.get("medical_facilities")));
            }
            if (layers.containsKey("residential_districts")) {
                d = d.withDistricts(m.districts(layers.get("residential_districts")));
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("base: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when the GeoPackage has the store's {@code planner_meta} table. */
    static boolean isWorkspace(Path gpkg) {
        Properties p = new Properties();
        p.setProperty("open_mode", "1"); // read-only
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg.toAbsolutePath(), p);
                ResultSet rs = c.createStatement().executeQuery(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'planner_meta'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalArgumentException("base: " + gpkg + " is not a readable SQLite/GeoPackage file: "
                + e.getMessage(), e);
        }
    }
}
