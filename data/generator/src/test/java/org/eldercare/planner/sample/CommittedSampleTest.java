package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
    void geojson_layers_are_feature_identical_to_the_committed_ones() throws Exception {
        for (String name : SampleLayers.GEOJSON) {
            Path mine = out.resolve("guixi").resolve(name);
            Path theirs = committed.resolve("guixi").resolve(name);
            assertTrue(Files.exists(theirs), "committed " + theirs);
            assertEquals(FallbackGeoJson.read(theirs), FallbackGeoJson.read(mine), name + " differs: regenerate data/");
        }
    }

    @Test
    void osm_extracts_are_copied_unchanged() throws Exception {
        for (String name : new String[] {GenerateSample.GUIXI_OSM, GenerateSample.HAIDIAN_OSM}) {
            assertArrayEquals(Files.readAllBytes(committed.resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
    }
}
