package org.eldercare.planner.web.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.InvalidValueException;
import org.eldercare.planner.planning.LayerDirectory;
import org.eldercare.planner.model.PlanningData;
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

    /** A directory of layer files ({@link LayerDirectory}); its problems are named as {@code --data} ones. */
    static PlanningData readWorkspace(Path dir) throws IOException {
        try {
            return LayerDirectory.read(dir, ReadOptions.defaults());
        } catch (InvalidValueException e) {
            if (!"data".equals(e.field())) {
                throw e;
            }
            throw new IllegalArgumentException("--data: " + e.getMessage(), e);
        }
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
