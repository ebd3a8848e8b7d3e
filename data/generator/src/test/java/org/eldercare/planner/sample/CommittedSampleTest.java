package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.io.Feature;
import org.eldercare.planner.io.gpkg.GeoPackageReader;
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
    void geopackage_tables_are_feature_identical_to_the_committed_ones() {
        Map<String, List<Feature>> mine = GeoPackageReader.read(out.resolve("guixi").resolve(SampleLayers.GPKG));
        Map<String, List<Feature>> theirs = GeoPackageReader.read(committed.resolve("guixi")
            .resolve(SampleLayers.GPKG));
        assertEquals(new java.util.TreeSet<>(SampleLayers.TABLES), new java.util.TreeSet<>(mine.keySet()));
        assertEquals(mine.keySet(), theirs.keySet());
        for (String table : mine.keySet()) {
            assertEquals(mine.get(table), theirs.get(table), "table " + table + " differs: regenerate data/");
        }
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
