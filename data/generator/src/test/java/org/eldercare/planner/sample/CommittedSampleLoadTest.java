package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eldercare.planner.model.PlanningData;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link SampleChecks} on the committed {@code data/guixi/guixi.gpkg}, read as a store workspace
 * ({@code GeoPackageWorkspace}, what the planner opens): a broken or stale committed sample fails here.
 */
class CommittedSampleLoadTest extends SampleChecks {
    @Override
    PlanningData load() throws Exception {
        return SampleLayers.read(RawDir.repoRoot().resolve("data/guixi").resolve(SampleLayers.GPKG));
    }

    @Test
    void committed_geopackage_holds_the_generated_records() throws Exception {
        // feature-identical: reading the file gives back exactly the records the generator makes
        PlanningData generated = SampleGenerator.generate(RawDir.raw(), SampleGenerator.DEFAULT_SEED);
        assertEquals(generated.adminUnits(), data.adminUnits());
        assertEquals(generated.facilities(), data.facilities());
        assertEquals(generated.medicalFacilities(), data.medicalFacilities());
        assertEquals(generated.districts(), data.districts());
        assertEquals(generated.demandPoints(), data.demandPoints());
        assertEquals(generated.roads(), data.roads());
        assertEquals(SampleGenerator.NAME, data.name());
    }
}
