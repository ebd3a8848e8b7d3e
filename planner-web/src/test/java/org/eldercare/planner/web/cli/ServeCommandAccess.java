package org.eldercare.planner.web.cli;

import java.nio.file.Path;
import org.eldercare.planner.model.PlanningData;

/** Lets tests in other packages load data exactly as {@code serve} does. */
public final class ServeCommandAccess {
    private ServeCommandAccess() {}

    public static PlanningData load(Path gpkg) {
        return ServeCommand.load(gpkg.toString());
    }
}
