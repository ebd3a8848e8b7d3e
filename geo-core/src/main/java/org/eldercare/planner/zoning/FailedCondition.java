package org.eldercare.planner.zoning;

/** A condition of the floor-area rule that a district does not meet. */
public enum FailedCondition {
    /** Total floor area of the district's sites is below rate × households / 100. */
    TOTAL_AREA,
    /** A site of a new district is smaller than the profile's single-site minimum (瓮安: 350 m²). */
    SINGLE_SITE_MINIMUM
}
