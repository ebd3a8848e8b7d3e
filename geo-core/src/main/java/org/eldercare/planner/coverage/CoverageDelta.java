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
 * <p>{@link Covered} is the service-circle part of such a comparison (elderly and covered elderly before and after,
 * shares, change) for one unit or a total. It is also what {@code scenario.ScenarioDiff} compares per unit and in
 * total; there the elderly may differ between the runs (population scaling), so {@code Covered} keeps both. Here the
 * elderly are the same in both reports by construction ({@link #between} refuses reports where they differ).
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
     * Service-circle coverage of a unit (or a total) before and after. Shares are NaN without elderly. Immutable.
     *
     * @param elderlyBefore elderly (residents aged 60+) before, &ge; 0
     * @param elderlyAfter  elderly after, &ge; 0 (differs from before only when the population changed)
     * @param coveredBefore of them within the service circle before
     * @param coveredAfter  of them within the service circle after
     */
    public record Covered(double elderlyBefore, double elderlyAfter, double coveredBefore, double coveredAfter) {
        /** Covered share before, in [0, 1]; NaN when there are no elderly. */
        public double shareBefore() {
            return share(coveredBefore, elderlyBefore);
        }

        /** Covered share after, in [0, 1]; NaN when there are no elderly. */
        public double shareAfter() {
            return share(coveredAfter, elderlyAfter);
        }

        /** Covered elderly gained (positive) or lost (negative). */
        public double deltaCovered() {
            return coveredAfter - coveredBefore;
        }

        /** True when neither the elderly nor the covered elderly changed. */
        public boolean isZero() {
            return elderlyBefore == elderlyAfter && coveredBefore == coveredAfter;
        }

        /** {@code covered / elderly}, NaN when {@code elderly} is not positive: the one definition of a share. */
        public static double share(double covered, double elderly) {
            return elderly > 0 ? covered / elderly : Double.NaN;
        }
    }

    /**
     * Index of {@link #serviceMinutes} in {@link #bandsMinutes}.
     *
     * @throws IllegalStateException when the service minutes are not one of the bands
     */
    public int serviceIndex() {
        int i = bandsMinutes.indexOf(serviceMinutes);
        if (i < 0) {
            throw new IllegalStateException("serviceMinutes " + serviceMinutes + " is not one of the bands "
                + bandsMinutes);
        }
        return i;
    }

    /** The service-circle coverage of {@code unit} (an entry of {@link #units}) before and after. */
    public Covered covered(UnitDelta unit) {
        int i = serviceIndex();
        return new Covered(unit.elderly(), unit.elderly(), unit.baselineElderly().get(i),
            unit.scenarioElderly().get(i));
    }

    /** The service-circle coverage summed over the top units (those whose parent is not among the units). */
    public Covered total() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        units.forEach(u -> codes.add(u.code()));
        double elderly = 0;
        double before = 0;
        double after = 0;
        for (UnitDelta u : units) {
            if (u.parentCode().isEmpty() || !codes.contains(u.parentCode().get())) {
                Covered c = covered(u);
                elderly += c.elderlyBefore();
                before += c.coveredBefore();
                after += c.coveredAfter();
            }
        }
        return new Covered(elderly, elderly, before, after);
    }

    /**
     * Compares two reports of the same data.
     *
     * @throws IllegalArgumentException when a report is missing, or the bands, service minutes, units or the units'
     *                                  elderly differ
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
            if (a.elderly() != b.elderly()) {
                throw new IllegalArgumentException("scenario: unit " + b.code() + " has " + a.elderly()
                    + " elderly, the baseline " + b.elderly() + " (reports of the same population are required)");
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
