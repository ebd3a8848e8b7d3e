package org.eldercare.planner.zoning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * The verdict as plain JSON-ready values (String, Number, Boolean, List, Map): {@code id}, {@code districtStatus},
     * {@code households}, {@code status}, {@code requiredM2}, {@code providedM2}, {@code shortfallM2},
     * {@code failedConditions}, {@code pooledWith}, {@code reasonZh}, {@code reasonEn} and {@code rules} (each with
     * {@code id}, {@code value}, {@code unit}, {@code source}, {@code binding}, {@code assumption}). Areas are
     * rounded to 0.01 m².
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", districtId);
        m.put("districtStatus", districtStatus == null ? null : districtStatus.name().toLowerCase(Locale.ROOT));
        m.put("households", households);
        m.put("status", status.name());
        m.put("requiredM2", round2(requiredM2));
        m.put("providedM2", round2(providedM2));
        m.put("shortfallM2", round2(shortfallM2));
        m.put("failedConditions", failedConditions.stream().map(Enum::name).toList());
        m.put("pooledWith", pooledWith);
        m.put("reasonZh", reasonZh);
        m.put("reasonEn", reasonEn);
        List<Map<String, Object>> rs = new ArrayList<>();
        for (AppliedRule r : rules) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("id", r.id());
            rm.put("value", r.value());
            rm.put("unit", r.unit());
            rm.put("source", r.citation().toString());
            rm.put("binding", r.binding().name());
            rm.put("assumption", r.assumption());
            rs.add(rm);
        }
        m.put("rules", rs);
        return m;
    }

    private static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** True for PASS and PASS_POOLED. */
    public boolean passed() {
        return status == VerdictStatus.PASS || status == VerdictStatus.PASS_POOLED;
    }
}
