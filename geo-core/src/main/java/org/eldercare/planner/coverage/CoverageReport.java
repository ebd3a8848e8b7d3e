package org.eldercare.planner.coverage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.planner.policy.Finding;

/**
 * Result of a {@link CoverageAnalysis}: population coverage per demand point and per admin unit, administrative and
 * spatial gaps, capacity per county, and every finding with its citation. Immutable.
 *
 * @param dataName        name of the PlanningData
 * @param profileId       id of the policy profile applied
 * @param walkSpeedMps    walking speed the travel times assume, m/s
 * @param serviceMinutes  minutes of the service circle ("covered" = within this)
 * @param bandsMinutes    travel-time bands, ascending (copied)
 * @param demand          one entry per demand point, input order (copied)
 * @param units           one entry per admin unit, input order (copied)
 * @param adminGaps       units lacking a required facility kind, by rule then unit code (copied)
 * @param spatialGaps     uncovered places, rank 1 first (copied)
 * @param capacity        one entry per county and city (copied)
 * @param findings        every finding (copied): data problems first, then population, admin, capacity
 * @param totals          counts of the findings
 * @param warnings        counted data problems (features off the network or in no unit), one per kind (copied)
 */
public record CoverageReport(String dataName, String profileId, double walkSpeedMps, double serviceMinutes,
        List<Double> bandsMinutes, List<DemandAccess> demand, List<UnitCoverage> units, List<AdminGap> adminGaps,
        List<SpatialGap> spatialGaps, List<CapacityMeasure> capacity, List<Finding> findings, FindingTotals totals,
        List<DataWarning> warnings) {
    public CoverageReport {
        bandsMinutes = List.copyOf(bandsMinutes);
        demand = List.copyOf(demand);
        units = List.copyOf(units);
        adminGaps = List.copyOf(adminGaps);
        spatialGaps = List.copyOf(spatialGaps);
        capacity = List.copyOf(capacity);
        findings = List.copyOf(findings);
        warnings = List.copyOf(warnings);
    }

    /** The measures of unit {@code code} (12 digits), or empty. */
    public Optional<UnitCoverage> findUnit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** The measures of unit {@code code}. @throws IllegalArgumentException when the report has no such unit */
    public UnitCoverage getUnit(String code) {
        return findUnit(code).orElseThrow(() -> new IllegalArgumentException("unit code '" + code
            + "' is not in the report (" + units.size() + " units)"));
    }

    /** Findings of rule {@code ruleId}, in report order. */
    public List<Finding> listFindings(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The access of demand point {@code id}. @throws IllegalArgumentException when absent */
    public DemandAccess getDemand(String id) {
        return demand.stream().filter(d -> d.demandPointId().equals(id)).findFirst().orElseThrow(
            () -> new IllegalArgumentException("demand point id '" + id + "' is not in the report"));
    }

    /**
     * Number of spatial gaps touching each unit or one of its descendants, by unit code: each gap is counted once per
     * unit it lies in and once per ancestor of those (up the parent codes of {@link #units()}); units without gaps
     * are absent.
     */
    public Map<String, Integer> gapsPerUnit() {
        Map<String, String> parent = new HashMap<>();
        units().forEach(u -> u.parentCode().ifPresent(p -> parent.put(u.code(), p)));
        Map<String, Integer> out = new HashMap<>();
        for (SpatialGap g : spatialGaps()) {
            Set<String> codes = new HashSet<>();
            for (String c : g.adminCodes()) {
                // up to the top unit; a code seen before stops the walk (its ancestors are in, and cycles end)
                String x = c;
                while (x != null && codes.add(x)) {
                    x = parent.get(x);
                }
            }
            codes.forEach(c -> out.merge(c, 1, Integer::sum));
        }
        return Map.copyOf(out);
    }
}
