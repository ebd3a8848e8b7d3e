package org.eldercare.planner.siting;

import org.eldercare.planner.policy.Citation;

/**
 * A candidate site a policy rule keeps out of a regional proposal; a candidate failing several rules appears once
 * per rule. Immutable.
 *
 * @param siteId   facility id of the candidate
 * @param name     its name
 * @param ruleId   the rule it fails
 * @param citation the rule's source
 * @param measured the candidate's value (beds, metres, residents, occupancy share); NaN when unknown
 * @param limit    the rule's value
 * @param reason   one sentence with the numbers
 */
public record ExcludedCandidate(String siteId, String name, String ruleId, Citation citation, double measured,
        double limit, String reason) {}
