package org.eldercare.planner.zoning;

/** Outcome of the floor-area check for one residential district. */
public enum VerdictStatus {
    /** The district's own provision meets the rule (exactly at the requirement passes: 不少于 means ≥). */
    PASS,
    /** The district fails on its own and no allowed pooled group makes up for it. */
    FAIL,
    /** The district fails on its own, but its pooled group of small adjacent existing districts meets the rule. */
    PASS_POOLED,
    /** The rule does not apply (no households, or the profile has no floor-area rule for the status). */
    NOT_APPLICABLE
}
