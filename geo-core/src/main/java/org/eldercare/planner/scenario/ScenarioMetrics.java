package org.eldercare.planner.scenario;

import java.util.List;
import java.util.Optional;

/**
 * What one run (the baseline or a scenario) measured, in a form that can be saved, read back and compared: coverage
 * and beds per admin unit, spatial gaps, every finding (coverage, capacity and district rules) and the district
 * verdicts. Immutable.
 *
 * @param label          "baseline" or the scenario's name
 * @param profileId      policy profile id
 * @param walkSpeedMps   walking speed of the travel times, m/s
 * @param serviceMinutes service-circle minutes
 * @param units          per admin unit, in data order (copied)
 * @param gaps           spatial gaps, rank 1 first (copied)
 * @param findings       coverage findings then district findings, in report order (copied)
 * @param districts      district verdicts, in data order (copied)
 */
public record ScenarioMetrics(String label, String profileId, double walkSpeedMps, double serviceMinutes,
        List<UnitMetrics> units, List<GapMetrics> gaps, List<FindingRef> findings, List<DistrictMetrics> districts) {
    public ScenarioMetrics {
        units = List.copyOf(units);
        gaps = List.copyOf(gaps);
        findings = List.copyOf(findings);
        districts = List.copyOf(districts);
    }

    /** The unit {@code code}, or empty. */
    public Optional<UnitMetrics> findUnit(String code) {
        return units.stream().filter(u -> u.code().equals(code)).findFirst();
    }

    /** The unit {@code code}. @throws IllegalArgumentException when absent */
    public UnitMetrics getUnit(String code) {
        return findUnit(code).orElseThrow(() -> new IllegalArgumentException("unit code '" + code
            + "' is not in the metrics (" + units.size() + " units)"));
    }

    /** Top units (no parent among the units), in order: what totals are summed over. */
    public List<UnitMetrics> listTopUnits() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        units.forEach(u -> codes.add(u.code()));
        return units.stream().filter(u -> u.parentCode().isEmpty() || !codes.contains(u.parentCode().get())).toList();
    }

    /** Elderly at all demand points (sum over the top units). */
    public double totalElderly() {
        return listTopUnits().stream().mapToDouble(UnitMetrics::elderly).sum();
    }

    /** Elderly within the service circle (sum over the top units). */
    public double totalElderlyCovered() {
        return listTopUnits().stream().mapToDouble(UnitMetrics::elderlyCovered).sum();
    }

    /** Beds of all institutions located in a unit (sum over the top units). */
    public long totalBeds() {
        return listTopUnits().stream().mapToLong(UnitMetrics::beds).sum();
    }

    /** Count of findings with this status (PASS, FAIL, NOT_APPLICABLE). */
    public long countFindings(String status) {
        return findings.stream().filter(f -> f.status().equals(status)).count();
    }
}
