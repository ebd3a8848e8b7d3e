package org.eldercare.planner.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eldercare.planner.model.AdminLevel;

/**
 * The change in population coverage between a baseline {@link CoverageReport} and a what-if report of the same data
 * (same admin units and bands; facilities added, moved or closed): per unit and band, the elderly within the band
 * before and after. Immutable.
 *
 * @param bandsMinutes  the bands, ascending (copied)
 * @param serviceMinutes the service-circle minutes "covered" refers to
 * @param units          one entry per admin unit, in the baseline's order (copied)
 */
public record CoverageDelta(List<Double> bandsMinutes, double serviceMinutes, List<UnitDelta> units) {
    public CoverageDelta {
        bandsMinutes = List.copyOf(bandsMinutes);
        units = List.copyOf(units);
    }

    /**
     * Coverage of one unit before and after. Immutable.
     *
     * @param code      unit code
     * @param name      unit name
     * @param level     admin level
     * @param parentCode parent's code, empty for the top unit
     * @param elderly   residents aged 60+ in the unit (the same in both reports)
     * @param baselineElderly elderly within each band in the baseline, ascending bands (copied)
     * @param scenarioElderly elderly within each band in the what-if (copied)
     */
    public record UnitDelta(String code, String name, AdminLevel level, Optional<String> parentCode, double elderly,
            List<Double> baselineElderly, List<Double> scenarioElderly) {
        public UnitDelta {
            baselineElderly = List.copyOf(baselineElderly);
            scenarioElderly = List.copyOf(scenarioElderly);
        }

        /** Elderly gained (positive) or lost (negative) within band {@code index}. */
        public double changeElderly(int index) {
            return scenarioElderly.get(index) - baselineElderly.get(index);
        }

        /** True when some band changed. */
        public boolean changed() {
            for (int i = 0; i < baselineElderly.size(); i++) {
                if (changeElderly(i) != 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Compares two reports of the same data.
     *
     * @throws IllegalArgumentException when a report is missing, or the bands, service minutes or units differ
     */
    public static CoverageDelta between(CoverageReport baseline, CoverageReport scenario) {
        if (baseline == null || scenario == null) {
            throw new IllegalArgumentException("baseline and scenario reports are required");
        }
        if (!baseline.bandsMinutes().equals(scenario.bandsMinutes())
                || baseline.serviceMinutes() != scenario.serviceMinutes()) {
            throw new IllegalArgumentException("scenario: bands " + scenario.bandsMinutes() + " / service minutes "
                + scenario.serviceMinutes() + " differ from the baseline's " + baseline.bandsMinutes() + " / "
                + baseline.serviceMinutes());
        }
        Map<String, UnitCoverage> after = scenario.units().stream()
            .collect(Collectors.toMap(UnitCoverage::code, Function.identity()));
        if (after.size() != baseline.units().size()) {
            throw new IllegalArgumentException("scenario: has " + after.size() + " units, the baseline "
                + baseline.units().size());
        }
        List<UnitDelta> out = new ArrayList<>();
        for (UnitCoverage b : baseline.units()) {
            UnitCoverage a = after.get(b.code());
            if (a == null) {
                throw new IllegalArgumentException("scenario: unit " + b.code() + " of the baseline is missing");
            }
            out.add(new UnitDelta(b.code(), b.name(), b.level(), b.parentCode(), b.elderly(),
                b.bands().stream().map(BandCoverage::elderly).toList(),
                a.bands().stream().map(BandCoverage::elderly).toList()));
        }
        return new CoverageDelta(baseline.bandsMinutes(), baseline.serviceMinutes(), out);
    }

    /** The entry of unit {@code code}, or empty. */
    public Optional<UnitDelta> findUnit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }
}
