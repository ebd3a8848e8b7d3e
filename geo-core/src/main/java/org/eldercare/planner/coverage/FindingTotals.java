package org.eldercare.planner.coverage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eldercare.planner.policy.Binding;
import org.eldercare.planner.policy.Finding;
import org.eldercare.planner.policy.FindingStatus;

/**
 * Counts of a report's findings. Immutable.
 *
 * @param total            all findings
 * @param passed           PASS
 * @param failed           FAIL
 * @param notApplicable    NOT_APPLICABLE (data problems, rules that cannot be decided)
 * @param failedByBinding  FAIL findings per binding (copied)
 */
public record FindingTotals(int total, int passed, int failed, int notApplicable, Map<Binding, Integer> failedByBinding) {
    public FindingTotals {
        failedByBinding = Map.copyOf(failedByBinding);
    }

    /** Counts {@code findings}. */
    public static FindingTotals of(List<Finding> findings) {
        int p = 0;
        int f = 0;
        int n = 0;
        Map<Binding, Integer> byBinding = new EnumMap<>(Binding.class);
        for (Finding x : findings) {
            if (x.status() == FindingStatus.PASS) {
                p++;
            } else if (x.status() == FindingStatus.FAIL) {
                f++;
                byBinding.merge(x.binding(), 1, Integer::sum);
            } else {
                n++;
            }
        }
        return new FindingTotals(findings.size(), p, f, n, byBinding);
    }
}
