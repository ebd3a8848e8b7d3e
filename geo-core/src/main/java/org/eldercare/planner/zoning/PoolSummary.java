package org.eldercare.planner.zoning;

import java.util.List;

/**
 * A pooled group of small adjacent existing districts checked together (统筹多个小区邻近设置集中配建). Immutable.
 *
 * @param memberIds   ids of all districts of the group, sorted
 * @param requiredM2  sum of the members' requirements, m²
 * @param providedM2  sum of the members' site floor areas, m²
 * @param passed      true when {@code providedM2 ≥ requiredM2}
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
