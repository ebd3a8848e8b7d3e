package org.eldercare.planner.scenario;

/**
 * A residential district's floor-area verdict in scenario metrics. Immutable.
 *
 * @param id          district id
 * @param status      verdict: PASS, FAIL, PASS_POOLED or NOT_APPLICABLE
 * @param households  households
 * @param requiredM2  required floor area, m²
 * @param providedM2  provided floor area, m²
 * @param shortfallM2 shortfall, m² (0 unless FAIL)
 */
public record DistrictMetrics(String id, String status, int households, double requiredM2, double providedM2,
        double shortfallM2) {}
