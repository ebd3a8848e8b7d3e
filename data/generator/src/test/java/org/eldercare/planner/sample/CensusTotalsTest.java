package org.eldercare.planner.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CensusTotalsTest {
    @Test
    void derives_guixi_totals_from_the_census_tables() throws Exception {
        CensusTotals c = RawInputs.read(RawDir.raw()).census();
        assertEquals(540_572, c.population());
        // 60+ = 540572 × (0.0539 + 0.1246) = 540572 × 0.1785 = 96 492.102 → 96 492
        assertEquals(96_492, c.elderly60());
        // 65+ = 540572 × 0.1246 = 67 355.27 → 67 355
        assertEquals(67_355, c.elderly65());
        // 80+ = 540572 × (0.0143 + 0.0085) = 540572 × 0.0228 = 12 325.04 → 12 325
        assertEquals(12_325, c.elderly80());
        // households = 540572 × 0.9261 / 2.95 = 500 623.73 / 2.95 = 169 702.96 → 169 703
        assertEquals(169_703, c.households());
        // urban = 540572 × 0.5439 = 294 017.11 → 294 017
        assertEquals(294_017, c.urbanResidents());
    }
}
