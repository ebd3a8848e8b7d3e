package org.eldercare.planner.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.junit.jupiter.api.Test;

class CoverageDeltaTest {
    static UnitCoverage unit(String code, AdminLevel level, String parent, double elderly, double... withinBands) {
        List<Double> minutes = List.of(5.0, 10.0, 15.0);
        List<BandCoverage> bands = new java.util.ArrayList<>();
        for (int i = 0; i < minutes.size(); i++) {
            bands.add(new BandCoverage(minutes.get(i), withinBands[i], 0, 0));
        }
        return new UnitCoverage(code, "u" + code, level, Optional.ofNullable(parent), 1, elderly, 0, 0, 0, bands, 15,
            Map.of(), Set.of(), List.of());
    }

    static CoverageReport report(List<Double> bands, UnitCoverage... units) {
        return new CoverageReport("d", "national", 1.0, 15, bands, List.of(), List.of(units), List.of(), List.of(),
            List.of(), List.of(), FindingTotals.of(List.of()));
    }

    static final List<Double> BANDS = List.of(5.0, 10.0, 15.0);

    @Test
    void the_change_per_band_is_scenario_minus_baseline() {
        // county 360681 (190 elderly) with one community: a new facility brings 40 elderly within 5 minutes (and so
        // within 10 and 15); a closed one elsewhere would show as negative changes
        CoverageReport before = report(BANDS, unit("360681000000", AdminLevel.COUNTY, null, 190, 100, 100, 150),
            unit("360681002001", AdminLevel.COMMUNITY, "360681000000", 190, 100, 100, 150));
        CoverageReport after = report(BANDS, unit("360681000000", AdminLevel.COUNTY, null, 190, 140, 140, 190),
            unit("360681002001", AdminLevel.COMMUNITY, "360681000000", 190, 140, 140, 150));
        CoverageDelta d = CoverageDelta.between(before, after);
        assertEquals(BANDS, d.bandsMinutes());
        CoverageDelta.UnitDelta county = d.findUnit("360681000000").orElseThrow();
        assertEquals(40, county.changeElderly(0), 0);
        assertEquals(40, county.changeElderly(2), 0);
        CoverageDelta.UnitDelta community = d.findUnit("360681002001").orElseThrow();
        assertEquals(List.of(100.0, 100.0, 150.0), community.baselineElderly());
        assertEquals(0, community.changeElderly(2), 0);
        assertTrue(community.changed());
        assertFalse(CoverageDelta.between(before, before).units().get(0).changed());
    }

    @Test
    void reports_of_different_bands_or_units_are_refused() {
        CoverageReport before = report(BANDS, unit("360681000000", AdminLevel.COUNTY, null, 10, 1, 2, 3));
        CoverageReport otherUnit = report(BANDS, unit("360682000000", AdminLevel.COUNTY, null, 10, 1, 2, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> CoverageDelta.between(before, otherUnit));
        assertTrue(e.getMessage().contains("360681000000"), e.getMessage());
        CoverageReport otherBands = report(List.of(5.0, 10.0, 20.0),
            unit("360681000000", AdminLevel.COUNTY, null, 10, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> CoverageDelta.between(before, otherBands));
        assertThrows(IllegalArgumentException.class, () -> CoverageDelta.between(null, before));
    }
}
