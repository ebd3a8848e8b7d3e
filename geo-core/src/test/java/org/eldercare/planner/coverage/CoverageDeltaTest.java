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
            List.of(), List.of(), FindingTotals.of(List.of()), List.of());
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

    @Test
    void covered_is_the_service_band_per_unit_and_summed_over_top_units() {
        // service minutes 15 = band index 2. Top unit: county 360681 (190 elderly), 150 -> 190 within 15 min;
        // its community (not a top unit) stays at 150. A second top unit 360682 (no elderly) adds 0.
        CoverageReport before = report(BANDS, unit("360681000000", AdminLevel.COUNTY, null, 190, 100, 100, 150),
            unit("360681002001", AdminLevel.COMMUNITY, "360681000000", 190, 100, 100, 150),
            unit("360682000000", AdminLevel.COUNTY, null, 0, 0, 0, 0));
        CoverageReport after = report(BANDS, unit("360681000000", AdminLevel.COUNTY, null, 190, 140, 140, 190),
            unit("360681002001", AdminLevel.COMMUNITY, "360681000000", 190, 140, 140, 150),
            unit("360682000000", AdminLevel.COUNTY, null, 0, 0, 0, 0));
        CoverageDelta d = CoverageDelta.between(before, after);
        assertEquals(2, d.serviceIndex());
        CoverageDelta.Covered county = d.covered(d.findUnit("360681000000").orElseThrow());
        assertEquals(new CoverageDelta.Covered(190, 190, 150, 190), county);
        assertEquals(150.0 / 190, county.shareBefore(), 0);
        assertEquals(1.0, county.shareAfter(), 0);
        assertEquals(40, county.deltaCovered(), 0);
        assertFalse(county.isZero());
        assertTrue(d.covered(d.findUnit("360681002001").orElseThrow()).isZero());
        assertTrue(Double.isNaN(d.covered(d.findUnit("360682000000").orElseThrow()).shareBefore()));
        // total = county 360681 + county 360682 = (190 + 0) elderly, (150 + 0) -> (190 + 0) covered
        assertEquals(new CoverageDelta.Covered(190, 190, 150, 190), d.total());
    }

    @Test
    void covered_keeps_different_elderly_apart() {
        // population scaling: 200 -> 100 elderly, 100 -> 80 covered: shares 0.5 -> 0.8, 20 fewer covered
        CoverageDelta.Covered c = new CoverageDelta.Covered(200, 100, 100, 80);
        assertEquals(0.5, c.shareBefore(), 0);
        assertEquals(0.8, c.shareAfter(), 0);
        assertEquals(-20, c.deltaCovered(), 0);
        assertFalse(new CoverageDelta.Covered(200, 100, 100, 100).isZero());
    }

    @Test
    void reports_of_different_populations_are_refused() {
        CoverageReport before = report(BANDS, unit("360681000000", AdminLevel.COUNTY, null, 10, 1, 2, 3));
        CoverageReport scaled = report(BANDS, unit("360681000000", AdminLevel.COUNTY, null, 12, 1, 2, 3));
        var e = assertThrows(IllegalArgumentException.class, () -> CoverageDelta.between(before, scaled));
        assertTrue(e.getMessage().contains("360681000000") && e.getMessage().contains("12.0"), e.getMessage());
    }
}
