package org.eldercare.planner.spark;

import java.nio.file.Path;
import java.util.List;
import org.eldercare.planner.model.PlanningData;
import org.eldercare.planner.spark.gen.CountyGenerator;
import org.eldercare.planner.store.Workspace;
import org.eldercare.planner.store.Workspaces;

/** The generated 10-county test province (seed {@link #SEED}), written once per test JVM into target/. */
final class TenCounties {
    static final long SEED = 20240101L;
    static final int N = 10;
    static final Path BASE = Path.of("../data/guixi/guixi.gpkg");
    private static List<CountyGenerator.County> counties;
    private static PlanningData base;

    private TenCounties() {}

    static synchronized PlanningData base() {
        if (base == null) {
            try (Workspace w = Workspaces.open(BASE.toString())) {
                base = w.read();
            }
        }
        return base;
    }

    /** The directory of the ten workspaces (generated on first use). */
    static synchronized Path dir() {
        Path dir = Path.of("target/test-counties/ten");
        if (counties == null) {
            counties = new CountyGenerator(base()).writeAll(N, SEED, dir);
        }
        return dir;
    }

    static synchronized List<CountyGenerator.County> counties() {
        dir();
        return counties;
    }

    /** County {@code ref}'s data as geo-core reads it (the single-JVM side of the comparisons). */
    static PlanningData read(CountyRef ref) {
        try (Workspace w = Workspaces.open(ref.location())) {
            return w.read();
        }
    }
}
