package org.eldercare.planner.siting;

import java.util.Optional;

/**
 * Where one demand point is served. Immutable.
 *
 * @param demandId id of the demand point
 * @param siteId   id of the serving site; empty when the point is not served (uncovered in MCLP, or unreachable)
 * @param cost     travel cost to that site in the matrix unit; +∞ when not served
 * @param weight   the point's demand weight
 * @param covered  whether the point counts as covered (within the coverage radius for LSCP/MCLP; served at a
 *                 finite cost for the median and center models)
 */
public record Assignment(String demandId, Optional<String> siteId, double cost, double weight, boolean covered) {
    public Assignment {
        if (demandId == null || siteId == null) {
            throw new IllegalArgumentException("demandId and siteId are required (siteId may be Optional.empty())");
        }
    }
}
