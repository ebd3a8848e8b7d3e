package org.eldercare.planner.scenario;

import java.util.List;
import org.eldercare.planner.policy.Finding;

/**
 * A finding as kept in scenario metrics: enough to tell whether it appears or disappears in a what-if and to show it.
 * Two findings are "the same" when rule, status and feature ids agree ({@link #key()}); a changed measured value
 * alone is not a new finding. Immutable.
 *
 * @param ruleId     rule id
 * @param status     PASS, FAIL or NOT_APPLICABLE
 * @param featureIds features involved (copied)
 * @param measured   measured value (NaN when not applicable)
 * @param target     target value
 * @param unit       unit of both
 * @param citation   document and clause, as text
 * @param messageZh  Chinese message
 * @param messageEn  English message
 */
public record FindingRef(String ruleId, String status, List<String> featureIds, double measured, double target,
        String unit, String citation, String messageZh, String messageEn) {
    public FindingRef {
        featureIds = List.copyOf(featureIds);
    }

    static FindingRef of(Finding f) {
        return new FindingRef(f.ruleId(), f.status().name(), f.featureIds(), f.measured(), f.target(), f.unit(),
            f.citation().toString(), f.messageZh(), f.messageEn());
    }

    /** Identity across runs: {@code ruleId|status|featureIds}. */
    public String key() {
        return ruleId + "|" + status + "|" + String.join(",", featureIds);
    }
}
