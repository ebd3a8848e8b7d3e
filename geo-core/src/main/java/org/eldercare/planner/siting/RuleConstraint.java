package org.eldercare.planner.siting;

import org.eldercare.planner.policy.Citation;

/**
 * One policy rule as applied to a regional siting proposal, with its source, so a planner can see why the proposal
 * looks the way it does. Immutable.
 *
 * <p>{@code binding} means: for a count limit ({@code regional.perCounty.min/max}), the number of chosen sites equals
 * the limit; for a candidate filter ({@code regional.minBeds}, {@code regional.maxDistanceToMedicalM},
 * {@code regional.closure.*}), the rule removed at least one candidate; for the service time
 * ({@code circle.serviceMinutes}), the model must cover every point within it (LSCP) or maximises the demand within
 * it (MCLP); for {@code beds.per1000Elderly}, it sets the bed demand the capacities must hold (CPMEDIAN).
 *
 * @param ruleId      rule id of the profile, e.g. {@code regional.perCounty.max}
 * @param citation    document and clause
 * @param value       the rule's value, in {@code unit}
 * @param unit        unit of the value
 * @param assumption  whether the profile supplies the value as an assumption (the documents give none)
 * @param binding     whether the rule shaped the proposal (see above)
 * @param explanation one sentence: what the rule did here, with the numbers
 */
public record RuleConstraint(String ruleId, Citation citation, double value, String unit, boolean assumption,
        boolean binding, String explanation) {}
