package org.eldercare.planner.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.AdminUnit;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.store.StoredLayer;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/** Reading one county's workspace inside a task. */
final class Inputs {
    private Inputs() {}

    /**
     * The county's data, read through geo-core's store (whose errors name layer, row and column).
     *
     * @throws IllegalArgumentException when the workspace file is missing
     */
    static PlanningData read(CountyRef c) {
        try (Workspace w = open(c)) {
            return w.read();
        }
    }

    /** One layer of the county's workspace. */
    static <T> List<T> readLayer(CountyRef c, StoredLayer<T> layer) {
        try (Workspace w = open(c)) {
            return w.readLayer(layer);
        }
    }

    private static Workspace open(CountyRef c) {
        if (!c.location().startsWith("jdbc:") && !Files.isRegularFile(Path.of(c.location()))) {
            throw new IllegalArgumentException("workspace file is missing");
        }
        return Workspaces.open(c.location());
    }

    /**
     * @throws IllegalArgumentException naming file and layer when {@code items} is empty (a missing table reads as
     *                                  an empty layer)
     */
    static void requireNonEmpty(CountyRef c, String layer, List<?> items) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException(c.location() + ": layer " + layer
                + ": is missing or empty; the job needs it");
        }
    }

    /** The county's top unit (COUNTY, else CITY). @throws IllegalArgumentException naming the layer when none */
    static AdminUnit top(CountyRef c, PlanningData d) {
        for (AdminLevel level : List.of(AdminLevel.COUNTY, AdminLevel.CITY)) {
            List<AdminUnit> u = d.listAdminUnits(level);
            if (!u.isEmpty()) {
                return u.get(0);
            }
        }
        throw new IllegalArgumentException("admin_units: no unit of level COUNTY or CITY in " + c.location());
    }
}
