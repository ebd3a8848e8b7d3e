package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.eldercare.planner.model.PlanningData;
import org.junit.jupiter.api.Test;

/** Runs the {@link SampleChecks} on a freshly generated sample, and checks that generation is reproducible. */
class GeneratedSampleTest extends SampleChecks {
    @Override
    PlanningData load() throws Exception {
        return SampleGenerator.generate(RawDir.raw(), SampleGenerator.DEFAULT_SEED);
    }

    @Test
    void same_seed_gives_identical_data_and_another_seed_differs() throws Exception {
        PlanningData again = SampleGenerator.generate(RawDir.raw(), SampleGenerator.DEFAULT_SEED);
        assertEquals(data, again);
        PlanningData other = SampleGenerator.generate(RawDir.raw(), SampleGenerator.DEFAULT_SEED + 1);
        assertNotEquals(data.demandPoints(), other.demandPoints());
        assertEquals(data.roads(), other.roads());
    }
}
