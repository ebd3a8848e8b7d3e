package org.eldercare.planner.zoning;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eldercare.planner.model.DistrictStatus;
import org.eldercare.planner.policy.Finding;

/**
 * The floor-area verdict for one residential district. Immutable.
 *
 * @param districtId       the district's id
 * @param districtStatus   NEW or EXISTING, as given
 * @param households       households of the district
 * @param status           PASS, FAIL, PASS_POOLED or NOT_APPLICABLE
 * @param reasonZh         one sentence why, in Chinese
 * @param reasonEn         one sentence why, in English
 * @param requiredM2       rate × households / 100 for this district alone, m² (0 when not applicable)
 * @param providedM2       sum of this district's site floor areas, m²
 * @param shortfallM2      what is still missing, m²: {@code max(0, required − provided)} for FAIL, 0 for PASS and
 *                         PASS_POOLED (the group covers it) and NOT_APPLICABLE
 * @param failedConditions conditions not met by the district alone (empty for PASS and NOT_APPLICABLE; TOTAL_AREA
 *                         for PASS_POOLED, to show that the district relies on its group)
 * @param pooledWith       the other members of the pooled group for PASS_POOLED, sorted; empty otherwise
 * @param pool             the pooled group that was checked, when pooling was tried (passed or not)
 * @param rules            the profile rules applied, with their citations
 * @param findings         one Finding per checked condition (and one for the pool when tried)
 */
public record DistrictVerdict(
        String districtId,
        DistrictStatus districtStatus,
        int households,
        VerdictStatus status,
        String reasonZh,
        String reasonEn,
        double requiredM2,
        double providedM2,
        double shortfallM2,
        List<FailedCondition> failedConditions,
        List<String> pooledWith,
        Optional<PoolSummary> pool,
        List<AppliedRule> rules,
        List<Finding> findings) {

    public DistrictVerdict {
        Objects.requireNonNull(districtId, "districtId");
        Objects.requireNonNull(status, "status");
        failedConditions = List.copyOf(failedConditions);
        pooledWith = List.copyOf(pooledWith);
        pool = pool == null ? Optional.empty() : pool;
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
    }

    /** True for PASS and PASS_POOLED. */
    public boolean passed() {
        return status == VerdictStatus.PASS || status == VerdictStatus.PASS_POOLED;
    }
}
