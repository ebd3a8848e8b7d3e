package org.eldercare.planner.coverage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.planner.model.AdminLevel;
import org.eldercare.planner.model.FacilityKind;

/**
 * Coverage measures of one administrative unit (community/village, township/street, county or city), summed over the
 * demand points that belong to it or to its descendants. Immutable.
 *
 * @param code               12-digit unit code
 * @param name               unit name
 * @param level              admin level
 * @param parentCode         parent's code, empty for the top unit
 * @param demandPoints       number of demand points in the unit
 * @param elderly            residents aged 60+ (sum of demand points)
 * @param age80plus          residents aged 80+
 * @param disabled           disabled and semi-disabled elderly
 * @param elderlyUnsnapped   elderly at demand points too far from any road (counted as not covered)
 * @param bands              elderly within each band of the nearest service facility, ascending (copied)
 * @param serviceMinutes     the service-circle minutes "covered" refers to
 * @param bandsByKind        for each facility kind present in the data: elderly within each band of the nearest
 *                           facility of THAT kind, the same bands as {@code bands} (copied)
 * @param kindsPresent       facility kinds located in the unit or its descendants (copied)
 * @param lackingRuleIds     coverage rules that apply to this unit and that it fails (copied)
 */
public record UnitCoverage(String code, String name, AdminLevel level, Optional<String> parentCode, int demandPoints,
        double elderly, double age80plus, double disabled, double elderlyUnsnapped, List<BandCoverage> bands,
        double serviceMinutes, Map<FacilityKind, List<BandCoverage>> bandsByKind, Set<FacilityKind> kindsPresent,
        List<String> lackingRuleIds) {
    public UnitCoverage {
        bands = List.copyOf(bands);
        Map<FacilityKind, List<BandCoverage>> byKind = new EnumMap<>(FacilityKind.class);
        bandsByKind.forEach((k, v) -> byKind.put(k, List.copyOf(v)));
        bandsByKind = Collections.unmodifiableMap(byKind);
        kindsPresent = Set.copyOf(kindsPresent);
        lackingRuleIds = List.copyOf(lackingRuleIds);
    }

    /** The band of {@code minutes}. @throws IllegalArgumentException naming the bands when absent */
    public BandCoverage band(double minutes) {
        return band(bands, minutes);
    }

    /** Elderly within {@code serviceMinutes} of a facility of each kind present in the data. */
    public Map<FacilityKind, Double> elderlyWithinServiceByKind() {
        Map<FacilityKind, Double> m = new EnumMap<>(FacilityKind.class);
        bandsByKind.forEach((k, v) -> m.put(k, band(v, serviceMinutes).elderly()));
        return Collections.unmodifiableMap(m);
    }

    private static BandCoverage band(List<BandCoverage> bands, double minutes) {
        for (BandCoverage b : bands) {
            if (b.minutes() == minutes) {
                return b;
            }
        }
        throw new IllegalArgumentException("minutes must be one of the bands " + bands.stream()
            .map(BandCoverage::minutes).toList() + ", was " + minutes);
    }

    /** Elderly within the service circle. */
    public double elderlyCovered() {
        return band(serviceMinutes).elderly();
    }

    /** Elderly outside the service circle (including those at unsnapped points). */
    public double elderlyNotCovered() {
        return elderly - elderlyCovered();
    }

    /** Share of elderly within the service circle, in [0, 1]; NaN when the unit has no elderly. */
    public double coveredShare() {
        return CoverageDelta.Covered.share(elderlyCovered(), elderly);
    }

    /** Share of 80+ within the service circle; NaN when none. */
    public double coveredShareAge80plus() {
        return age80plus > 0 ? band(serviceMinutes).age80plus() / age80plus : Double.NaN;
    }

    /** Share of disabled elderly within the service circle; NaN when none. */
    public double coveredShareDisabled() {
        return disabled > 0 ? band(serviceMinutes).disabled() / disabled : Double.NaN;
    }
}
