package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.eldercare.planner.io.FileInspector;
import org.eldercare.planner.io.ReadOptions;
import org.eldercare.planner.model.PlanningData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regenerates the sample into a temporary directory and checks that it is feature-identical to the files committed
 * under {@code data/}: a generator change that alters the data must be committed together with the regenerated files
 * (see data/README.md for the command).
 */
class CommittedSampleTest {
    @TempDir
    static Path out;
    static Path committed;

    @BeforeAll
    static void regenerate() throws Exception {
        committed = RawDir.repoRoot().resolve("data");
        GenerateSample.write(RawDir.raw(), out, SampleGenerator.DEFAULT_SEED);
    }

    @Test
    void geopackage_workspace_is_feature_identical_to_the_committed_one() {
        PlanningData mine = SampleLayers.read(out.resolve("guixi").resolve(SampleLayers.GPKG));
        PlanningData theirs = SampleLayers.read(committed.resolve("guixi").resolve(SampleLayers.GPKG));
        assertEquals(mine, theirs, "guixi.gpkg differs: regenerate data/");
    }

    @Test
    void committed_geopackage_reads_cleanly_with_the_io_layer() throws Exception {
        FileInspector.FileReport report = FileInspector.inspect(committed.resolve("guixi").resolve(SampleLayers.GPKG),
            ReadOptions.defaults());
        Map<String, Integer> counts = new TreeMap<>();
        report.layers().forEach(l -> counts.put(l.name(), l.featureCount()));
        // the six model layers; counts as listed in data/README.md
        assertEquals(Map.of("admin_units", 294, "facilities", 88, "medical_facilities", 75,
            "residential_districts", 15, "demand_points", 436, "roads", 176), counts);
        assertTrue(report.caveats().isEmpty(), "caveats " + report.caveats());
    }

    @Test
    void geojson_layers_are_feature_identical_to_the_committed_ones() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String name : SampleLayers.GEOJSON) {
            Path mine = out.resolve("guixi").resolve(name);
            Path theirs = committed.resolve("guixi").resolve(name);
            assertTrue(Files.exists(theirs), "committed " + theirs);
            assertEquals(json.readTree(theirs.toFile()), json.readTree(mine.toFile()), name + " differs: regenerate data/");
        }
    }

    @Test
    void osm_extracts_are_copied_unchanged() throws Exception {
        for (String name : new String[] {GenerateSample.GUIXI_OSM, GenerateSample.HAIDIAN_OSM}) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }
}
