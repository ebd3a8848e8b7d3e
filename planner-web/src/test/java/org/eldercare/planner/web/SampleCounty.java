package org.eldercare.planner.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.planner.model.PlanningData;

/** The bundled sample county 贵溪市 ({@code data/guixi/guixi.gpkg}), loaded the way {@code serve} loads it, once per JVM. */
public final class SampleCounty {
    private static PlanningData data;

    private SampleCounty() {}

    /** The repository's data/guixi/guixi.gpkg, found from the working directory upwards. */
    public static Path gpkg() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path f = p.resolve("data").resolve("guixi").resolve("guixi.gpkg");
            if (Files.isRegularFile(f)) {
                return f;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("data/guixi/guixi.gpkg not found above " + Path.of("").toAbsolutePath());
    }

    public static synchronized PlanningData data() {
        if (data == null) {
            data = org.eldercare.planner.web.cli.ServeCommandAccess.load(gpkg());
        }
        return data;
    }
}
