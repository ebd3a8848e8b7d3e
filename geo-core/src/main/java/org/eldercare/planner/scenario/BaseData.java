package org.eldercare.planner.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/**
 * Reads the base data a scenario names: a planning {@link Workspace}, i.e. a {@code .gpkg} made by the store (such
 * as the sample county {@code data/guixi/guixi.gpkg}) or a {@code jdbc:postgresql://} URL, opened through
 * {@link Workspaces#open}. Plain layer files are turned into a workspace first with {@code planner import}.
 * Stateless.
 */
public final class BaseData {
    private BaseData() {}

    /**
     * @throws IllegalArgumentException when the location is neither form, or the GeoPackage does not exist
     * @throws org.eldercare.planner.io.ReadException when stored data is invalid (every problem named)
     */
    public static PlanningData read(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("base: required: a .gpkg workspace or jdbc:postgresql://host:port/db");
        }
        if (!location.startsWith("jdbc:")) {
            if (!location.toLowerCase(Locale.ROOT).endsWith(".gpkg")) {
                throw new IllegalArgumentException("base: expected a .gpkg workspace or jdbc:postgresql:// URL, was '"
                    + location + "'");
            }
            if (!Files.isRegularFile(Path.of(location))) {
                throw new IllegalArgumentException("base: no such GeoPackage workspace " + Path.of(location)
                    .toAbsolutePath());
            }
        }
        try (Workspace ws = Workspaces.open(location)) {
            return ws.read();
        }
    }
}
