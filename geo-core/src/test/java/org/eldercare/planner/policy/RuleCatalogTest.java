package org.eldercare.planner.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuleCatalogTest {
    @Test
    void theCatalogResourceListsEveryRuleWithUnitAndRange() {
        assertEquals(40, RuleCatalog.entries().size());
        RuleCatalog.Entry speed = RuleCatalog.find("walk.elderlySpeedMps").orElseThrow();
        assertEquals("m/s", speed.unit());
        assertEquals(0.1, speed.min());
        assertEquals(3.0, speed.max());
        assertEquals(1e8, RuleCatalog.find("district.pooling.smallMaxLandAreaM2").orElseThrow().max());
        assertEquals("circle.serviceMinutes", RuleCatalog.entries().keySet().iterator().next(), "catalog order kept");
        assertEquals("care9073.institutionShare",
            RuleCatalog.entries().keySet().stream().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void coverageIdsAreOpenEndedSharesAndUnknownIdsAreAbsent() {
        RuleCatalog.Entry c = RuleCatalog.find("coverage.dayCare.communities").orElseThrow();
        assertEquals("share", c.unit());
        assertEquals(1.0, c.max());
        assertTrue(RuleCatalog.find("coverage.").isEmpty());
        assertTrue(RuleCatalog.find("beds.perThousand").isEmpty());
    }
}
