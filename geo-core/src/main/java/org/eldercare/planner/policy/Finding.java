package org.eldercare.planner.policy;

import java.util.List;
import java.util.Objects;

/**
 * One measured value against one rule: what every analysis (coverage, siting, zoning) returns. A planner can trace
 * it to the clause through {@link #citation()}. Immutable.
 *
 * @param ruleId     id of the rule in the profile, e.g. {@code district.floorArea.newPer100Households}
 * @param measured   measured value in {@code unit} (NaN when the rule is not applicable)
 * @param target     value required by the rule in {@code unit}
 * @param unit       unit of both values, as in the {@link RuleCatalog}
 * @param binding    how binding the rule is
 * @param citation   document and clause
 * @param status     PASS, FAIL or NOT_APPLICABLE
 * @param featureIds ids of the features involved (copied)
 * @param messageZh  one-sentence Chinese message
 * @param messageEn  one-sentence English message
 */
public record Finding(
        String ruleId,
        double measured,
        double target,
        String unit,
        Binding binding,
        Citation citation,
        FindingStatus status,
        List<String> featureIds,
        String messageZh,
        String messageEn) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(status, "status");
        featureIds = List.copyOf(featureIds);
        messageZh = Objects.requireNonNull(messageZh, "messageZh");
        messageEn = Objects.requireNonNull(messageEn, "messageEn");
        if (status != FindingStatus.NOT_APPLICABLE && !Double.isFinite(measured)) {
            throw new IllegalArgumentException("measured must be finite for status " + status + ", was " + measured);
        }
    }

    /** A finding about {@code rule}: unit, binding and citation come from the rule. */
    public static Finding of(Rule rule, double measured, double target, FindingStatus status, List<String> featureIds,
            String messageZh, String messageEn) {
        return new Finding(rule.id(), measured, target, rule.unit(), rule.binding(), rule.citation(), status,
            featureIds, messageZh, messageEn);
    }

    /** True when {@link #status()} is PASS. */
    public boolean passed() {
        return status == FindingStatus.PASS;
    }
}
