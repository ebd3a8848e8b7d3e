package org.eldercare.planner.policy;

/** Outcome of measuring one value against one rule. */
public enum FindingStatus {
    /** The measured value meets the rule (for "不少于", measured ≥ target). */
    PASS,
    /** The measured value does not meet the rule. */
    FAIL,
    /** The rule does not apply to the feature (the message says why). */
    NOT_APPLICABLE
}
