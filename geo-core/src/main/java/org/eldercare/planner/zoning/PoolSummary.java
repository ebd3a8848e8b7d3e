package org.eldercare.planner.zoning;

import java.util.List;

/**
 * A district pooled with adjacent small existing districts (统筹多个小区邻近设置集中配建): the group checked
 * together. Immutable.
 *
 * @param memberIds   the district and the neighbours whose spare area it uses (all neighbours with spare area when
 *                    the pool fails), sorted
 * @param requiredM2  sum of the members' requirements, m²
 * @param providedM2  sum of the members' site floor areas, m², less the spare area the neighbours had already given
 *                    to districts checked earlier
 * @param passed      true when {@code providedM2 ≥ requiredM2} (within {@link DistrictCheck#TOLERANCE_M2})
 */
public record PoolSummary(List<String> memberIds, double requiredM2, double providedM2, boolean passed) {
    public PoolSummary {
        memberIds = List.copyOf(memberIds);
    }

    /** {@code max(0, requiredM2 − providedM2)}. */
    public double shortfallM2() {
        return Math.max(0, requiredM2 - providedM2);
    }
}
