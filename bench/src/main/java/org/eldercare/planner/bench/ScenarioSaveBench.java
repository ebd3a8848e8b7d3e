package org.eldercare.planner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.planner.scenario.SavedScenarios;
import org.eldercare.planner.scenario.Scenario;
import org.eldercare.planner.scenario.ScenarioFiles;
import org.eldercare.planner.scenario.ScenarioWriter;
import org.eldercare.planner.store.GeoPackageWorkspace;
import org.eldercare.planner.store.PostgisWorkspace;
import org.eldercare.planner.store.Workspace;

/**
 * Saving a scenario from the page: a revised save ({@code SavedScenarios.save}: one database transaction, in place;
 * BEGIN IMMEDIATE on the GeoPackage) against the older unconditional save ({@code ScenarioWriter.save}: a
 * copy-on-write edit of the whole GeoPackage), on a copy of the sample county's GeoPackage and, with a JDBC URL, on
 * PostGIS; the scenario is notebooks/scenarios/three-stations-2025.yaml. Prints medians of 20 saves in
 * milliseconds. Args: [jdbc url of an empty PostGIS schema]. Run: see docs/bench/stores.md.
 */
public final class ScenarioSaveBench {
    private static final int RUNS = 20;

    private ScenarioSaveBench() {}

    public static void main(String[] args) throws Exception {
        Scenario s = ScenarioFiles.read(Path.of("notebooks", "scenarios", "three-stations-2025.yaml"));
        Path tmp = Files.createTempDirectory("scenariosave");
        Path file = tmp.resolve("guixi.gpkg");
        Files.copy(Path.of("data", "guixi", "guixi.gpkg"), file, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("scenario '%s': %d changes, %d bytes of JSON; GeoPackage %.1f MB%n", s.name(),
            s.changes().size(), ScenarioWriter.toJsonText(s).length(), Files.size(file) / 1e6);
        run("GeoPackage", GeoPackageWorkspace.open(file), s);
        if (args.length > 0) {
            run("PostGIS", PostgisWorkspace.connect(args[0]), s);
        }
    }

    static void run(String label, Workspace ws, Scenario s) {
        List<Double> revised = new ArrayList<>();
        List<Double> unconditional = new ArrayList<>();
        SavedScenarios.save(ws, s, "bench", 0); // warm-up, and revision 1
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            SavedScenarios.save(ws, s, "bench", i + 1);
            revised.add(StoreBench.ms(t));
        }
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            ScenarioWriter.save(ws, s);
            unconditional.add(StoreBench.ms(t));
        }
        System.out.printf("%-10s revised save (one transaction) %6.1f ms | unconditional save (update) %6.1f ms | "
            + "revision now %d%n", label, StoreBench.median(revised), StoreBench.median(unconditional),
            SavedScenarios.find(ws, s.name()).orElseThrow().revision());
    }
}
