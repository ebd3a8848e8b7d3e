package org.eldercare.planner.zoning;

import org.eldercare.planner.policy.Binding;
import org.eldercare.planner.policy.Citation;
import org.eldercare.planner.policy.Rule;

/**
 * A profile rule used for a verdict, with its value and source so the verdict can be checked against the clause.
 * Immutable.
 *
 * @param id         rule id, e.g. {@code district.floorArea.newPer100Households}
 * @param value      rule value in {@code unit}
 * @param unit       unit of the value
 * @param citation   document and clause
 * @param binding    how binding the clause is
 * @param assumption true when the profile supplies the value because the documents do not
 */
public record AppliedRule(String id, double value, String unit, Citation citation, Binding binding,
        boolean assumption) {
    /** The applied form of {@code rule}. */
    public static AppliedRule of(Rule rule) {
        return new AppliedRule(rule.id(), rule.value(), rule.unit(), rule.citation(), rule.binding(),
            rule.assumption());
    }
}
